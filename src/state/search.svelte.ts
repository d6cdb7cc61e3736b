// Run state of the Search view as a Svelte 5 rune class: the settings (from the URL
// hash, written back keeping other keys such as `view=`), the run's status, progress and time
// left, the Pareto front and archive, the backend in use, tf.memory() samples, errors, and the
// offer to resume a run saved in IndexedDB. `run=1` in the hash starts the search on load.

import { formatUrlState, parseUrlState, searchSettingsFromUrl, urlSettingsOf, withUrlKey, type UrlSettings } from '../core/search/url-state';
import type { BackendChoice } from '../core/backends';
import { checkSettings, presetSettings, validateSettings, type PresetName, type SearchSettings } from '../core/search/settings';
import type { SearchResult } from '../core/search/archive';
import type { BackendReport } from '../core/backends';
import type { RunnerStatus, SearchEvent, StepGrainChoice } from '../core/search-protocol';
import { applySearchEvent, emptyRunView, lastCheckpointOf, resultOfRun, type RunView } from '../core/search/run-view';
import { formatRecording } from '../core/search/recording';
import type { EngineState } from '../core/search/engine-state';
import { SearchClient } from '../api/search-client';
import { etas, type Etas } from '../api/eta';
import { loadDeviceIndex, type DeviceIndexEntry } from '../data/device-tables';
import { urlHash, type UrlHash } from './url-hash.svelte';
import { FIRST_VISIT_RECORDING } from '../data/asset-paths';
import { clearRun, loadRun, saveRun } from './checkpoints';
import { PHASE_WORDS } from '../core/search/phase-words';
import { fetchRecording } from '../data/recordings';
import { encodeSavedRun, type SavedRun } from './checkpoint-codec';
import { RunHistoryState } from './run-history.svelte';
import type { HistorySummary } from './run-history-codec';

export type RunStatus = 'idle' | 'loading' | 'running' | 'paused' | 'finished' | 'error';

export class SearchState {
  url: UrlSettings;
  settings: SearchSettings;
  urlErrors: string[];
  devices = $state.raw<DeviceIndexEntry[]>([]);

  status = $state<RunStatus>('idle');
  statusMessage = $state('');
  /** Everything the run has reported, rebuilt from its events (src/core/search/run-view.ts). */
  runView = $state.raw<RunView>(emptyRunView());
  /** The run's result so far; a new object only when the archive or history changed. */
  result = $state.raw<SearchResult | null>(null);
  /** Archive id of the network selected in the Pareto chart or a table (null: none). */
  selectedId = $state<number | null>(null);
  selected = $derived(this.selectedId === null ? null : (this.result?.archive.find((e) => e.id === this.selectedId) ?? null));
  errors = $state.raw<string[]>([]);
  notices = $state.raw<string[]>([]);
  saved = $state.raw<{ run: SavedRun; state: EngineState } | null>(null);
  /** Wall time (ms) from Run to finished, for the summary. */
  wallMs = $state<number | null>(null);

  settingsErrors: string[];
  progress = $derived(this.runView.progress);
  backend = $derived<BackendReport | null>(this.runView.backend);
  memory = $derived(this.runView.memory);
  etas = $derived<Etas | null>(this.progress ? etas(this.progress) : null);
  phaseWords = $derived(this.progress ? (PHASE_WORDS[this.progress.phase] ?? this.progress.phase) : '');
  front = $derived(this.result?.front ?? []);
  archive = $derived(this.result?.archive ?? []);

  private client: SearchClient | null = null;
  private startedAt = 0;
  /** Every event of the current run, in order: what `recording()` returns. */
  private events: SearchEvent[] = [];
  private readonly hash: UrlHash;
  private readonly unsubscribeHash: () => void;

  constructor(hash: UrlHash = urlHash) {
    this.hash = hash;
    const parsed = hash.parsed;
    this.url = $state.raw(parsed.settings);
    this.settings = $state(searchSettingsFromUrl(parsed.settings));
    this.urlErrors = $state.raw(parsed.errors);
    this.settingsErrors = $derived(validateSettings(this.settings));
    this.unsubscribeHash = hash.subscribe(() => this.readHash());
  }

  private knownDevices(): string[] | undefined {
    return this.devices.length ? this.devices.map((d) => d.id) : undefined;
  }

  /** Loads the device list and the saved run; starts the search when the hash says `run=1`. */
  async init(): Promise<void> {
    try {
      this.devices = await loadDeviceIndex();
      const parsed = parseUrlState(this.hash.text, { knownDevices: this.knownDevices() });
      this.urlErrors = parsed.errors;
      if (parsed.settings.device !== this.url.device) this.applyUrl(parsed.settings);
    } catch (err) {
      this.errors = [...this.errors, `Could not load the device list: ${(err as Error).message}`];
    }
    try {
      this.saved = await loadRun();
    } catch {
      this.saved = null; // no IndexedDB (private mode): no resume offer
    }
    await this.history.load();
    if (this.url.run) {
      // A finished run's link, reloaded: show what finished here instead of starting again.
      const prior = this.history.findFinished(this.settings);
      if (prior) await this.reopen(prior.id, true);
      else await this.run();
    }
    else if (this.url.replay) await this.replayFile(this.url.replay);
    // A first visit (nothing in the URL but perhaps a lesson, nothing to resume) has something to
    // look at at once: lessons work on the recording when no live run exists.
    else if (withUrlKey(withUrlKey(this.hash.text, 'lesson', null), 'view', null) === '' && !this.saved) await this.replayFile(FIRST_VISIT_RECORDING);
  }

  /** Loads a recording from this site and replays it at once; problems go to urlErrors. */
  private async replayFile(path: string): Promise<void> {
    try {
      const { events, errors } = await fetchRecording(path);
      this.urlErrors = [...this.urlErrors, ...errors];
      await this.replay(events, path);
    } catch (err) {
      this.urlErrors = [...this.urlErrors, (err as Error).message];
    }
  }

  private readHash(): void {
    const parsed = parseUrlState(this.hash.text, { knownDevices: this.knownDevices() });
    if (JSON.stringify(searchSettingsFromUrl(parsed.settings)) === JSON.stringify(searchSettingsFromUrl(this.url)) && parsed.settings.backend === this.url.backend) return;
    this.urlErrors = parsed.errors;
    this.applyUrl(parsed.settings);
  }

  /** The URL is the source of the settings: every key it names, over its preset. */
  private applyUrl(s: UrlSettings): void {
    this.url = s;
    this.settings = searchSettingsFromUrl(s);
  }

  /** Writes every search setting to the hash (what differs from the preset), keeping the other keys. */
  private writeUrl(): void {
    const { settings: inHash, unknown } = this.hash.parsed;
    this.url = { ...inHash, ...urlSettingsOf($state.snapshot(this.settings) as SearchSettings, this.url.preset), backend: this.url.backend, run: false, replay: null };
    this.hash.replace(formatUrlState(this.url, unknown));
  }

  setPreset(name: PresetName): void {
    this.url = { ...this.url, preset: name };
    this.settings = presetSettings(name, { seed: this.settings.seed, device: this.settings.device, ...(this.settings.dataset ? { dataset: this.settings.dataset } : {}) });
    this.writeUrl();
  }

  setBackend(b: BackendChoice): void {
    this.url = { ...this.url, backend: b };
    this.writeUrl();
  }

  /** After any edit in the run panel (seed, device, λ, objectives, a preset number, paper-faithful). */
  settingsEdited(): void {
    this.writeUrl();
  }

  get busy(): boolean {
    return this.status === 'loading' || this.status === 'running' || this.status === 'paused';
  }

  private listener() {
    return {
      event: (e: SearchEvent) => this.onEvent(e),
      failure: (message: string, recovering: boolean) => {
        (recovering ? (this.notices = [...this.notices, message]) : (this.errors = [...this.errors, message]));
      },
    };
  }

  /** One event of the run (live, or replayed from a recording). */
  onEvent(e: SearchEvent): void {
    this.events.push(e);
    const before = this.runView;
    const after = applySearchEvent(before, e);
    this.runView = after;
    if (after.start !== before.start || after.archive !== before.archive || after.history !== before.history || after.finished !== before.finished) {
      this.result = resultOfRun(after);
    }
    if (e.type === 'status') this.onStatus(e.status);
    // A replay took no compute in this tab: nothing to save, no "finished in" time.
    if (this.replaying) {
      if (e.type === 'finished') this.wallMs = null;
      return;
    }
    if (e.type === 'generation' && e.checkpoint && e.checkpoint.phase !== 'finished') {
      saveRun(encodeSavedRun(e.checkpoint, this.url.backend, this.url.preset)).catch(() => {}); // no IndexedDB: the run still goes on
    } else if (e.type === 'finished') {
      this.wallMs = performance.now() - this.startedAt;
      clearRun().catch(() => {});
      this.saved = null;
      this.history.finishedLive(this.events, this.url.preset, this.wallMs);
    } else if (e.type === 'baseline-finished') this.history.baselineLive(this.events, this.url.preset);
  }

  /** The current run's events as JSON lines (the format of `npm run search -- --record`). */
  recording(): string {
    return formatRecording(this.events);
  }

  /** Slow motion (ms between two steps: a scored backbone, a fusion epoch, a replayed event). */
  delayMs = $state(0);

  setDelay(ms: number): void {
    this.delayMs = ms;
    this.client?.setDelay(ms);
  }

  /** Whether the views show a recording (not a live run), and where it came from. */
  replaying = $state<string | null>(null);
  /** What is replayed: a recording file of this site, or a run from this browser's history. */
  replayKind = $state<'recording' | 'history' | null>(null);
  /** The history entry being shown, and whether a reloaded `run=1` link brought it back. */
  reopened = $state.raw<{ summary: HistorySummary; fromLink: boolean } | null>(null);
  /** Finished runs kept in this browser (IndexedDB). */
  readonly history = new RunHistoryState();

  /** Shows a finished run from the history in the views (its settings become the panel's). */
  async reopen(id: string, fromLink = false): Promise<void> {
    const stored = await this.history.open(id);
    if (!stored) return;
    await this.replay(stored.events, `your run history (finished ${new Date(stored.summary.finishedAt).toLocaleString()})`, 0, 'history');
    this.reopened = { summary: stored.summary, fromLink };
    this.settings = { ...stored.summary.settings, objectives: [...stored.summary.settings.objectives] };
  }

  /**
   * Plays recorded events into the views, as the live run sent them; `delayMs` between two
   * events that change a chart (0: all at once). A live run (Run) stops the replay.
   */
  async replay(events: readonly SearchEvent[], label: string, delayMs?: number, kind: 'recording' | 'history' = 'recording'): Promise<void> {
    this.client?.terminate();
    this.client = null;
    this.runView = emptyRunView();
    this.events = [];
    this.result = null;
    this.errors = [];
    this.replaying = label;
    this.replayKind = kind;
    this.reopened = null;
    const token = ++this.replayToken;
    for (const e of events) {
      if (token !== this.replayToken) return;
      this.onEvent(e);
      const wait = delayMs ?? this.delayMs;
      if (wait > 0 && (e.type === 'backbone' || e.type === 'fusion-epoch' || e.type === 'generation')) await new Promise((r) => setTimeout(r, wait));
    }
  }

  private replayToken = 0;

  private onStatus(s: RunnerStatus): void {
    this.statusMessage = s.message ?? '';
    if (s.state === 'cancelled') this.status = 'idle';
    else this.status = s.state;
    if (s.state === 'error' && s.message) this.errors = [...this.errors, s.message];
  }

  private async launch(settings: SearchSettings, checkpoint: EngineState | null, paused: boolean, earlierEvents: readonly SearchEvent[] = []): Promise<void> {
    this.replayToken++;
    this.replaying = null;
    this.replayKind = null;
    this.reopened = null;
    this.client?.terminate();
    this.errors = [];
    this.runView = emptyRunView();
    this.events = [];
    this.result = null;
    this.selectedId = null;
    this.wallMs = null;
    this.startedAt = performance.now();
    for (const e of earlierEvents) this.onEvent(e);
    this.status = 'loading';
    this.client = new SearchClient(this.listener());
    this.client.setDelay(this.delayMs);
    try {
      await this.client.start(settings, this.url.backend, checkpoint, paused);
    } catch (err) {
      this.status = 'error';
      this.errors = [...this.errors, (err as Error).message];
    }
  }

  /** Run: a fresh search with the current settings (or resumes a paused one). */
  async run(): Promise<void> {
    if (this.status === 'paused' && this.client) {
      this.client.resume();
      return;
    }
    let settings: SearchSettings;
    try {
      settings = checkSettings($state.snapshot(this.settings) as SearchSettings);
    } catch (err) {
      this.status = 'error';
      this.errors = [(err as Error).message];
      return;
    }
    await clearRun().catch(() => {});
    this.saved = null;
    await this.launch(settings, null, false);
  }

  /** The random-search baseline of the finished run (same budget, seed, inner tier, reference). */
  async runBaseline(): Promise<void> {
    if (this.status !== 'finished' || !this.client) return;
    try {
      await this.client.runBaseline();
    } catch (err) {
      this.errors = [...this.errors, `The random-search baseline failed: ${(err as Error).message}`];
    }
  }

  /** Whether a baseline can be started now (a live, finished run whose worker is still up). */
  get canRunBaseline(): boolean {
    return this.status === 'finished' && this.client !== null && this.replaying === null && (this.runView.baseline === null || (this.runView.baseline.finished && !this.runView.baseline.complete));
  }

  pause(): void {
    this.client?.pause();
  }

  /** The model bundle of one front network of the live run (path → bytes). */
  async exportBundle(entryId: number): Promise<Record<string, Uint8Array>> {
    if (!this.client || this.replaying) throw new Error('a model can be exported from a run computed in this tab (a recording or a reopened run has no weights)');
    return this.client.exportBundle(entryId);
  }

  /** One step of `grain`; starts a paused run first when none is loaded. */
  async step(grain: StepGrainChoice): Promise<void> {
    if (!this.client || this.status === 'idle' || this.status === 'finished' || this.status === 'error') {
      let settings: SearchSettings;
      try {
        settings = checkSettings($state.snapshot(this.settings) as SearchSettings);
      } catch (err) {
        this.errors = [(err as Error).message];
        return;
      }
      await this.launch(settings, null, true);
    }
    this.client?.step(grain);
  }

  /** Stops the worker and forgets the run (and the saved checkpoint). */
  reset(): void {
    this.client?.cancel();
    this.client = null;
    this.status = 'idle';
    this.statusMessage = '';
    this.runView = emptyRunView();
    this.events = [];
    this.result = null;
    this.errors = [];
    this.notices = [];
    clearRun().catch(() => {});
    this.saved = null;
  }

  /** The view goes away: stop the worker, keep the saved checkpoint. */
  dispose(): void {
    this.client?.terminate();
    this.client = null;
    this.unsubscribeHash();
  }

  async resumeSaved(): Promise<void> {
    const saved = this.saved;
    if (!saved) return;
    this.saved = null;
    this.settings = saved.state.settings;
    this.url = { ...this.url, backend: saved.run.backend };
    await this.launch(saved.state.settings, saved.state, false);
  }

  /**
   * Continues a run from `state` (e.g. the headless search's checkpoint file, another sitting),
   * its earlier events first so that the views and the recording hold the whole run.
   */
  async resumeFrom(state: EngineState, earlierEvents: readonly SearchEvent[]): Promise<void> {
    this.settings = state.settings;
    await this.launch(state.settings, state, false, earlierEvents);
  }

  /** The run's latest checkpoint (after its last completed generation), or null. */
  lastCheckpoint(): EngineState | null {
    return lastCheckpointOf(this.events);
  }

  discardSaved(): void {
    this.saved = null;
    clearRun().catch(() => {});
  }
}
