// The Learn panel on the built app: every lesson opened from `#lesson=N` highlights its targets
// in the live views (on the shipped recording: no GPU, no waiting) and closing it removes the
// highlight; axe-core finds no serious or critical violation on the main views and on any
// lesson; the panel, the glossary and "explain this" work from the keyboard; the BN lesson
// measures a subnet live and the λ lesson re-scores the run's candidates.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startApp, type AppHarness } from './harness';
import { seriousViolations } from './axe';
import { LESSONS } from '../../src/core/lessons/catalogue';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const highlighted = (page: import('playwright-core').Page) =>
  page.locator('[data-highlighted]').evaluateAll((els) => els.map((e) => e.getAttribute('data-lesson-target')).sort());

describe('Learn panel (built app)', () => {
  it('walks every lesson from #lesson=N: its targets are highlighted, closing removes it, axe is clean', async () => {
    for (const lesson of LESSONS) {
      const { page, consoleErrors, foreignRequests } = await app.open(`#lesson=${lesson.number}`);
      const article = page.getByTestId('lesson');
      await article.waitFor({ timeout: 30_000 });
      expect(await article.getAttribute('data-lesson')).toBe(String(lesson.number));
      // the recording has been replayed: the lesson quotes the run
      await page.getByTestId('replay-banner').waitFor({ timeout: 30_000 });
      await expect.poll(() => highlighted(page), { timeout: 30_000 }).toEqual([...lesson.targets].sort());
      for (const t of lesson.targets) expect(await page.locator(`[data-lesson-target="${t}"]`).getAttribute('data-highlighted')).toBe('true');
      expect(await page.getByTestId('lesson-fact').count()).toBeLessThanOrEqual(1);
      expect(await seriousViolations(page), `lesson ${lesson.number}`).toEqual([]);
      await page.getByTestId('theme-toggle').click();
      expect(await seriousViolations(page), `lesson ${lesson.number}, ${await page.evaluate(() => document.documentElement.dataset.theme)}`).toEqual([]);
      // the NSGA-II lesson labels every point of the Pareto chart with its rank and crowding
      const notes = page.getByTestId('pareto-note');
      if (lesson.number === 6) {
        await expect.poll(() => notes.count()).toBe(await page.getByTestId('pareto-point').count());
        expect(await notes.first().textContent()).toMatch(/^r\d+ · (∞|\d+\.\d\d)$/);
      } else expect(await notes.count()).toBe(0);
      await page.getByTestId('lesson-close').click();
      await expect.poll(() => page.getByTestId('lesson').count()).toBe(0);
      expect(await highlighted(page)).toEqual([]);
      expect(await notes.count()).toBe(0);
      expect(page.url()).not.toContain('lesson=');
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      await page.close();
    }
  });

  it('has no serious or critical axe violation on the main views', async () => {
    const { page } = await app.open('');
    await page.getByTestId('replay-banner').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('pareto-point').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await seriousViolations(page), 'search view').toEqual([]);
    await page.getByTestId('theme-toggle').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await seriousViolations(page), 'search view, dark').toEqual([]);
    await page.getByTestId('theme-toggle').click();
    for (const view of ['data', 'devices'] as const) {
      await page.getByTestId(`nav-${view}`).click();
      await page.waitForTimeout(1500);
      expect(await seriousViolations(page), `${view} view`).toEqual([]);
    }
    await page.close();
  });

  it('opens, steps through and closes lessons by keyboard; glossary terms and "explain this" work', async () => {
    const { page, consoleErrors } = await app.open('');
    await page.getByTestId('replay-banner').waitFor({ timeout: 30_000 });
    // Tab to the header's Learn button, Enter opens lesson 1
    let onLearn = false;
    for (let i = 0; i < 12 && !onLearn; i++) {
      await page.keyboard.press('Tab');
      onLearn = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'nav-learn');
    }
    expect(onLearn).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('lesson').getAttribute('data-lesson')).toBe('1');
    await page.getByTestId('lesson-next').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('lesson').getAttribute('data-lesson')).toBe('2');
    expect(page.url()).toContain('lesson=2');
    // a glossary term: focus shows its definition, Escape hides it
    const term = page.getByTestId('lesson').getByTestId('term').first();
    await term.focus();
    const tip = page.getByTestId('term-tip');
    await expect.poll(() => tip.count()).toBe(1);
    expect(await tip.textContent()).toMatch(/lesson \d+/);
    expect(await term.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.count()).toBe(0);
    // tapping pins it
    await term.click();
    await expect.poll(() => tip.count()).toBe(1);
    // "explain this" on the Pareto chart opens the lesson that covers it
    await page.getByTestId('explain-pareto-chart').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('lesson').getAttribute('data-lesson')).toBe('5');
    await page.getByTestId('explain-timeline').click();
    await expect.poll(() => page.getByTestId('lesson').getAttribute('data-lesson')).toBe('6');
    // "?" on a focused Pareto point opens the lesson on Pareto fronts
    await page.getByTestId('pareto-point').first().focus();
    await page.keyboard.press('?');
    await expect.poll(() => page.getByTestId('lesson').getAttribute('data-lesson')).toBe('5');
    await page.getByTestId('lesson-close').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('learn-panel').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('lesson 9 re-scores the run\u2019s candidates with λ; lesson 4 measures BN recalibration live', async () => {
    const { page, consoleErrors } = await app.open('#lesson=9');
    await page.getByTestId('replay-banner').waitFor({ timeout: 30_000 });
    const rows = page.getByTestId('lambda-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const chosenAt = async (lambda: number) => {
      await page.getByTestId('lambda-slider').fill(String(lambda));
      return rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-chosen')));
    };
    for (const lambda of [0, 0.5, 2]) expect((await chosenAt(lambda)).filter((c) => c === 'true')).toHaveLength(1);
    expect(await page.getByTestId('macs-table').locator('tbody tr').count()).toBe(9);
    // per-layer bars of the shown network, one per table entry it sums
    const barsFigure = page.getByTestId('lesson-layer-bars');
    expect(Number(await barsFigure.getAttribute('data-layers'))).toBeGreaterThan(5);

    await page.goto(`${app.baseUrl}#lesson=4`);
    await page.getByTestId('bn-measure').click();
    const result = page.getByTestId('bn-result').first();
    await result.waitFor({ timeout: 120_000 });
    for (const key of ['data-before', 'data-after']) {
      const v = Number(await result.getAttribute(key));
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(100);
    }
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('steps a live run by one fusion epoch from the DARTS lesson, then holds it paused', async () => {
    const { page, consoleErrors } = await app.open('#preset=quick&seed=1&lesson=7');
    await page.getByTestId('lesson-step-fusion-epoch').click();
    await expect.poll(() => page.getByTestId('run-status').getAttribute('data-state'), { timeout: 240_000 }).toBe('paused');
    // paused after exactly the first fusion epoch of the first pair
    await expect.poll(async () => Number(await page.getByTestId('alpha-heatmap').getAttribute('data-epoch')), { timeout: 30_000 }).toBe(1);
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('run-status').getAttribute('data-state')).toBe('paused');
    expect(await page.getByTestId('lesson-run-state').textContent()).toMatch(/Live run: paused/);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
