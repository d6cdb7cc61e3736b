// State of the hardware-cost explorer: the chosen device table, the two backbone genomes and
// the fusion operators; the network's latency (ms) and energy (mJ) are derived from the table
// by the core cost model — never measured or guessed here. A link may name the network to
// start on (`#view=devices&device=…&image=…&audio=…&fusion=…&cells=C&nodes=N`, the URL contract in
// src/core/search/url-state.ts): the Search view's "open in Devices" writes one.
import type { BackboneGenome, FusionOp } from '../core/types';
import { parseGenome, formatGenome } from '../core/genome';
import { networkCost, type NetworkCost } from '../core/cost-model';
import type { DeviceTable } from '../core/device-table';
import { PAPER_MODELS, type PaperModel } from '../core/paper-models';
import { DEVICE_TABLES_URL, loadDeviceIndex, loadDeviceTable, type DeviceIndexEntry } from '../data/device-tables';
import { CELL_CHOICES, NODE_CHOICES } from '../core/types';
import { formatUrlState, parseUrlState, type UrlSettings } from '../core/search/url-state';
import { urlHash, type UrlHash } from './url-hash.svelte';

export class DevicesState {
  devices = $state.raw<DeviceIndexEntry[]>([]);
  deviceId = $state('jetson-tx2');
  tables = $state.raw<Record<string, DeviceTable>>({});
  loadError = $state<string | null>(null);

  image = $state.raw<BackboneGenome>(parseGenome(PAPER_MODELS[2].image));
  audio = $state.raw<BackboneGenome>(parseGenome(PAPER_MODELS[2].audio));
  fusionOps = $state.raw<FusionOp[]>([...PAPER_MODELS[2].fusionOps] as FusionOp[]);
  cells = $state(PAPER_MODELS[2].cells);
  nodes = $state(PAPER_MODELS[2].nodes);

  table = $derived<DeviceTable | undefined>(this.tables[this.deviceId]);

  private readonly hash: UrlHash;

  /** Starts on the network the hash names (image, audio, fusion keys), if it names one. */
  constructor(hash: UrlHash = urlHash) {
    this.hash = hash;
    this.applyUrl(hash.parsed.settings);
  }

  /**
   * Writes the board and the network being priced into the hash (device, image, audio, fusion,
   * cells, nodes), keeping every other key, so the address shares it. Reads the fields (an
   * effect that calls it follows them) but not the reactive hash.
   */
  writeUrl(): void {
    const { settings, unknown } = parseUrlState(this.hash.text);
    const next: UrlSettings = {
      ...settings,
      device: this.deviceId,
      image: formatGenome(this.image),
      audio: formatGenome(this.audio),
      fusion: [...this.fusionOps],
      cells: this.cells,
      nodes: this.nodes,
    };
    const text = formatUrlState(next, unknown);
    if (text !== this.hash.text.replace(/^#/, '')) this.hash.replace(text);
  }

  private applyUrl(s: UrlSettings): void {
    this.deviceId = s.device;
    if (!s.image && !s.audio && !s.fusion) return;
    if (s.image) this.image = parseGenome(s.image);
    if (s.audio) this.audio = parseGenome(s.audio);
    if (s.fusion) {
      const n = s.fusion.length;
      // The shape only arranges the editor (the cost is the operators' sum); without a fitting
      // one, the first cells × nodes that holds every operator.
      const shape =
        s.cells && s.nodes && s.cells * s.nodes === n
          ? { cells: s.cells, nodes: s.nodes }
          : CELL_CHOICES.flatMap((cells) => NODE_CHOICES.map((nodes) => ({ cells, nodes }))).find((m) => m.cells * m.nodes === n);
      if (shape) {
        this.fusionOps = [...s.fusion];
        this.cells = shape.cells;
        this.nodes = shape.nodes;
      }
    }
    this.deviceId = s.device;
  }

  /** The network's cost, or the error the cost model gave (e.g. a layer missing from the table). */
  result = $derived.by<{ cost: NetworkCost } | { error: string } | null>(() => {
    if (!this.table) return null;
    try {
      return { cost: networkCost(this.table, { image: this.image, audio: this.audio, fusionOps: this.fusionOps }) };
    } catch (err) {
      return { error: (err as Error).message };
    }
  });

  /** The paper preset the current settings equal, if any. */
  activePreset = $derived<PaperModel | undefined>(
    PAPER_MODELS.find(
      (m) =>
        m.image === formatGenome(this.image) &&
        m.audio === formatGenome(this.audio) &&
        m.fusionOps.join(',') === this.fusionOps.join(','),
    ),
  );

  async load(baseUrl = DEVICE_TABLES_URL): Promise<void> {
    try {
      const devices = await loadDeviceIndex(baseUrl);
      const tables: Record<string, DeviceTable> = {};
      for (const entry of devices) tables[entry.id] = await loadDeviceTable(entry, baseUrl);
      this.devices = devices;
      this.tables = tables;
      if (!tables[this.deviceId] && devices.length > 0) this.deviceId = devices[0].id;
    } catch (err) {
      this.loadError = (err as Error).message;
    }
  }

  applyPreset(model: PaperModel): void {
    this.image = parseGenome(model.image);
    this.audio = parseGenome(model.audio);
    this.fusionOps = [...model.fusionOps] as FusionOp[];
    this.cells = model.cells;
    this.nodes = model.nodes;
    if (this.tables[model.published.device]) this.deviceId = model.published.device;
  }
}
