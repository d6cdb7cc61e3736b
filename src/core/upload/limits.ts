// The limits of an uploaded multimodal dataset (the format in README "Search your own data"),
// declared once for the validator, the messages and the docs.

export const UPLOAD_LIMITS = {
  /** Bytes of the zip file itself. */
  maxCompressedBytes: 50 * 1024 * 1024,
  /** Bytes of all files once inflated. */
  maxUncompressedBytes: 500 * 1024 * 1024,
  /** A file (or the whole zip) inflating to more than this many times its stored size reads as a zip bomb. */
  maxCompressionRatio: 100,
  /** Ratios are only judged above this inflated size (tiny files compress wildly). */
  ratioCheckAboveBytes: 1024 * 1024,
  minClasses: 2,
  maxClasses: 50,
  /** Training samples every class needs. */
  minTrainPerClass: 5,
  modalities: 2,
} as const;

export const MODALITY_KINDS = ['image', 'audio'] as const;
export type ModalityKind = (typeof MODALITY_KINDS)[number];

/** File extensions accepted per kind (lower case, without the dot). */
export const KIND_EXTENSIONS: Readonly<Record<ModalityKind, readonly string[]>> = {
  image: ['png', 'jpg', 'jpeg'],
  audio: ['wav'],
};

export const SPLITS = ['train', 'val', 'test'] as const;
export type SplitName = (typeof SPLITS)[number];
/** Shares of the seeded, stratified split made when labels.csv has no split column. */
export const DEFAULT_SPLIT_SHARES: Readonly<Record<SplitName, number>> = { train: 0.7, val: 0.15, test: 0.15 };
