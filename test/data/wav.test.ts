import { describe, expect, it } from 'vitest';
import { decodeWav, encodeWavPcm16, parseWav } from '../../src/data/wav';

function header(opts: { riff?: string; wave?: string; format?: number; channels?: number; bits?: number; dataBytes?: number }) {
  const dataBytes = opts.dataBytes ?? 8;
  const out = new Uint8Array(44 + dataBytes);
  const v = new DataView(out.buffer);
  const id = (o: number, s: string) => [...s].forEach((ch, i) => v.setUint8(o + i, ch.charCodeAt(0)));
  id(0, opts.riff ?? 'RIFF');
  v.setUint32(4, 36 + dataBytes, true);
  id(8, opts.wave ?? 'WAVE');
  id(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, opts.format ?? 1, true);
  v.setUint16(22, opts.channels ?? 1, true);
  v.setUint32(24, 8000, true);
  v.setUint16(34, opts.bits ?? 16, true);
  id(36, 'data');
  v.setUint32(40, dataBytes, true);
  return out;
}

describe('WAV parsing', () => {
  it('round-trips generated mono PCM16', () => {
    const samples = Float32Array.from({ length: 101 }, (_, i) => Math.sin(i / 5) * 0.9);
    const wav = parseWav(encodeWavPcm16(samples, 8000));
    expect(wav.sampleRate).toBe(8000);
    expect(wav.samples.length).toBe(101);
    for (let i = 0; i < 101; i++) expect(wav.samples[i]).toBeCloseTo(samples[i], 4);
  });

  it('skips unknown chunks and reads from a Uint8Array view at an offset', () => {
    const base = header({ dataBytes: 4 });
    new DataView(base.buffer).setInt16(44, -16384, true);
    // Insert a 3-byte (padded to 4) LIST chunk between fmt and data.
    const list = Uint8Array.of(0x4c, 0x49, 0x53, 0x54, 3, 0, 0, 0, 1, 2, 3, 0);
    const joined = new Uint8Array(7 + base.length + list.length);
    joined.set(base.subarray(0, 36), 7);
    joined.set(list, 7 + 36);
    joined.set(base.subarray(36), 7 + 36 + list.length);
    const wav = parseWav(joined.subarray(7));
    expect(Array.from(wav.samples)).toEqual([-0.5, 0]);
  });

  it('rejects malformed or unsupported files with a clear message naming the file', () => {
    expect(() => parseWav(header({ riff: 'RIFX' }), 'a.wav')).toThrow('a.wav: not a supported WAV file (starts with "RIFX" instead of "RIFF")');
    expect(() => parseWav(header({ wave: 'AVI ' }), 'b.wav')).toThrow(/b\.wav: .*"AVI " instead of "WAVE"/);
    expect(() => parseWav(header({ channels: 2 }))).toThrow(/2 channels, only mono/);
    expect(() => parseWav(header({ bits: 8 }))).toThrow(/8-bit samples/);
    expect(() => parseWav(header({ format: 3 }))).toThrow(/format code 3/);
    expect(() => parseWav(new Uint8Array(6), 'c.wav')).toThrow(/c\.wav: .*only 6 bytes/);
    expect(() => parseWav(header({}).subarray(0, 36))).toThrow(/no data chunk/);
  });
});

describe('decodeWav (uploaded clips)', () => {
  /** A WAV with `frames` frames of `channels` channels, each sample written by `put`. */
  function wav(format: number, bits: number, channels: number, rate: number, values: number[][], put: (v: DataView, at: number, x: number) => void): Uint8Array {
    const width = bits / 8;
    const data = values.length * channels * width;
    const buf = new ArrayBuffer(44 + data);
    const v = new DataView(buf);
    const tag = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
    tag(0, 'RIFF'); v.setUint32(4, 36 + data, true); tag(8, 'WAVE'); tag(12, 'fmt ');
    v.setUint32(16, 16, true); v.setUint16(20, format, true); v.setUint16(22, channels, true); v.setUint32(24, rate, true);
    v.setUint32(28, rate * channels * width, true); v.setUint16(32, channels * width, true); v.setUint16(34, bits, true);
    tag(36, 'data'); v.setUint32(40, data, true);
    values.forEach((frame, i) => frame.forEach((x, c) => put(v, 44 + (i * channels + c) * width, x)));
    return new Uint8Array(buf);
  }
  const frames = [[0.5, -0.5], [0.25, 0.25], [-1, 0]];

  it('reads 8-, 24-bit PCM and 32-bit float, any rate, and averages channels to mono', () => {
    const u8 = decodeWav(wav(1, 8, 2, 11025, frames, (v, at, x) => v.setUint8(at, Math.round(x * 127) + 128)), 'a.wav');
    expect(u8).toMatchObject({ sampleRate: 11025, channels: 2, bitsPerSample: 8 });
    expect(Array.from(u8.samples).map((x) => Math.round(x * 100) / 100)).toEqual([0, 0.25, -0.5]);
    const i24 = decodeWav(wav(1, 24, 2, 44100, frames, (v, at, x) => {
      const n = Math.round(x * 8388607);
      v.setUint8(at, n & 0xff); v.setUint8(at + 1, (n >> 8) & 0xff); v.setInt8(at + 2, n >> 16);
    }));
    expect(Array.from(i24.samples).map((x) => Math.round(x * 1000) / 1000)).toEqual([0, 0.25, -0.5]);
    const f32 = decodeWav(wav(3, 32, 2, 48000, frames, (v, at, x) => v.setFloat32(at, x, true)));
    expect(Array.from(f32.samples)).toEqual([0, 0.25, -0.5]);
  });

  it('names the file and the format it cannot read', () => {
    expect(() => decodeWav(wav(2, 4, 1, 8000, [[0]], () => {}), 'adpcm.wav')).toThrow(/^adpcm\.wav: not a readable WAV file \(format code 2 with 4-bit samples/);
    expect(() => decodeWav(new Uint8Array([1, 2, 3]), 'x.wav')).toThrow(/^x\.wav: not a readable WAV file \(only 3 bytes/);
  });
});
