// Progress throttling for the search UI: at most one event per `intervalMs` (≤ 10/s by
// default), except events marked `force` (a phase or generation change, a status change), which
// always pass. Pure: the caller passes the clock.

export class Throttle {
  private last = -Infinity;
  private lastKey: string | undefined;

  constructor(readonly intervalMs = 100) {
    if (!(intervalMs >= 0)) throw new Error(`intervalMs must be ≥ 0, got ${intervalMs}`);
  }

  /**
   * Whether an event at time `nowMs` should be sent. `key` names what must never be dropped
   * when it changes (e.g. `${generation}/${phase}`); `force` sends unconditionally.
   */
  pass(nowMs: number, key?: string, force = false): boolean {
    const changed = key !== undefined && key !== this.lastKey;
    if (key !== undefined) this.lastKey = key;
    if (force || changed || nowMs - this.last >= this.intervalMs) {
      this.last = nowMs;
      return true;
    }
    return false;
  }

  reset(): void {
    this.last = -Infinity;
    this.lastKey = undefined;
  }
}
