// The URL hash contract of the app: `key=value` pairs joined by `&`, e.g.
// `#view=search&preset=quick&seed=1&device=jetson-tx2&lambda=0.1&backend=auto&run=1`.
// Every key is declared once, in URL_TABLE below, with how it parses (an invalid value yields a
// message and the default) and how it is written; the router (`view`) and the search settings
// read the same table, and `formatUrlState` round-trips `parseUrlState`.

import { BACKEND_CHOICES, isBackendChoice, type BackendChoice } from '../backends';
import { DEFAULT_PRESET, DEVICE_ID, OBJECTIVES, PRESETS, PRESET_NAMES, isPresetName, numberSettingProblem, presetSettings, validateObjectives } from './settings';
import type { NumberSettingKey, Objective } from './settings';
import type { PresetName, SearchSettings } from './settings';
import { CELL_CHOICES, NODE_CHOICES, type FusionOp } from '../types';
import { parseGenome } from '../genome';
import { parseFusionOps } from '../fusion-genotype';
import { LESSON_COUNT } from '../lessons/catalogue';

/** The app's views, in menu order; `search` is shown when the hash names none. */
export const VIEW_IDS = ['search', 'data', 'devices'] as const;
export type ViewId = (typeof VIEW_IDS)[number];
export const DEFAULT_VIEW: ViewId = 'search';

/** Preset numbers a link may change (written only when they differ from the preset's). */
export const TUNED_NUMBER_KEYS = [
  'populationSize', 'offspring', 'survivorFraction', 'generations', 'fusionEpochs', 'retrainEpochs', 'retrainLr', 'C', 'bnBatches', 'trainSubset', 'crossoverP', 'mutationP',
] as const satisfies readonly NumberSettingKey[];
export type TunedNumberKey = (typeof TUNED_NUMBER_KEYS)[number];

import { DATASET_IDS, type DatasetId } from './settings';
export { DATASET_IDS, type DatasetId };

/**
 * The hash's settings. The tuned preset numbers, `objectives` and `paperFaithful` are null (the
 * key left out) when the preset's value applies.
 */
export interface UrlSettings extends Partial<Record<TunedNumberKey, number | null>> {
  view: ViewId;
  preset: PresetName;
  seed: number;
  device: string;
  /** λ of the inner tier's hardware term; defaults to the preset's. */
  lambda: number;
  backend: BackendChoice;
  /** The dataset searched on. */
  dataset?: DatasetId;
  /** The objectives, when not the preset's (written `error,latency`). */
  objectives?: Objective[] | null;
  /** Paper-faithful mode, when not the preset's. */
  paperFaithful?: boolean | null;
  /** Start the search as soon as the page has loaded. */
  run: boolean;
  /** A recorded run to replay into the views (a path under the app's own origin), or null. */
  replay: string | null;
  // A network for the Devices view to price (a link from the Search view's architecture
  // diagram). Parsed as null when absent; optional, so the Search view may leave them out.
  /** Its image backbone (genome text, e.g. k5557e3643d2). */
  image?: string | null;
  /** Its audio backbone. */
  audio?: string | null;
  /** Its fusion operators in cell order, written `ConcatFC,CatConvMish`. */
  fusion?: FusionOp[] | null;
  /** Its fusion macro-shape: cells and nodes per cell (each 1–4). */
  cells?: number | null;
  nodes?: number | null;
  /** The Learn panel's open lesson (1-based, see src/core/lessons/catalogue.ts), or null. */
  lesson?: number | null;
}
export type UrlKey = keyof UrlSettings;

export interface UrlParseOptions {
  /** When given, `device` must be one of these ids. */
  knownDevices?: readonly string[];
}

/** One key of the contract: parse its text (a value, or what is wrong with it) and write it. */
interface UrlField<K extends UrlKey> {
  parse(text: string, options: UrlParseOptions): { value: UrlSettings[K] } | { problem: string };
  /** The text to write, or null to leave the key out. */
  format(value: UrlSettings[K]): string | null;
  /** What happens instead of an invalid value (default: "using <the default>"). */
  fallbackWords?: (fallback: UrlSettings[K]) => string;
}

/** A same-origin relative path to a `.jsonl` recording (no scheme, no leading slash, no `..`). */
const RECORDING_PATH = /^[a-z0-9][a-z0-9._/-]*\.jsonl$/i;

const oneOf = (allowed: readonly string[]) => `is not one of ${allowed.join(', ')}`;

/** A backbone genome in its text form; null (the key left out) when absent. */
const genomeField = <K extends 'image' | 'audio'>(): UrlField<K> => ({
  parse: (t) => {
    try {
      parseGenome(t);
      return { value: t.trim() as UrlSettings[K] };
    } catch {
      return { problem: 'is not a genome like k5557e3643d2' };
    }
  },
  format: (v) => v ?? null,
  fallbackWords: () => 'ignored',
});

/** One of a few small whole numbers; null (the key left out) when absent. */
function choiceField<K extends 'cells' | 'nodes'>(choices: readonly number[], what: string): UrlField<K> {
  return {
    parse: (t) => (/^\d$/.test(t) && choices.includes(Number(t)) ? { value: Number(t) as UrlSettings[K] } : { problem: `must be a number of ${what}: ${choices.join(', ')}` }),
    format: (v) => (v === null || v === undefined ? null : String(v)),
    fallbackWords: () => 'ignored',
  };
}

/** A tuned preset number, checked against the settings' own ranges; null = the preset's. */
function tunedNumberFields(): { [K in TunedNumberKey]: UrlField<K> } {
  const out = {} as { [K in TunedNumberKey]: UrlField<K> };
  for (const key of TUNED_NUMBER_KEYS) {
    const field: UrlField<typeof key> = {
      parse: (t) => {
        const n = /^\s*$/.test(t) ? NaN : Number(t);
        const problem = numberSettingProblem(key, n);
        return problem ? { problem: problem.replace(/^\S+ /, '').replace(/, got .*$/, '') } : { value: n };
      },
      format: (v) => (v === null || v === undefined ? null : String(v)),
      fallbackWords: () => "using the preset's",
    };
    (out as Record<string, unknown>)[key] = field;
  }
  return out;
}

/** The contract, in the order `formatUrlState` writes the keys (and `parseUrlState` reads them). */
const URL_TABLE: { [K in UrlKey]: UrlField<K> } = {
  view: {
    parse: (t) => ((VIEW_IDS as readonly string[]).includes(t) ? { value: t as ViewId } : { problem: oneOf(VIEW_IDS) }),
    format: (v) => (v === DEFAULT_VIEW ? null : v),
  },
  preset: {
    parse: (t) => (isPresetName(t) ? { value: t } : { problem: oneOf(PRESET_NAMES) }),
    format: (v) => v,
  },
  seed: {
    parse: (t) => {
      const n = /^\d{1,10}$/.test(t) ? Number(t) : NaN;
      return Number.isInteger(n) && n <= 0xffffffff ? { value: n } : { problem: 'must be a whole number from 0 to 4294967295' };
    },
    format: (v) => String(v),
  },
  device: {
    parse: (t, { knownDevices }) => {
      if (!DEVICE_ID.test(t)) return { problem: 'is not a device id (lower-case letters, digits, dashes)' };
      if (knownDevices && !knownDevices.includes(t)) return { problem: oneOf(knownDevices) };
      return { value: t };
    },
    format: (v) => v,
  },
  lambda: {
    parse: (t) => {
      const n = /^\s*$/.test(t) ? NaN : Number(t);
      return Number.isFinite(n) && n >= 0 && n <= 1000 ? { value: n } : { problem: 'must be a number from 0 to 1000' };
    },
    format: (v) => String(v),
  },
  backend: {
    parse: (t) => (isBackendChoice(t) ? { value: t } : { problem: oneOf(BACKEND_CHOICES) }),
    format: (v) => v,
  },
  dataset: {
    parse: (t) => ((DATASET_IDS as readonly string[]).includes(t) ? { value: t as DatasetId } : { problem: oneOf(DATASET_IDS) }),
    format: (v) => (v && v !== DATASET_IDS[0] ? v : null),
  },
  ...tunedNumberFields(),
  objectives: {
    parse: (t) => {
      const list = t.split(',').map((x) => x.trim());
      const problem = validateObjectives(list);
      return problem ? { problem } : { value: OBJECTIVES.filter((o) => list.includes(o)) };
    },
    format: (v) => (v ? v.join(',') : null),
    fallbackWords: () => "using the preset's",
  },
  paperFaithful: {
    parse: (t) => (t === '1' || t === 'true' ? { value: true } : t === '0' || t === 'false' ? { value: false } : { problem: 'must be 1 or 0' }),
    format: (v) => (v === null || v === undefined ? null : v ? '1' : '0'),
    fallbackWords: () => "using the preset's",
  },
  run: {
    parse: (t) => (t === '1' || t === 'true' ? { value: true } : t === '0' || t === 'false' ? { value: false } : { problem: 'must be 1 or 0' }),
    format: (v) => (v ? '1' : null),
    fallbackWords: () => 'not starting automatically',
  },
  replay: {
    parse: (t) =>
      RECORDING_PATH.test(t) && !t.split('/').includes('..') ? { value: t } : { problem: 'must be a path like recordings/name.jsonl on this site' },
    format: (v) => v,
    fallbackWords: () => 'nothing replayed',
  },
  image: genomeField(),
  audio: genomeField(),
  fusion: {
    parse: (t) => {
      try {
        const ops = parseFusionOps(t);
        return ops.length > 0 && ops.length <= 16 ? { value: ops } : { problem: 'must list 1 to 16 fusion operators' };
      } catch (err) {
        return { problem: `is not a comma list of fusion operators (${(err as Error).message})` };
      }
    },
    format: (v) => (v ? v.join(',') : null),
    fallbackWords: () => 'ignored',
  },
  cells: choiceField(CELL_CHOICES, 'fusion cells'),
  nodes: choiceField(NODE_CHOICES, 'nodes per cell'),
  lesson: {
    parse: (t) => {
      const n = /^\d{1,3}$/.test(t) ? Number(t) : NaN;
      return n >= 1 && n <= LESSON_COUNT ? { value: n } : { problem: `must be a lesson number from 1 to ${LESSON_COUNT}` };
    },
    format: (v) => (v ? String(v) : null),
    fallbackWords: () => 'no lesson opened',
  },
};

/** The keys of the contract, in the order `formatUrlState` writes them. */
export const URL_KEYS = Object.keys(URL_TABLE) as UrlKey[];

export interface ParsedUrlState {
  settings: UrlSettings;
  /** One message per invalid value (the default was used instead). */
  errors: string[];
  /** Pairs whose key is not part of this contract (left for other views), in order. */
  unknown: [string, string][];
}

export function defaultUrlSettings(): UrlSettings {
  const p = PRESETS[DEFAULT_PRESET];
  return { view: DEFAULT_VIEW, preset: DEFAULT_PRESET, seed: p.seed, device: p.device, lambda: p.lambda, backend: 'auto', run: false, replay: null, dataset: DATASET_IDS[0], objectives: null, paperFaithful: null, ...Object.fromEntries(TUNED_NUMBER_KEYS.map((k) => [k, null])), image: null, audio: null, fusion: null, cells: null, nodes: null, lesson: null };
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

function isUrlKey(key: string): key is UrlKey {
  return Object.hasOwn(URL_TABLE, key);
}

/** The hash's pairs, decoded; undecodable ones become messages. */
function splitPairs(hash: string, errors: string[]): [string, string][] {
  const text = String(hash ?? '').replace(/^#/, '').trim();
  const pairs: [string, string][] = [];
  for (const pair of text === '' ? [] : text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    if (key === null || value === null) errors.push(`"${pair}" is not valid URL encoding; ignored`);
    else pairs.push([key, value]);
  }
  return pairs;
}

function applyField<K extends UrlKey>(key: K, text: string, settings: UrlSettings, options: UrlParseOptions, errors: string[]): void {
  const field = URL_TABLE[key] as UrlField<K>;
  const parsed = field.parse(text, options);
  if ('value' in parsed) settings[key] = parsed.value;
  else {
    const instead = field.fallbackWords ? field.fallbackWords(settings[key]) : `using ${String(settings[key])}`;
    errors.push(`${key} "${text}" ${parsed.problem}; ${instead}`);
  }
}

/** Parses a location hash (with or without the leading `#`). Never throws. */
export function parseUrlState(hash: string, options: UrlParseOptions = {}): ParsedUrlState {
  const settings = defaultUrlSettings();
  const errors: string[] = [];
  const unknown: [string, string][] = [];
  const values = new Map<UrlKey, string>();
  for (const [key, value] of splitPairs(hash, errors)) {
    if (!isUrlKey(key)) {
      unknown.push([key, value]);
      continue;
    }
    if (values.has(key)) errors.push(`${key} is given more than once; the last value is used`);
    values.set(key, value);
  }
  for (const key of URL_KEYS) {
    const text = values.get(key);
    if (text !== undefined) applyField(key, text, settings, options, errors);
    // λ's default is the preset's: set it once the preset is known, before `lambda` is read.
    if (key === 'preset') settings.lambda = PRESETS[settings.preset].lambda;
  }
  return { settings, errors, unknown };
}

function encodePairs(pairs: readonly [string, string][]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/**
 * The hash text (without `#`) for these settings: every key of the contract in a fixed order
 * (`view` only when not the default, `run=1` only when set); `extra` pairs (keys of no
 * contract) are appended unchanged.
 */
export function formatUrlState(s: UrlSettings, extra: readonly [string, string][] = []): string {
  const pairs: [string, string][] = [];
  for (const key of URL_KEYS) {
    const text = (URL_TABLE[key] as UrlField<typeof key>).format(s[key] as never);
    if (text !== null) pairs.push([key, text]);
  }
  return encodePairs([...pairs, ...extra]);
}

/** `hash` with one key set to `value` (or removed when null), every other pair kept in place. */
export function withUrlKey(hash: string, key: UrlKey, value: string | null): string {
  const pairs = splitPairs(hash, []);
  const at = pairs.findIndex(([k]) => k === key);
  const kept = pairs.filter(([k]) => k !== key);
  if (value !== null) kept.splice(at < 0 ? kept.length : at, 0, [key, value]);
  return encodePairs(kept);
}

/** The full search settings the URL describes: its preset with every setting the URL names applied. */
export function searchSettingsFromUrl(s: UrlSettings): SearchSettings {
  const tuned: Partial<SearchSettings> = {};
  for (const key of TUNED_NUMBER_KEYS) {
    const v = s[key];
    if (v !== null && v !== undefined) tuned[key] = v;
  }
  if (s.objectives) tuned.objectives = [...s.objectives];
  if (s.paperFaithful !== null && s.paperFaithful !== undefined) tuned.paperFaithful = s.paperFaithful;
  if (s.dataset && s.dataset !== DATASET_IDS[0]) tuned.dataset = s.dataset;
  return presetSettings(s.preset, { seed: s.seed, device: s.device, lambda: s.lambda, ...tuned });
}

/** The URL's settings keys for `settings` run from `preset`: what differs from the preset is named. */
export function urlSettingsOf(settings: SearchSettings, preset: PresetName): Pick<UrlSettings, TunedNumberKey | 'objectives' | 'paperFaithful' | 'seed' | 'device' | 'lambda' | 'preset' | 'dataset'> {
  const p = PRESETS[preset];
  const out: Pick<UrlSettings, TunedNumberKey | 'objectives' | 'paperFaithful' | 'seed' | 'device' | 'lambda' | 'preset' | 'dataset'> = {
    preset,
    dataset: settings.dataset ?? DATASET_IDS[0],
    seed: settings.seed,
    device: settings.device,
    lambda: settings.lambda,
    objectives: settings.objectives.join(',') === p.objectives.join(',') ? null : OBJECTIVES.filter((o) => settings.objectives.includes(o)),
    paperFaithful: settings.paperFaithful === p.paperFaithful ? null : settings.paperFaithful,
  };
  for (const key of TUNED_NUMBER_KEYS) out[key] = settings[key] === p[key] ? null : settings[key];
  return out;
}
