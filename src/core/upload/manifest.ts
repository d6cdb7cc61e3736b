// manifest.json of an uploaded dataset: {"name": "...", "modalities": [{"name", "kind"}, …]}
// with exactly two modalities, one of each kind, whose names are folder names of the zip.

import { MODALITY_KINDS, UPLOAD_LIMITS, type ModalityKind } from './limits';

export interface UploadModality {
  name: string;
  kind: ModalityKind;
}

export interface UploadManifest {
  name: string;
  modalities: UploadModality[];
}

const FOLDER = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The manifest, or every problem with it (each naming manifest.json). */
export function parseUploadManifest(text: string | null): { manifest: UploadManifest | null; problems: string[] } {
  if (text === null) return { manifest: null, problems: ['manifest.json is missing (it must sit at the top of the zip).'] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { manifest: null, problems: [`manifest.json is not valid JSON: ${(err as Error).message}`] };
  }
  const problems: string[] = [];
  const m = json as { name?: unknown; modalities?: unknown } | null;
  if (!m || typeof m !== 'object' || Array.isArray(m)) return { manifest: null, problems: ['manifest.json must hold an object {"name", "modalities"}.'] };
  if (typeof m.name !== 'string' || m.name.trim() === '') problems.push('manifest.json: "name" must be a non-empty string.');
  if (!Array.isArray(m.modalities)) {
    problems.push('manifest.json: "modalities" must be a list of {"name", "kind"}.');
    return { manifest: null, problems };
  }
  if (m.modalities.length !== UPLOAD_LIMITS.modalities) problems.push(`manifest.json: exactly ${UPLOAD_LIMITS.modalities} modalities are needed, found ${m.modalities.length}.`);
  const modalities: UploadModality[] = [];
  m.modalities.forEach((x, i) => {
    const mod = x as { name?: unknown; kind?: unknown } | null;
    const where = `manifest.json modality ${i + 1}`;
    if (!mod || typeof mod !== 'object') return void problems.push(`${where} must be an object {"name", "kind"}.`);
    if (typeof mod.name !== 'string' || !FOLDER.test(mod.name)) problems.push(`${where}: "name" must be a folder name (letters, digits, - and _), got ${JSON.stringify(mod.name)}.`);
    if (!(MODALITY_KINDS as readonly unknown[]).includes(mod.kind)) problems.push(`${where}: unknown kind ${JSON.stringify(mod.kind)}; allowed: ${MODALITY_KINDS.join(', ')}.`);
    else if (typeof mod.name === 'string') modalities.push({ name: mod.name, kind: mod.kind as ModalityKind });
  });
  const kinds = modalities.map((x) => x.kind);
  if (modalities.length === UPLOAD_LIMITS.modalities && new Set(kinds).size !== kinds.length) problems.push(`manifest.json: the two modalities must be one image and one audio, found ${kinds.join(' and ')}.`);
  if (new Set(modalities.map((x) => x.name)).size !== modalities.length) problems.push('manifest.json: the modality names must differ.');
  return problems.length > 0 ? { manifest: null, problems } : { manifest: { name: (m.name as string).trim(), modalities }, problems };
}
