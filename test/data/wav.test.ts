import { describe, expect, it } from 'vitest';
import { encodeWavPcm16, parseWav } from '../../src/data/wav';

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
