// The lessons rendered on real recordings: the figures they quote are the ones the code, the
// run view and the engine's own functions give (not typed in), and each hook highlights its
// lesson's targets, selects a network where it says so, and its undo puts everything back.
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import quickText from '../../../public/recordings/quick-seed1-tx2.jsonl?raw';
import tinyText from '../../fixtures/tiny-run.jsonl?raw';
import { parseRecording } from '../../../src/core/search/recording';
import type { SearchEvent } from '../../../src/core/search-events';
import { SearchState } from '../../../src/state/search.svelte';
import { LessonFocus } from '../../../src/state/lessons.svelte';
import { LESSONS } from '../../../src/core/lessons/catalogue';
import { LESSON_MODULES } from '../../../src/lessons';
import { latestSearchedInner } from '../../../src/lessons/context';
import { searchSpaceFacts } from '../../../src/core/lessons/search-space';
import { breedingDemo } from '../../../src/core/lessons/breeding-demo';
import { count } from '../../../src/lessons/format';
import { genomeKey } from '../../../src/core/genome';
import { dominates } from '../../../src/core/pareto';
import { objectiveVector } from '../../../src/core/search/archive';

const quick = parseRecording(quickText).events;
const tiny = parseRecording(tinyText).events;
let app: ReturnType<typeof mount> | null = null;
let host: HTMLDivElement;

async function render(n: number, events: readonly SearchEvent[]) {
  host = document.createElement('div');
  document.body.append(host);
  const model = new SearchState();
  await model.replay(events, 'test');
  app = mount(LESSON_MODULES[n].component, { target: host, props: { model } });
  flushSync();
  return { model, text: () => host.textContent!.replace(/\s+/g, ' ') };
}

afterEach(() => {
  if (app) unmount(app);
  app = null;
  host?.remove();
});

describe('lesson texts quote the code and the run', () => {
  it('lesson 2: subnet counts from the space, scored backbones from the run', async () => {
    const { model, text } = await render(2, quick);
    const f = searchSpaceFacts();
    expect(text()).toContain(`each modality has ${count(f.subnetsPerModality)} distinct subnets`);
    const images = new Set(model.runView.backbones.filter((b) => b.modality === 'image').map((b) => genomeKey(b.genome))).size;
    expect(images).toBeGreaterThan(0);
    expect(text()).toContain(`${images} image and`);
  });

  it('lesson 5: a real dominance pair when the run has one, an honest note when it has none', async () => {
    const withPair = await render(5, tiny);
    const fact = host.querySelector('[data-testid="lesson-fact"]')!.textContent!.replace(/\s+/g, ' ');
    expect(withPair.model.archive.length).toBeGreaterThan(withPair.model.front.length);
    const m = /#(\d+) .* dominates #(\d+)/.exec(fact)!;
    expect(m).not.toBeNull();
    const [a, b] = [Number(m[1]), Number(m[2])].map((id) => withPair.model.archive.find((e) => e.id === id)!);
    const objectives = withPair.model.result!.settings.objectives;
    expect(dominates(objectiveVector(a, objectives), objectiveVector(b, objectives))).toBe(true);
    unmount(app!);
    app = null;
    host.remove();
    const q = await render(5, quick);
    expect(q.model.archive.length).toBe(q.model.front.length);
    expect(host.querySelector('[data-testid="lesson-fact"]')!.textContent).toContain(`All ${q.model.archive.length} networks of this run are on the front`);
  });

  it('lesson 6: the breeding table is the engine functions on two front genomes', async () => {
    const { model } = await render(6, quick);
    const table = host.querySelector('[data-testid="breeding-demo"]')!;
    const front = [...model.front].sort((a, b) => a.latencyMs - b.latencyMs);
    const demo = breedingDemo(front[0].image, front[front.length - 1].image, model.result!.settings.crossoverP, model.result!.settings.mutationP, 1);
    expect(table.querySelector('caption')!.textContent).toContain(demo.child);
    (host.querySelector('[data-testid="breed-again"]') as HTMLButtonElement).click();
    flushSync();
    const again = breedingDemo(front[0].image, front[front.length - 1].image, model.result!.settings.crossoverP, model.result!.settings.mutationP, 2);
    expect(table.querySelector('caption')!.textContent).toContain(again.child);
  });

  it('lessons 7 and 8: the losses and the kept candidate of the latest searched pair', async () => {
    const { model, text } = await render(7, quick);
    const inner = latestSearchedInner(model)!;
    expect(text()).toContain(`from ${inner.search[0].trainLoss.toFixed(3)} to ${inner.search.at(-1)!.trainLoss.toFixed(3)}`);
    unmount(app!);
    app = null;
    host.remove();
    const r8 = await render(8, quick);
    const kept = latestSearchedInner(r8.model)!.candidates!.find((c) => c.kept)!;
    expect(r8.text()).toContain(`the one kept (${kept.fusionOps.join(' + ')}`);
    expect(r8.text()).toContain(`${kept.valAccuracy.toFixed(2)} % on validation`);
  });
});

describe('lesson hooks', () => {
  it('highlight their targets and undo it; lesson 3 selects a front network only when none is selected', async () => {
    const model = new SearchState();
    await model.replay(quick, 'test');
    const focus = new LessonFocus();
    for (const info of LESSONS) {
      const undo = LESSON_MODULES[info.number].open({ model, focus, info });
      expect(focus.targets).toEqual(info.targets);
      if (info.number === 6) expect(focus.annotation).toBe('ranks');
      undo();
      expect(focus.targets).toEqual([]);
      expect(focus.annotation).toBeNull();
    }
    const info3 = LESSONS[2];
    const undo = LESSON_MODULES[3].open({ model, focus, info: info3 });
    const fastest = [...model.front].sort((a, b) => a.latencyMs - b.latencyMs)[0];
    expect(model.selectedId).toBe(fastest.id);
    undo();
    expect(model.selectedId).toBeNull();
    model.selectedId = model.front.at(-1)!.id;
    LESSON_MODULES[3].open({ model, focus, info: info3 })();
    expect(model.selectedId).toBe(model.front.at(-1)!.id);
    model.dispose();
  });
});
