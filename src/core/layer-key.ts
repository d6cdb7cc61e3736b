// Reading a table's layer key (the LUT grammar of ./backbone-layers.ts and the fusion operator
// keys of ./cost-model.ts) back into the layer's shape: one reader for everything that builds or
// prices a layer from its key (the board model's workloads, the browser profiler's layers).

export type LayerKey =
  | { kind: 'ConvLayer'; key: string; cin: number; h: number; cout: number; k: number; s: number; bn: boolean }
  | { kind: 'MBConvLayer'; key: string; cin: number; h: number; cout: number; e: number; mid: number; k: number; s: number }
  | { kind: 'LinearLayer'; key: string; cin: number; cout: number }
  | { kind: 'fusion'; key: string; op: string; c: number; l: number };

function field(key: string, name: string): number {
  const m = new RegExp(`${name}:(\\d+)`).exec(key);
  if (!m) throw new Error(`layer key "${key}" lacks ${name}`);
  return Number(m[1]);
}

function input(key: string): { cin: number; h: number } {
  const m = /input:1_(\d+)_(\d+)_\d+/.exec(key);
  if (!m) throw new Error(`layer key "${key}" has no 1_C_H_W input`);
  return { cin: Number(m[1]), h: Number(m[2]) };
}

export function parseLayerKey(key: string): LayerKey {
  const kind = key.slice(0, key.indexOf('-'));
  if (kind === 'ConvLayer') return { kind, key, ...input(key), cout: field(key, 'out_ch'), k: field(key, 'kernel'), s: field(key, 'stride'), bn: field(key, 'use_bn') === 1 };
  if (kind === 'MBConvLayer') {
    const { cin, h } = input(key);
    const e = field(key, 'expand');
    // expand 1 has no expand conv: the depthwise conv runs on the input channels
    return { kind, key, cin, h, cout: field(key, 'out_ch'), e, mid: e === 1 ? cin : field(key, 'mid_ch'), k: field(key, 'kernel'), s: field(key, 'stride') };
  }
  if (kind === 'LinearLayer') return { kind, key, cin: field(key, 'in_ch'), cout: field(key, 'out_ch') };
  return { kind: 'fusion', key, op: kind, c: field(key, 'C'), l: field(key, 'L') };
}
