// The whole check of an uploaded multimodal dataset, every problem at once: the zip's directory
// (./zip-entries.ts), manifest.json (./manifest.ts), labels.csv (./labels.ts), then the layout —
// one file per sample and modality under `<modality>/<id>.<ext>`, no file without a row, 2–50
// classes, at least 5 training samples per class — with warnings for class imbalance. Decoding
// the images and WAVs comes after (the browser decodes images); this part is pure.

import { KIND_EXTENSIONS, UPLOAD_LIMITS, type SplitName } from './limits';
import { checkZipEntries, type ZipEntry } from './zip-entries';
import { parseUploadManifest, type UploadManifest } from './manifest';
import { parseLabels } from './labels';
import { stratifiedSplit } from './split';

export interface UploadSample {
  id: string;
  label: string;
  split: SplitName;
  /** Path in the zip per modality name. */
  files: Record<string, string>;
}

export interface UploadCheck {
  errors: string[];
  warnings: string[];
  /** Present when there is no error. */
  dataset: { manifest: UploadManifest; classes: string[]; samples: UploadSample[]; counts: Record<SplitName, Record<string, number>> } | null;
}

/** The zip as the validator sees it: its size, its directory, and the two text files' contents. */
export interface UploadListing {
  zipBytes: number;
  entries: readonly ZipEntry[];
  text(name: string): string | null;
}

export function validateUpload(z: UploadListing, seed = 1): UploadCheck {
  const errors = checkZipEntries(z.zipBytes, z.entries);
  const warnings: string[] = [];
  if (errors.length > 0) return { errors, warnings, dataset: null }; // nothing is read from a suspicious zip
  const { manifest, problems: manifestProblems } = parseUploadManifest(z.text('manifest.json'));
  const labels = parseLabels(z.text('labels.csv'));
  errors.push(...manifestProblems, ...labels.problems);
  if (!manifest) return { errors, warnings, dataset: null };

  const files = z.entries.map((e) => e.name).filter((n) => !n.endsWith('/'));
  const byStem = new Map<string, string[]>(); // "<modality>/<id>" → paths
  for (const f of files) {
    if (f === 'manifest.json' || f === 'labels.csv') continue;
    const m = /^([^/]+)\/([^/]+)\.([^./]+)$/.exec(f);
    const modality = manifest.modalities.find((x) => x.name === m?.[1]);
    if (!m || !modality) {
      errors.push(`${f}: not part of the layout (<modality>/<id>.<ext> with modality ${manifest.modalities.map((x) => x.name).join(' or ')}).`);
      continue;
    }
    if (!KIND_EXTENSIONS[modality.kind].includes(m[3].toLowerCase())) {
      errors.push(`${f}: a ${modality.kind} file must end in ${KIND_EXTENSIONS[modality.kind].map((x) => `.${x}`).join(', ')}.`);
      continue;
    }
    const key = `${m[1]}/${m[2]}`;
    byStem.set(key, [...(byStem.get(key) ?? []), f]);
  }
  const ids = new Set(labels.rows.map((r) => r.id));
  for (const [key, paths] of byStem) {
    const id = key.slice(key.indexOf('/') + 1);
    if (!ids.has(id)) errors.push(`${paths[0]}: no row for id ${id} in labels.csv.`);
    if (paths.length > 1) errors.push(`${paths.join(' and ')}: two files for one sample.`);
  }
  const samples: UploadSample[] = [];
  const split = labels.hasSplit ? null : stratifiedSplit(labels.rows, seed);
  for (const r of labels.rows) {
    const missing = manifest.modalities.filter((mod) => !byStem.has(`${mod.name}/${r.id}`));
    if (missing.length > 0) {
      errors.push(`labels.csv row ${r.row}: sample ${r.id} has no ${missing.map((m) => `${m.name}/${r.id}.${KIND_EXTENSIONS[m.kind][0]}`).join(' and no ')}.`);
      continue;
    }
    const filesOf = Object.fromEntries(manifest.modalities.map((mod) => [mod.name, byStem.get(`${mod.name}/${r.id}`)![0]]));
    samples.push({ id: r.id, label: r.label, split: r.split ?? split!.get(r.id)!, files: filesOf });
  }

  const classes = [...new Set(labels.rows.map((r) => r.label))].sort();
  if (classes.length > 0 && classes.length < UPLOAD_LIMITS.minClasses) errors.push(`labels.csv: ${classes.length} class; at least ${UPLOAD_LIMITS.minClasses} are needed.`);
  if (classes.length > UPLOAD_LIMITS.maxClasses) errors.push(`labels.csv: ${classes.length} classes; at most ${UPLOAD_LIMITS.maxClasses} are supported.`);
  const counts = { train: {}, val: {}, test: {} } as Record<SplitName, Record<string, number>>;
  for (const s of samples) counts[s.split][s.label] = (counts[s.split][s.label] ?? 0) + 1;
  if (classes.length <= UPLOAD_LIMITS.maxClasses) {
    for (const c of classes) {
      const n = counts.train[c] ?? 0;
      if (n < UPLOAD_LIMITS.minTrainPerClass) errors.push(`Class ${JSON.stringify(c)} has ${n} training sample${n === 1 ? '' : 's'}; at least ${UPLOAD_LIMITS.minTrainPerClass} are needed.`);
    }
    const trainCounts = classes.map((c) => counts.train[c] ?? 0).filter((n) => n > 0);
    if (trainCounts.length > 1 && Math.max(...trainCounts) > 3 * Math.min(...trainCounts)) {
      warnings.push(`The classes are imbalanced in training: from ${Math.min(...trainCounts)} to ${Math.max(...trainCounts)} samples per class.`);
    }
  }
  return errors.length > 0 ? { errors, warnings, dataset: null } : { errors, warnings, dataset: { manifest, classes, samples, counts } };
}
