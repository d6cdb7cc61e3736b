// WorkerBridge in Chromium with a real module worker: lazy spawn, one worker reused, crash
// reported once for the current worker only, raceCrash rejects with the described text,
// terminate drops the API and ignores the old worker.
import { describe, expect, it } from 'vitest';
import { WorkerBridge } from '../../../src/api/worker-bridge';

interface EchoApi {
  echo(x: number): number;
  calls(): number;
  crashSoon(): void;
}

const make = () => new Worker(new URL('./echo.worker.ts', import.meta.url), { type: 'module' });

describe('WorkerBridge', () => {
  it('spawns lazily and reuses the worker until terminated', async () => {
    let spawned = 0;
    const bridge = new WorkerBridge<EchoApi>(() => (spawned++, make()));
    expect(bridge.api).toBeNull();
    expect(spawned).toBe(0);
    expect(await bridge.ensure().echo(21)).toBe(42);
    expect(await bridge.ensure().echo(1)).toBe(2);
    expect(await bridge.ensure().calls()).toBe(2);
    expect(spawned).toBe(1);
    const id = bridge.id;
    bridge.terminate();
    expect(bridge.api).toBeNull();
    expect(bridge.isCurrent(id)).toBe(false);
    expect(await bridge.ensure().calls()).toBe(0); // a fresh worker
    expect(spawned).toBe(2);
    bridge.terminate();
  });

  it('reports a crash of the current worker once and makes raceCrash reject', async () => {
    const crashes: string[] = [];
    const bridge = new WorkerBridge<EchoApi>(make, (message) => crashes.push(message));
    const api = bridge.ensure();
    await api.crashSoon();
    const never = new Promise<number>(() => {});
    await expect(bridge.raceCrash(never, (m) => `the worker crashed: ${m}`)).rejects.toThrow(/the worker crashed: .*boom from the worker/);
    expect(crashes).toHaveLength(1);
    expect(crashes[0]).toMatch(/boom/);
    bridge.terminate();
  });

  it('ignores a crash of a worker that was replaced', async () => {
    const crashes: string[] = [];
    const bridge = new WorkerBridge<EchoApi>(make, (message) => crashes.push(message));
    const old = bridge.ensure();
    await old.echo(1);
    bridge.spawn(); // replaces (terminates) the first worker
    expect(await bridge.ensure().echo(5)).toBe(10);
    await new Promise((r) => setTimeout(r, 100));
    expect(crashes).toEqual([]);
    bridge.terminate();
  });
});
