// The hypervolume chart from the recorded quick run (with its random-search baseline): one value
// per generation for each search, non-decreasing, the reference point exposed, one line each;
// replaying only up to the first generation shows one point and no baseline yet.
import { describe, expect, it, afterEach } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import text from '../../../public/recordings/quick-seed1-tx2.jsonl?raw';
import { parseRecording } from '../../../src/core/search/recording';
import { SearchState } from '../../../src/state/search.svelte';
import HypervolumeChart from '../../../src/components/search/live/HypervolumeChart.svelte';

const events = parseRecording(text).events;
let app: ReturnType<typeof mount> | null = null;
let host: HTMLDivElement;

async function render(upTo = events.length) {
  host = document.createElement('div');
  host.style.width = '600px';
  document.body.append(host);
  const model = new SearchState();
  await model.replay(events.slice(0, upTo), 'test');
  app = mount(HypervolumeChart, { target: host, props: { model } });
  flushSync();
  return { model, chart: host.querySelector('[data-testid="hv-chart"]') as HTMLElement };
}

afterEach(() => {
  if (app) unmount(app);
  host.remove();
});

describe('hypervolume chart', () => {
  it('draws both searches per generation, non-decreasing, with the reference point', async () => {
    const { chart, model } = await render();
    const hv = JSON.parse(chart.dataset.hv!) as number[];
    const random = JSON.parse(chart.dataset.hvRandom!) as number[];
    expect(hv).toHaveLength(model.result!.history.length);
    expect(random).toHaveLength(hv.length);
    for (const series of [hv, random]) for (let i = 1; i < series.length; i++) expect(series[i]).toBeGreaterThanOrEqual(series[i - 1]);
    expect(JSON.parse(chart.dataset.hvReference!).point).toEqual(model.result!.reference.point);
    expect(chart.dataset.baseline).toBe('finished');
    expect(chart.querySelectorAll('[data-series] path')).toHaveLength(2);
    expect(chart.querySelectorAll('[data-series="evolutionary search"] circle')).toHaveLength(hv.length);
    expect(host.querySelector('[data-testid="hv-ratio"]')!.textContent).toContain((hv.at(-1)! / random.at(-1)!).toFixed(3));
    expect(host.querySelectorAll('tbody tr')).toHaveLength(hv.length);
  });

  it('shows what was known mid-run: one generation, no baseline', async () => {
    const firstGeneration = events.findIndex((e) => e.type === 'generation');
    const { chart } = await render(firstGeneration + 1);
    expect(JSON.parse(chart.dataset.hv!)).toHaveLength(1);
    expect(JSON.parse(chart.dataset.hvRandom!)).toEqual([]);
    expect(chart.dataset.baseline).toBe('none');
    expect(host.querySelector('[data-testid="run-baseline"]')).toBeNull(); // a replay cannot start one
  });
});
