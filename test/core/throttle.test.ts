import { describe, it, expect } from 'vitest';
import { Throttle } from '../../src/core/throttle';

describe('progress throttle', () => {
  it('passes at most one event per interval, but always a changed key or a forced event', () => {
    const t = new Throttle(100);
    expect(t.pass(0, 'g0/unimodal')).toBe(true);
    expect(t.pass(50, 'g0/unimodal')).toBe(false);
    expect(t.pass(99, 'g0/unimodal')).toBe(false);
    expect(t.pass(100, 'g0/unimodal')).toBe(true);
    expect(t.pass(120, 'g0/fusion')).toBe(true); // phase change
    expect(t.pass(130, 'g0/fusion')).toBe(false);
    expect(t.pass(140, 'g0/fusion', true)).toBe(true); // forced
    expect(t.pass(150)).toBe(false);
  });

  it('keeps 1000 events in one second to about 10', () => {
    const t = new Throttle(100);
    let sent = 0;
    for (let ms = 0; ms < 1000; ms++) if (t.pass(ms, 'same')) sent++;
    expect(sent).toBe(10);
  });
});
