// Estimated device tables for boards without measurements (Jetson Nano, Raspberry Pi 4): the
// roofline model (./roofline.ts) fitted on both measured Jetson tables, applied to every layer
// key those tables hold, with the model, the board's published figures, the fit's own error and
// the leave-one-board-out error in the table's `estimate` field. Pure: scripts/build-luts.ts
// writes the result to public/luts/.

import { DEVICE_TABLE_SCHEMA, parseDeviceTable, type DeviceTable, type TableEstimate } from '../device-table';
import type { BoardSpec } from './board-specs';
import { estimatedEntries, fitRoofline, leaveOneBoardOut, samplesOf, tableError } from './roofline';

export const ROOFLINE_MODEL =
  'per layer: latency = a · kernel launches / CPU GHz + b · FLOPs / peak FLOP/s + c · bytes / memory bandwidth; ' +
  'energy = k · module power · latency; a, b, c, k fitted (least squares on relative error, non-negative) on the measured Jetson TX2 and AGX Xavier tables';

export function estimatedTable(spec: BoardSpec, measured: readonly { table: DeviceTable; spec: BoardSpec }[]): DeviceTable {
  if (measured.length < 2) throw new Error('the board model needs at least two measured tables');
  const coefficients = fitRoofline(measured.flatMap((m) => samplesOf(m.table, m.spec)));
  const keys = Object.keys(measured[0].table.entries);
  const fitError = measured.map((m) => ({ board: m.spec.id, ...tableError({ ...m.table, entries: estimatedEntries(keys, m.spec, coefficients) }, m.table) }));
  const estimate: TableEstimate = {
    model: ROOFLINE_MODEL,
    spec: { processor: spec.processor, peakGflops: spec.peakGflops, memoryGBs: spec.memoryGBs, cpuGHz: spec.cpuGHz, powerW: spec.powerW, sources: [...spec.sources] },
    coefficients,
    fittedOn: measured.map((m) => m.spec.id),
    fitError,
    leaveOneBoardOut: leaveOneBoardOut(measured),
  };
  return parseDeviceTable({
    schema: DEVICE_TABLE_SCHEMA,
    id: spec.id,
    name: `${spec.name} (estimated)`,
    source: {
      citation: `Estimated by the Harmonic-NAS Playground's board model from published specifications (${spec.sources.join('; ')}), fitted on the Jetson TX2 and AGX Xavier tables measured by the Harmonic-NAS authors`,
      notes: `Not measured on the board. ${ROOFLINE_MODEL}. Leave-one-board-out error (whole networks, latency): ${estimate.leaveOneBoardOut.map((l) => `${l.board} ${l.networkLatencyMape.toFixed(1)} %`).join(', ')}.`,
    },
    units: { latency: 'ms', energy: 'mJ' },
    entries: estimatedEntries(keys, spec, coefficients),
    estimate,
  });
}
