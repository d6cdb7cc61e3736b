// eval-subnet --wav-dir on a folder as a person would bring one: real FSDD clips, one of them
// as a stereo 16 kHz file, a corrupt file and a wrongly named one — the CLI scores the readable,
// well-named clips (per speaker), names each skipped file on stderr and counts it.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeWav } from '../../src/data/wav';
import { resample } from '../../src/core/audio/resample';
import { parseUnheardVoices } from '../../src/core/unheard-voices';
import { createHash } from 'node:crypto';

/** A 16-bit PCM stereo WAV (both channels the same signal). */
function stereoWav(samples: Float32Array, rate: number): Uint8Array {
  const data = samples.length * 4;
  const b = new DataView(new ArrayBuffer(44 + data));
  const text = (o: number, s: string) => [...s].forEach((c, i) => b.setUint8(o + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  b.setUint32(4, 36 + data, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  b.setUint32(16, 16, true);
  b.setUint16(20, 1, true);
  b.setUint16(22, 2, true);
  b.setUint32(24, rate, true);
  b.setUint32(28, rate * 4, true);
  b.setUint16(32, 4, true);
  b.setUint16(34, 16, true);
  text(36, 'data');
  b.setUint32(40, data, true);
  samples.forEach((v, i) => {
    const q = Math.round(Math.max(-1, Math.min(1, v)) * 32767);
    b.setInt16(44 + i * 4, q, true);
    b.setInt16(46 + i * 4, q, true);
  });
  return new Uint8Array(b.buffer);
}

describe('eval-subnet --wav-dir', () => {
  it('scores the readable clips per speaker and counts the skipped files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hnas-wavs-'));
    try {
      const clips = ['0_theo_1.wav', '2_jackson_15.wav', '7_nicolas_22.wav', '9_jackson_36.wav'];
      for (const c of clips) copyFileSync(`public/data/avmnist/clips/${c}`, join(dir, c));
      const original = decodeWav(readFileSync('public/data/avmnist/clips/3_nicolas_1.wav'));
      writeFileSync(join(dir, '3_stereo16k_1.wav'), stereoWav(resample(original.samples, original.sampleRate, 16000), 16000));
      writeFileSync(join(dir, '4_broken_1.wav'), new Uint8Array([82, 73, 70, 70, 0, 0]));
      copyFileSync('public/data/avmnist/clips/1_theo_19.wav', join(dir, 'one by theo.wav'));
      const r = spawnSync('npx', ['tsx', resolve('scripts/eval-subnet.ts'), '--modality', 'audio', '--genome', 'k7777e6666d4', '--wav-dir', dir, '--bn-batches', '2', '--record', join(dir, 'record.json'), '--about', 'test clips'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.n).toBe(5);
      expect(out.skipped).toBe(2);
      expect(Object.keys(out.perSpeaker)).toEqual(['jackson', 'nicolas', 'stereo16k', 'theo']);
      expect(out.perSpeaker.jackson.n).toBe(2);
      // the stereo 16 kHz copy of a clip the model reads correctly is read correctly too
      expect(out.perSpeaker.stereo16k).toEqual({ accuracy: 100, n: 1 });
      expect(out.accuracy).toBeGreaterThanOrEqual(80);
      expect(r.stderr).toMatch(/4_broken_1\.wav: skipped \(.*not a readable WAV file/);
      expect(r.stderr).toMatch(/one by theo\.wav: skipped \(the name must be <digit>_<speaker>_<take>\.wav\)/);
      // --record keeps the same result, with the scored weights' SHA-256 and the command (without --record/--about)
      const kept = parseUnheardVoices(JSON.parse(readFileSync(join(dir, 'record.json'), 'utf8')));
      expect(kept.about).toBe('test clips');
      expect(kept.results).toHaveLength(1);
      expect(kept.results[0]).toMatchObject({ genome: 'k7777e6666d4', accuracy: out.accuracy, n: 5, skipped: 2, perSpeaker: out.perSpeaker });
      expect(kept.results[0].weightsSha256).toBe(createHash('sha256').update(readFileSync('public/models/avmnist-audio/supernet.bin')).digest('hex'));
      expect(kept.results[0].command).toBe(`npm run --silent eval-subnet -- --modality audio --genome k7777e6666d4 --wav-dir ${dir} --bn-batches 2`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('with --adapt-bn also scores each voice with BN statistics from its other clips, and names the voices too small to adapt', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hnas-wavs-'));
    try {
      // the twenty shipped clips as one new voice ("anna"), plus one clip of a voice too small to adapt
      readdirSync('public/data/avmnist/clips').forEach((c, i) => copyFileSync(`public/data/avmnist/clips/${c}`, join(dir, `${c.split('_')[0]}_anna_${i}.wav`)));
      copyFileSync('public/data/avmnist/clips/1_theo_19.wav', join(dir, '1_solo_0.wav'));
      const run = (extra: string[]) => spawnSync('npx', ['tsx', resolve('scripts/eval-subnet.ts'), '--modality', 'audio', '--genome', 'k7777e6666d4', '--wav-dir', dir, '--bn-batches', '2', ...extra], { encoding: 'utf8' });
      const [plain, adapted] = [run([]), run(['--adapt-bn'])];
      expect(adapted.status, adapted.stderr).toBe(0);
      const a = JSON.parse(adapted.stdout);
      // the plain figures do not change; the adapted ones come beside them
      expect({ ...a, speakerAdapted: undefined }).toEqual({ ...JSON.parse(plain.stdout), speakerAdapted: undefined });
      expect(JSON.parse(plain.stdout).speakerAdapted).toBeUndefined();
      expect(a.speakerAdapted.unadaptedSpeakers).toEqual(['solo']);
      expect(a.speakerAdapted.perSpeaker.anna.n).toBe(20);
      expect(a.speakerAdapted.perSpeaker.solo).toEqual(a.perSpeaker.solo);
      expect(a.speakerAdapted.accuracy).toBeGreaterThanOrEqual(0);
      expect(a.speakerAdapted.accuracy).toBeLessThanOrEqual(100);
      expect(adapted.stderr).toMatch(/solo: not adapted \(1 clips; adapting needs at least 20\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('refuses --wav-dir without the audio modality', () => {
    const r = spawnSync('npx', ['tsx', resolve('scripts/eval-subnet.ts'), '--modality', 'image', '--genome', 'k7777e6666d4', '--wav-dir', '.'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/--wav-dir scores recordings: it needs --modality audio/);
  });
});
