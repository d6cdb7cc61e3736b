// The cost CLI's logic (scripts/cost.ts is its thin Node wrapper): prices a multimodal
// network from the device tables — LUT(image backbone) + LUT(audio backbone) + Σ LUT(fusion
// operators), DESIGN §1 "Hardware cost". Pure: argv in, {code, stdout, stderr} out.
//
//   cost --device jetson-tx2 --image k5557e3643d2 --audio k3375e3336d2 --fusion ConcatFC,CatConvMish
//
// Exit 0: one JSON object on stdout. Exit 2: a bad argument, one line on stderr saying what was
// wrong and what is allowed. Exit 1: the table itself is broken (e.g. a missing layer).

import { GenomeError, formatGenome, parseGenome } from './genome';
import { FusionError, parseFusionOps } from './fusion-genotype';
import { networkCost, type LayerCost, type PartCost } from './cost-model';
import type { DeviceTable } from './device-table';
import type { BackboneGenome, FusionOp } from './types';
import { FUSION_OPS } from './types';

export interface CostCliEnv {
  /** Ids of the devices that have a table, e.g. ['jetson-tx2', 'jetson-agx-xavier']. */
  devices: readonly string[];
  /** Loads (and validates) the table of a listed device. */
  loadTable(id: string): DeviceTable;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const DEFAULT_DEVICE = 'jetson-tx2';
const FLAGS = ['--device', '--image', '--audio', '--fusion'] as const;
type Flag = (typeof FLAGS)[number];

export const COST_USAGE =
  'usage: cost [--device <id>] --image <genome> --audio <genome> [--fusion <op,op,...>]\n' +
  '  genome: k<4 kernels in 3,5,7>e<4 expands in 3,4,6>d<depth 2-4>, e.g. k5557e3643d2\n' +
  `  fusion ops (repeats allowed): ${FUSION_OPS.join(', ')}\n` +
  `  device defaults to ${DEFAULT_DEVICE}\n`;

class UsageError extends Error {}

/** Rounds to 3 decimals for printing. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function parseArgs(argv: readonly string[]): Partial<Record<Flag, string>> {
  const out: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = (eq >= 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg) as Flag;
    if (!(FLAGS as readonly string[]).includes(name)) {
      throw new UsageError(`unknown argument "${arg}": allowed ${FLAGS.join(', ')}, --help`);
    }
    let value: string | undefined;
    if (eq >= 0 && arg.startsWith('--')) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value !== '')) {
        throw new UsageError(`${name} needs a value`);
      }
      i++;
    }
    if (out[name] !== undefined) throw new UsageError(`${name} given twice`);
    out[name] = value;
  }
  return out;
}

const layerOut = (l: LayerCost) => ({
  key: l.key,
  kind: l.kind,
  ...(l.blockIndex !== undefined ? { blockIndex: l.blockIndex } : {}),
  description: l.description,
  latencyMs: round3(l.latencyMs),
  energyMj: round3(l.energyMj),
  status: l.status,
});
const partOut = (p: PartCost) => ({
  latencyMs: round3(p.latencyMs),
  energyMj: round3(p.energyMj),
  layers: p.layers.map(layerOut),
});

/** Runs a value parser, prefixing its error with the flag it came from. */
function parseFlag<T>(flag: Flag, value: string, parse: (text: string) => T): T {
  try {
    return parse(value);
  } catch (err) {
    if (err instanceof GenomeError || err instanceof FusionError) throw new UsageError(`${flag}: ${err.message}`);
    throw err;
  }
}

export function runCostCli(argv: readonly string[], env: CostCliEnv): CliResult {
  if (argv.includes('--help') || argv.includes('-h')) return { code: 0, stdout: COST_USAGE, stderr: '' };
  let args: Partial<Record<Flag, string>>;
  let image: BackboneGenome;
  let audio: BackboneGenome;
  let fusionOps: FusionOp[];
  let table: DeviceTable;
  try {
    args = parseArgs(argv);
    const device = args['--device'] ?? DEFAULT_DEVICE;
    if (!env.devices.includes(device)) {
      throw new UsageError(`unknown device "${device}": allowed ${env.devices.join(', ')}`);
    }
    if (args['--image'] === undefined) throw new UsageError('missing --image <genome>, e.g. --image k5557e3643d2');
    if (args['--audio'] === undefined) throw new UsageError('missing --audio <genome>, e.g. --audio k3375e3336d2');
    image = parseFlag('--image', args['--image'], parseGenome);
    audio = parseFlag('--audio', args['--audio'], parseGenome);
    fusionOps = parseFlag('--fusion', args['--fusion'] ?? '', parseFusionOps);
    table = env.loadTable(device);
  } catch (err) {
    if (err instanceof UsageError || err instanceof GenomeError || err instanceof FusionError) {
      return { code: 2, stdout: '', stderr: `cost: ${err.message.replace(/\n/g, ' ')}\n` };
    }
    return { code: 1, stdout: '', stderr: `cost: ${String((err as Error).message ?? err).replace(/\n/g, ' ')}\n` };
  }
  try {
    const cost = networkCost(table, { image, audio, fusionOps });
    const out = {
      device: table.id,
      deviceName: table.name,
      latencyMs: round3(cost.latencyMs),
      energyMj: round3(cost.energyMj),
      units: { latency: 'ms', energy: 'mJ' },
      image: { genome: formatGenome(image), ...partOut(cost.image) },
      audio: { genome: formatGenome(audio), ...partOut(cost.audio) },
      fusion: { ops: fusionOps, ...partOut(cost.fusion) },
      source: table.source.citation,
    };
    return { code: 0, stdout: JSON.stringify(out, null, 2) + '\n', stderr: '' };
  } catch (err) {
    return { code: 1, stdout: '', stderr: `cost: ${String((err as Error).message).replace(/\n/g, ' ')}\n` };
  }
}
