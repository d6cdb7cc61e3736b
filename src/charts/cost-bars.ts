// Turns a network's cost breakdown into the rows of the per-layer bar chart.
import type { NetworkCost } from '../core/cost-model';
import type { LayerBar, CostPart } from './layer-cost-bars';

export function costBars(cost: NetworkCost): LayerBar[] {
  const parts: CostPart[] = ['image', 'audio', 'fusion'];
  return parts.flatMap((part) =>
    cost[part].layers.map((layer, i) => ({
      part,
      label: part === 'fusion' ? `fusion ${i + 1}: ${layer.description.replace(/^fusion operator /, '')}` : layer.description,
      key: layer.key,
      latencyMs: layer.latencyMs,
      energyMj: layer.energyMj,
    })),
  );
}
