// How the shipped audio supernet does on voices it never heard (the speaker-independent audio
// issue): `eval-subnet --wav-dir DIR --record FILE` scores every FSDD-named recording of a folder
// through the demo pipeline and keeps one result per subnet, with the SHA-256 of the weights it
// scored (so a stale record is caught) and the command. Shipped as
// public/models/avmnist-audio/unheard-voices.json; parsed here for the Data view. Pure TypeScript.

export interface UnheardVoicesResult {
  genome: string;
  /** Accuracy (%) over all scored clips. */
  accuracy: number;
  n: number;
  perSpeaker: Record<string, { accuracy: number; n: number }>;
  skipped: number;
  /**
   * With --adapt-bn: the same clips scored with each speaker's BN statistics taken from the other half
   * of that speaker's clips (no labels; src/core/audio/speaker-folds.ts). Speakers too small to adapt
   * are listed and keep the plain figure.
   */
  speakerAdapted?: { accuracy: number; perSpeaker: Record<string, { accuracy: number; n: number }>; unadaptedSpeakers: string[] };
  /** SHA-256 (hex) of the supernet.bin that was scored. */
  weightsSha256: string;
  command: string;
  date: string;
}

export interface UnheardVoicesRecord {
  script: string;
  /** Where the recordings come from, in words (they are not shipped). */
  about: string;
  results: UnheardVoicesResult[];
}

const pct = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 100;
const count = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
/** {speaker: {accuracy in 0..100, n}} */
const perSpeakerOk = (x: unknown) =>
  typeof x === 'object' && x !== null && Object.values(x).every((s: { accuracy?: unknown; n?: unknown } | null) => s && pct(s.accuracy) && count(s.n));

export function parseUnheardVoices(json: unknown, where = 'unheard-voices record'): UnheardVoicesRecord {
  const r = json as Partial<UnheardVoicesRecord> | null;
  if (!r || typeof r !== 'object' || typeof r.script !== 'string' || typeof r.about !== 'string' || !Array.isArray(r.results)) {
    throw new Error(`${where}: expected {script, about, results: [...]}`);
  }
  r.results.forEach((x, i) => {
    const ok =
      x && typeof x.genome === 'string' && pct(x.accuracy) && count(x.n) && x.n > 0 && count(x.skipped) &&
      typeof x.weightsSha256 === 'string' && /^[0-9a-f]{64}$/.test(x.weightsSha256) && typeof x.command === 'string' && typeof x.date === 'string' &&
      perSpeakerOk(x.perSpeaker);
    const adapted = x?.speakerAdapted;
    if (adapted !== undefined) {
      const adaptedOk = adapted && pct(adapted.accuracy) && Array.isArray(adapted.unadaptedSpeakers) && adapted.unadaptedSpeakers.every((s) => typeof s === 'string') &&
        perSpeakerOk(adapted.perSpeaker);
      if (!adaptedOk) throw new Error(`${where}: result ${i}'s speakerAdapted lacks an accuracy in 0..100, per-speaker figures or the list of unadapted speakers`);
    }
    if (!ok) throw new Error(`${where}: result ${i} lacks a genome, an accuracy in 0..100, counts, per-speaker figures, the weights' SHA-256 or the command`);
  });
  return r as UnheardVoicesRecord;
}

/** The record with `result` in place of any earlier result for the same genome (order: by genome). */
export function withResult(record: UnheardVoicesRecord, result: UnheardVoicesResult): UnheardVoicesRecord {
  const results = [...record.results.filter((x) => x.genome !== result.genome), result].sort((a, b) => a.genome.localeCompare(b.genome));
  return { ...record, results };
}
