// Main-thread side of the profiling worker (this browser as a target device), Squoosh style:
// the worker starts lazily on the backend asked for, progress comes back through
// comlink-proxied callbacks, `cancel` stops after the current layer or subnet, a crash is
// reported in words, `terminate` ends the worker.

import { proxy, type Remote } from 'comlink';
import type { BackendChoice, BackendReport } from '../core/backends';
import type { DeviceTable } from '../core/device-table';
import { WorkerBridge } from './worker-bridge';
import type { PredictionCheckResult, ProfileRequest } from '../ml/profile/profile-session';
import type { ProfileWorkerApi } from '../../workers/profile.worker';

const defaultWorker = () => new Worker(new URL('../../workers/profile.worker.ts', import.meta.url), { type: 'module' });
const crashed = (message: string) => `the profiling worker crashed: ${message}`;

export class ProfileClient {
  private readonly bridge: WorkerBridge<ProfileWorkerApi>;
  private backendInfo: BackendReport | null = null;

  constructor(
    private readonly preference: BackendChoice = 'auto',
    createWorker: () => Worker = defaultWorker,
  ) {
    this.bridge = new WorkerBridge<ProfileWorkerApi>(createWorker);
  }

  private async start(): Promise<Remote<ProfileWorkerApi>> {
    if (this.bridge.api && this.backendInfo) return this.bridge.api;
    const api = this.bridge.ensure();
    this.backendInfo = await this.bridge.raceCrash(api.init(this.preference), crashed);
    return api;
  }

  async backend(): Promise<BackendReport> {
    await this.start();
    return this.backendInfo!;
  }

  async profile(request: ProfileRequest, onLayer: (p: { done: number; total: number; key: string; latencyMs: number }) => void = () => {}): Promise<{ table: DeviceTable; seconds: number }> {
    const api = await this.start();
    const r = await this.bridge.raceCrash(api.profile(request, proxy({ onLayer })), crashed);
    return { table: r.table, seconds: r.seconds };
  }

  async predictionCheck(table: DeviceTable, subnets: number, seed: number, onSubnet: (done: number, total: number) => void = () => {}): Promise<PredictionCheckResult> {
    const api = await this.start();
    return this.bridge.raceCrash(api.predictionCheck({ table, subnets, seed }, proxy(onSubnet)), crashed);
  }

  cancel(): void {
    void this.bridge.api?.cancel();
  }

  terminate(): void {
    this.bridge.terminate();
    this.backendInfo = null;
  }
}
