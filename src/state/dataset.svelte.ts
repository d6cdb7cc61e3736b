// State behind the Data view: loads the shipped demo dataset AV-MNIST once and derives what
// the view tabulates from it (class balance per split, samples per digit), so the view only
// renders and plays clips.
import { AVMNIST_URL, joinUrl, loadAvmnist, type Avmnist } from '../data/avmnist';
import { SPLITS, type SplitName } from '../data/avmnist-pairing';

export interface ClassBalance {
  label: number;
  /** Samples of this class per split, in SPLITS order. */
  counts: number[];
}

export class DatasetState {
  data = $state.raw<Avmnist | null>(null);
  /** Why the dataset could not be loaded. */
  error = $state<string | null>(null);

  /** The folder holding the manifest, under the page's base URL. */
  readonly baseUrl: string;

  constructor(baseUrl: string = AVMNIST_URL) {
    this.baseUrl = baseUrl;
  }

  /** How many samples of each class every split holds, from the labels. */
  balance = $derived.by<ClassBalance[]>(() => {
    const d = this.data;
    if (!d) return [];
    return Array.from({ length: d.manifest.classes }, (_, c) => ({
      label: c,
      counts: SPLITS.map((s) => d[s].labels.filter((l) => l === c).length),
    }));
  });

  /** Samples per digit in all and per split, from the manifest (the set is class-balanced). */
  perClass = $derived.by<({ total: number } & Record<SplitName, number>) | null>(() => {
    const m = this.data?.manifest;
    if (!m) return null;
    const per = (n: number) => n / m.classes;
    return { total: per(SPLITS.reduce((n, s) => n + m.splits[s], 0)), train: per(m.splits.train), val: per(m.splits.val), test: per(m.splits.test) };
  });

  async load(fetchFn?: typeof fetch): Promise<void> {
    try {
      this.data = await loadAvmnist(this.baseUrl, fetchFn);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** URL of a file named in the manifest (e.g. a clip), relative to the dataset's folder. */
  fileUrl(file: string): string {
    return joinUrl(this.baseUrl, file);
  }
}
