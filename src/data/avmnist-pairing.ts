// Pairing of the demo dataset AV-MNIST (Harmonic-NAS / SMIL "SoundMNIST"): MNIST digit images
// paired by label with Free Spoken Digit Dataset recordings. Seeded and deterministic.
//
// Recordings (FSDD names `{digit}_{speaker}_{take}.wav`): per class, every recording is used at
// most once. FSDD's own test takes (take < 5) all go to the test split; the remaining takes of
// each speaker are shuffled with the seeded RNG and dealt round-robin across speakers, so each
// split is speaker-balanced: test is filled up first, then val, then train. With 3 speakers ×
// 50 takes and 45 / 15 / 90 per class, each (class, speaker) gives 5 + 10 test, 5 val, 30 train.
// Images: train and val images are distinct MNIST training-set images, test images are MNIST
// test-set images, drawn per class from a seeded shuffle. Within a split the pairs are shuffled.

import { Rng } from '../core/rng';

export type SplitName = 'train' | 'val' | 'test';
export const SPLITS: readonly SplitName[] = ['train', 'val', 'test'];

export interface FsddId {
  digit: number;
  speaker: string;
  take: number;
  /** File name without directory, e.g. "3_theo_12.wav". */
  file: string;
}

export interface AvPair {
  label: number;
  /** Which MNIST file the image comes from. */
  mnistSet: 'train' | 'test';
  /** Index of the image within that MNIST file. */
  mnistIndex: number;
  /** FSDD file name of the recording. */
  fsdd: string;
}

export type PerSplit<T> = Record<SplitName, T>;

/** FSDD's own test split: takes 0–4. */
export const FSDD_TEST_TAKES = 5;

export function parseFsddName(file: string): FsddId {
  const m = /^(\d)_([a-z]+)_(\d+)\.wav$/.exec(file);
  if (!m) throw new Error(`not an FSDD recording name: "${file}" (expected {digit}_{speaker}_{take}.wav)`);
  return { digit: Number(m[1]), speaker: m[2], take: Number(m[3]), file };
}

const byName = (a: FsddId, b: FsddId) => (a.speaker < b.speaker ? -1 : a.speaker > b.speaker ? 1 : a.take - b.take);

/** Assigns recordings to splits (see the header). Throws if a class has too few recordings. */
export function splitRecordings(files: readonly string[], perClass: PerSplit<number>, rng: Rng, classes = 10): PerSplit<FsddId[][]> {
  const ids = files.map(parseFsddName);
  const out: PerSplit<FsddId[][]> = { train: [], val: [], test: [] };
  for (let digit = 0; digit < classes; digit++) {
    const mine = ids.filter((r) => r.digit === digit).sort(byName);
    const speakers = [...new Set(mine.map((r) => r.speaker))].sort();
    const fsddTest = mine.filter((r) => r.take < FSDD_TEST_TAKES);
    const rest = speakers.map((s) => rng.shuffle(mine.filter((r) => r.speaker === s && r.take >= FSDD_TEST_TAKES)));
    const dealt: FsddId[] = [];
    for (let i = 0; rest.some((list) => i < list.length); i++) {
      for (const list of rest) if (i < list.length) dealt.push(list[i]);
    }
    const need = perClass.test + perClass.val + perClass.train;
    if (fsddTest.length > perClass.test || fsddTest.length + dealt.length < need) {
      throw new Error(
        `class ${digit}: ${mine.length} recordings (${fsddTest.length} FSDD-test takes) cannot fill ` +
          `${perClass.train}/${perClass.val}/${perClass.test} train/val/test`,
      );
    }
    const fillTest = perClass.test - fsddTest.length;
    out.test.push([...fsddTest, ...dealt.slice(0, fillTest)]);
    out.val.push(dealt.slice(fillTest, fillTest + perClass.val));
    out.train.push(dealt.slice(fillTest + perClass.val, fillTest + perClass.val + perClass.train));
  }
  return out;
}

function indicesByClass(labels: ArrayLike<number>, classes: number): number[][] {
  const lists: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < labels.length; i++) if (labels[i] < classes) lists[labels[i]].push(i);
  return lists;
}

export interface PairingInput {
  fsddFiles: readonly string[];
  mnistTrainLabels: ArrayLike<number>;
  mnistTestLabels: ArrayLike<number>;
  perClass: PerSplit<number>;
  seed: number;
  classes?: number;
}

/** Builds the three splits of image–recording pairs. Same input and seed → same output. */
export function pairAvmnist(input: PairingInput): PerSplit<AvPair[]> {
  const classes = input.classes ?? 10;
  const root = new Rng(input.seed);
  const recRng = root.fork();
  const imgRng = root.fork();
  const orderRng = root.fork();
  const recordings = splitRecordings(input.fsddFiles, input.perClass, recRng, classes);
  const trainPool = indicesByClass(input.mnistTrainLabels, classes).map((l) => imgRng.shuffle(l));
  const testPool = indicesByClass(input.mnistTestLabels, classes).map((l) => imgRng.shuffle(l));
  const out: PerSplit<AvPair[]> = { train: [], val: [], test: [] };
  for (let c = 0; c < classes; c++) {
    const { train, val, test } = input.perClass;
    if (trainPool[c].length < train + val || testPool[c].length < test) {
      throw new Error(`class ${c}: not enough MNIST images for ${train}+${val} train/val and ${test} test`);
    }
    const take = (split: SplitName, set: 'train' | 'test', images: number[]) =>
      recordings[split][c].forEach((r, i) =>
        out[split].push({ label: c, mnistSet: set, mnistIndex: images[i], fsdd: r.file }),
      );
    take('train', 'train', trainPool[c].slice(0, train));
    take('val', 'train', trainPool[c].slice(train, train + val));
    take('test', 'test', testPool[c].slice(0, test));
  }
  for (const s of SPLITS) orderRng.shuffle(out[s]);
  return out;
}
