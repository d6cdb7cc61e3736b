// The URL hash contract of the search page (issue 6): `key=value` pairs joined by `&` for
// `preset`, `seed`, `device`, `lambda`, `backend` (auto|webgpu|webgl|wasm|cpu) and `run=1` (start on
// load), e.g. `#preset=quick&seed=1&device=jetson-tx2&lambda=0.1&backend=auto&run=1`.
// An invalid value yields a message and the default; `formatUrlState` round-trips.

import { DEFAULT_PRESET, DEVICE_ID, PRESETS, PRESET_NAMES, isPresetName, presetSettings } from './settings';
import type { PresetName, SearchSettings } from './settings';

export const BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];
/** How each choice reads in the backend menu. */
export const BACKEND_LABELS: Record<BackendChoice, string> = {
  auto: 'auto (fastest available)',
  webgpu: 'webgpu (GPU)',
  webgl: 'webgl (GPU)',
  wasm: 'wasm (CPU, WebAssembly)',
  cpu: 'cpu (CPU, JavaScript)',
};

/** The keys of the contract, in the order `formatUrlState` writes them. */
export const URL_KEYS = ['preset', 'seed', 'device', 'lambda', 'backend', 'run'] as const;
export type UrlKey = (typeof URL_KEYS)[number];

export interface UrlSettings {
  preset: PresetName;
  seed: number;
  device: string;
  /** λ of the inner tier's hardware term; defaults to the preset's. */
  lambda: number;
  backend: BackendChoice;
  /** Start the search as soon as the page has loaded. */
  run: boolean;
}

export interface ParsedUrlState {
  settings: UrlSettings;
  /** One message per invalid value (the default was used instead). */
  errors: string[];
  /** Pairs whose key is not part of this contract (left for other views), in order. */
  unknown: [string, string][];
}

export interface UrlParseOptions {
  /** When given, `device` must be one of these ids. */
  knownDevices?: readonly string[];
}

export function defaultUrlSettings(): UrlSettings {
  const p = PRESETS[DEFAULT_PRESET];
  return { preset: DEFAULT_PRESET, seed: p.seed, device: p.device, lambda: p.lambda, backend: 'auto', run: false };
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Parses a location hash (with or without the leading `#`). Never throws. */
export function parseUrlState(hash: string, options: UrlParseOptions = {}): ParsedUrlState {
  const settings = defaultUrlSettings();
  const errors: string[] = [];
  const unknown: [string, string][] = [];
  const text = String(hash ?? '').replace(/^#/, '').trim();
  const values = new Map<UrlKey, string>();
  if (text !== '') {
    for (const pair of text.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const rawKey = eq < 0 ? pair : pair.slice(0, eq);
      const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
      const key = decode(rawKey);
      const value = decode(rawValue);
      if (key === null || value === null) {
        errors.push(`"${pair}" is not valid URL encoding; ignored`);
        continue;
      }
      if (!(URL_KEYS as readonly string[]).includes(key)) {
        unknown.push([key, value]);
        continue;
      }
      if (values.has(key as UrlKey)) errors.push(`${key} is given more than once; the last value is used`);
      values.set(key as UrlKey, value);
    }
  }

  // The preset first: lambda's default is the preset's.
  const preset = values.get('preset');
  if (preset !== undefined) {
    if (isPresetName(preset)) settings.preset = preset;
    else errors.push(`preset "${preset}" is not one of ${PRESET_NAMES.join(', ')}; using ${settings.preset}`);
  }
  settings.lambda = PRESETS[settings.preset].lambda;

  const seed = values.get('seed');
  if (seed !== undefined) {
    const n = /^\d{1,10}$/.test(seed) ? Number(seed) : NaN;
    if (Number.isInteger(n) && n <= 0xffffffff) settings.seed = n;
    else errors.push(`seed "${seed}" must be a whole number from 0 to 4294967295; using ${settings.seed}`);
  }

  const device = values.get('device');
  if (device !== undefined) {
    const known = options.knownDevices;
    if (!DEVICE_ID.test(device)) {
      errors.push(`device "${device}" is not a device id (lower-case letters, digits, dashes); using ${settings.device}`);
    } else if (known && !known.includes(device)) {
      errors.push(`device "${device}" is not one of ${known.join(', ')}; using ${settings.device}`);
    } else settings.device = device;
  }

  const lambda = values.get('lambda');
  if (lambda !== undefined) {
    const n = /^\s*$/.test(lambda) ? NaN : Number(lambda);
    if (Number.isFinite(n) && n >= 0 && n <= 1000) settings.lambda = n;
    else errors.push(`lambda "${lambda}" must be a number from 0 to 1000; using ${settings.lambda}`);
  }

  const backend = values.get('backend');
  if (backend !== undefined) {
    if ((BACKENDS as readonly string[]).includes(backend)) settings.backend = backend as BackendChoice;
    else errors.push(`backend "${backend}" is not one of ${BACKENDS.join(', ')}; using ${settings.backend}`);
  }

  const run = values.get('run');
  if (run !== undefined) {
    if (run === '1' || run === 'true') settings.run = true;
    else if (run === '0' || run === 'false') settings.run = false;
    else errors.push(`run "${run}" must be 1 or 0; not starting automatically`);
  }
  return { settings, errors, unknown };
}

/**
 * The hash text (without `#`) for these settings: every key of the contract in a fixed order,
 * `run=1` only when set; `extra` pairs (other views' keys) are appended unchanged.
 */
export function formatUrlState(s: UrlSettings, extra: readonly [string, string][] = []): string {
  const pairs: [string, string][] = [
    ['preset', s.preset],
    ['seed', String(s.seed)],
    ['device', s.device],
    ['lambda', String(s.lambda)],
    ['backend', s.backend],
  ];
  if (s.run) pairs.push(['run', '1']);
  return [...pairs, ...extra].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/** The full search settings the URL describes: its preset with seed, device and λ applied. */
export function searchSettingsFromUrl(s: UrlSettings): SearchSettings {
  return presetSettings(s.preset, { seed: s.seed, device: s.device, lambda: s.lambda });
}
