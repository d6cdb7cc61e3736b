// WAV (RIFF) reading and writing for the audio modality: the FSDD recordings of the demo set
// (AV-MNIST) and, later, a user's uploaded clips. Only linear PCM, 16-bit, is accepted; samples
// come back as floats in [-1, 1). Multi-channel input is rejected rather than silently mixed.

export interface WavAudio {
  /** Samples per second (Hz). */
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Mono samples in [-1, 1) (several channels are averaged by `decodeWav`). */
  samples: Float32Array;
}

function fourcc(view: DataView, offset: number): string {
  return String.fromCharCode(
    view.getUint8(offset),
    view.getUint8(offset + 1),
    view.getUint8(offset + 2),
    view.getUint8(offset + 3),
  );
}

function toView(data: ArrayBuffer | Uint8Array): DataView {
  return data instanceof Uint8Array
    ? new DataView(data.buffer, data.byteOffset, data.byteLength)
    : new DataView(data);
}

interface WavLayout {
  format: number;
  channels: number;
  sampleRate: number;
  bits: number;
  /** Byte offset and length of the samples. */
  body: number;
  bytes: number;
}

/** The fmt fields and where the samples are; `fail` throws (its message names the file). */
function readLayout(view: DataView, fail: (why: string) => never): WavLayout {
  if (view.byteLength < 12) fail(`only ${view.byteLength} bytes, a RIFF header needs 12`);
  if (fourcc(view, 0) !== 'RIFF') fail(`starts with "${fourcc(view, 0)}" instead of "RIFF"`);
  if (fourcc(view, 8) !== 'WAVE') fail(`RIFF form is "${fourcc(view, 8)}" instead of "WAVE"`);
  let fmt: Omit<WavLayout, 'body' | 'bytes'> | null = null;
  let pos = 12;
  while (pos + 8 <= view.byteLength) {
    const id = fourcc(view, pos);
    const size = view.getUint32(pos + 4, true);
    const body = pos + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > view.byteLength) fail('fmt chunk is shorter than 16 bytes');
      fmt = { format: view.getUint16(body, true), channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bits: view.getUint16(body + 14, true) };
      // WAVE_FORMAT_EXTENSIBLE carries the real format code in its sub-format GUID.
      if (fmt.format === 0xfffe && size >= 40 && body + 26 <= view.byteLength) fmt.format = view.getUint16(body + 24, true);
    } else if (id === 'data') {
      if (!fmt) fail('data chunk comes before the fmt chunk');
      const f = fmt as NonNullable<typeof fmt>;
      if (!(f.sampleRate > 0)) fail(`sample rate ${f.sampleRate}`);
      if (!(f.channels > 0)) fail(`${f.channels} channels`);
      // Some writers leave the size of a streamed data chunk at 0 or too large: read what is there.
      const available = view.byteLength - body;
      return { ...f, body, bytes: size === 0 || size > available ? available : size };
    }
    pos = body + size + (size & 1); // chunks are padded to an even length
  }
  return fail(fmt ? 'no data chunk' : 'no fmt chunk');
}

/**
 * Parses a RIFF/WAVE file holding mono 16-bit PCM (the demo set's recordings). `name` only
 * labels error messages. Throws an Error that names the file and the problem for anything else.
 */
export function parseWav(data: ArrayBuffer | Uint8Array, name = 'WAV file'): WavAudio {
  const view = toView(data);
  const fail = (why: string): never => {
    throw new Error(`${name}: not a supported WAV file (${why})`);
  };
  const f = readLayout(view, fail);
  if (f.format !== 1) fail(`format code ${f.format}, only PCM (1) is supported`);
  if (f.bits !== 16) fail(`${f.bits}-bit samples, only 16-bit is supported`);
  if (f.channels !== 1) fail(`${f.channels} channels, only mono is supported`);
  const n = Math.floor(f.bytes / 2);
  const samples = new Float32Array(n);
  for (let i = 0; i < n; i++) samples[i] = view.getInt16(f.body + 2 * i, true) / 32768;
  return { sampleRate: f.sampleRate, channels: 1, bitsPerSample: 16, samples };
}

/**
 * Decodes any common WAV (an uploaded clip): linear PCM of 8 (unsigned), 16, 24 or 32 bits or
 * IEEE float of 32 or 64 bits, any sample rate, any number of channels — averaged to mono.
 * Throws an Error naming the file and what it cannot read.
 */
export function decodeWav(data: ArrayBuffer | Uint8Array, name = 'WAV file'): WavAudio {
  const view = toView(data);
  const fail = (why: string): never => {
    throw new Error(`${name}: not a readable WAV file (${why})`);
  };
  const f = readLayout(view, fail);
  const pcm = f.format === 1 && [8, 16, 24, 32].includes(f.bits);
  const float = f.format === 3 && (f.bits === 32 || f.bits === 64);
  if (!pcm && !float) fail(`format code ${f.format} with ${f.bits}-bit samples; PCM 8/16/24/32-bit or float 32/64-bit are supported`);
  const width = f.bits / 8;
  const frames = Math.floor(f.bytes / (width * f.channels));
  const read = (at: number): number => {
    if (float) return f.bits === 32 ? view.getFloat32(at, true) : view.getFloat64(at, true);
    if (f.bits === 8) return (view.getUint8(at) - 128) / 128;
    if (f.bits === 16) return view.getInt16(at, true) / 32768;
    if (f.bits === 24) return ((view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608);
    return view.getInt32(at, true) / 2147483648;
  };
  const samples = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < f.channels; c++) sum += read(f.body + (i * f.channels + c) * width);
    samples[i] = sum / f.channels;
  }
  return { sampleRate: f.sampleRate, channels: f.channels, bitsPerSample: f.bits, samples };
}

/** Writes mono 16-bit PCM samples (floats in [-1, 1], clipped) as a minimal RIFF/WAVE file. */
export function encodeWavPcm16(samples: ArrayLike<number>, sampleRate: number): Uint8Array {
  const n = samples.length;
  const out = new Uint8Array(44 + 2 * n);
  const view = new DataView(out.buffer);
  const writeId = (offset: number, id: string) => {
    for (let i = 0; i < 4; i++) view.setUint8(offset + i, id.charCodeAt(i));
  };
  writeId(0, 'RIFF');
  view.setUint32(4, 36 + 2 * n, true);
  writeId(8, 'WAVE');
  writeId(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true);
  writeId(36, 'data');
  view.setUint32(40, 2 * n, true);
  for (let i = 0; i < n; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    view.setInt16(44 + 2 * i, Math.round(s < 0 ? s * 32768 : s * 32767), true);
  }
  return out;
}
