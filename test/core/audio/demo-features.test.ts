// The demo audio pipeline for any recording: a demo clip reproduces its row of audio.bin
// exactly, and FSDD file names give label and speaker.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { demoAudioBytes, parseFsddName } from '../../../src/core/audio/demo-features';
import { decodeWav } from '../../../src/data/wav';

const manifest = JSON.parse(readFileSync('public/data/avmnist/manifest.json', 'utf8'));

describe('demo audio features', () => {
  it('reproduce audio.bin for the shipped listening clips', () => {
    const audio = readFileSync('public/data/avmnist/audio.bin');
    for (const clip of manifest.clips.slice(0, 6)) {
      const w = decodeWav(readFileSync(`public/data/avmnist/${clip.file}`), clip.file);
      const q = demoAudioBytes(w.samples, w.sampleRate);
      const row = manifest.offsets.test.start + clip.sample;
      expect(Array.from(q)).toEqual(Array.from(audio.subarray(row * 400, row * 400 + 400)));
    }
  });

  it('read label, speaker and take from FSDD names, and nothing else', () => {
    expect(parseFsddName('7_Lucas_12.wav')).toEqual({ digit: 7, speaker: 'lucas', take: 12 });
    expect(parseFsddName('hello.wav')).toBeNull();
    expect(parseFsddName('12_theo_1.wav')).toBeNull();
    expect(parseFsddName('3_theo_1.mp3')).toBeNull();
  });
});
