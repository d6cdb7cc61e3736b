// This browser as a target device, as Svelte 5 state: profiling every layer of the search
// space in a worker on the chosen backend (progress, cancel), the resulting device table kept in
// IndexedDB (then offered as a device by the Devices and Search views), and the prediction check
// of that table against whole extracted networks (Kendall τ, MAPE), kept beside it.

import type { BackendChoice } from '../core/backends';
import type { DeviceTable } from '../core/device-table';
import { ProfileClient } from '../api/profile-client';
import { deleteBrowserTable, loadBrowserCheck, loadBrowserTable, saveBrowserCheck, saveBrowserTable, type KeptPredictionCheck } from '../data/browser-table';

export const CHECK_SUBNETS = 30;

export interface BrowserDeviceDeps {
  client: (backend: BackendChoice) => Pick<ProfileClient, 'profile' | 'predictionCheck' | 'cancel' | 'terminate' | 'backend'>;
  saveTable: (t: DeviceTable) => Promise<void>;
  loadTable: () => Promise<DeviceTable | null>;
  saveCheck: (c: KeptPredictionCheck) => Promise<void>;
  loadCheck: () => Promise<KeptPredictionCheck | null>;
  remove: () => Promise<void>;
}

const defaultDeps: BrowserDeviceDeps = {
  client: (b) => new ProfileClient(b),
  saveTable: saveBrowserTable,
  loadTable: loadBrowserTable,
  saveCheck: saveBrowserCheck,
  loadCheck: loadBrowserCheck,
  remove: deleteBrowserTable,
};

export class BrowserDeviceState {
  backend = $state<BackendChoice>('auto');
  status = $state<'idle' | 'profiling' | 'checking' | 'cancelled' | 'error'>('idle');
  progress = $state.raw<{ done: number; total: number; what: string } | null>(null);
  table = $state.raw<DeviceTable | null>(null);
  check = $state.raw<KeptPredictionCheck | null>(null);
  /** Seconds the last profile took. */
  seconds = $state<number | null>(null);
  message = $state<string | null>(null);
  private client: ReturnType<BrowserDeviceDeps['client']> | null = null;
  private clientBackend: BackendChoice | null = null;

  constructor(
    private readonly deps: BrowserDeviceDeps = defaultDeps,
    /** Told when the kept table changes (the device lists reload). */
    private readonly onTableChanged: () => void = () => {},
  ) {}

  get busy(): boolean {
    return this.status === 'profiling' || this.status === 'checking';
  }

  async restore(): Promise<void> {
    try {
      this.table = await this.deps.loadTable();
      this.check = this.table ? await this.deps.loadCheck() : null;
    } catch {
      this.table = null; // no IndexedDB: nothing kept
    }
  }

  private clientFor(backend: BackendChoice) {
    if (!this.client || this.clientBackend !== backend) {
      this.client?.terminate();
      this.client = this.deps.client(backend);
      this.clientBackend = backend;
    }
    return this.client;
  }

  /** Times every layer of the search space on the chosen backend and keeps the table. */
  async profile(keys?: string[]): Promise<void> {
    if (this.busy) return;
    this.status = 'profiling';
    this.message = null;
    this.progress = null;
    try {
      const r = await this.clientFor(this.backend).profile(keys ? { keys } : {}, (p) => (this.progress = { done: p.done, total: p.total, what: p.key }));
      await this.deps.saveTable(r.table);
      this.table = r.table;
      this.seconds = r.seconds;
      this.check = null;
      this.status = 'idle';
      this.onTableChanged();
    } catch (err) {
      this.fail(err);
    } finally {
      this.progress = null;
    }
  }

  /** Predicted against measured latency of random subnets, on the backend the table was measured on. */
  async runCheck(subnets = CHECK_SUBNETS, seed = 1): Promise<void> {
    if (this.busy || !this.table) return;
    this.status = 'checking';
    this.message = null;
    try {
      const r = await this.clientFor(this.backend).predictionCheck(this.table, subnets, seed, (done, total) => (this.progress = { done, total, what: 'subnets' }));
      const kept: KeptPredictionCheck = { tableName: this.table.name, backend: r.backend, points: r.points, kendallTau: r.kendallTau, mapePct: r.mapePct, seconds: r.seconds };
      this.check = kept;
      await this.deps.saveCheck(kept);
      this.status = 'idle';
    } catch (err) {
      this.fail(err);
    } finally {
      this.progress = null;
    }
  }

  cancel(): void {
    this.client?.cancel();
  }

  async remove(): Promise<void> {
    await this.deps.remove();
    this.table = null;
    this.check = null;
    this.onTableChanged();
  }

  private fail(err: unknown): void {
    const message = (err as Error).message;
    if (/cancelled/.test(message)) {
      this.status = 'cancelled';
      this.message = 'Cancelled: the table kept before (if any) is unchanged.';
      return;
    }
    this.status = 'error';
    this.message = `Profiling failed: ${message}`;
    this.client?.terminate();
    this.client = null;
  }
}
