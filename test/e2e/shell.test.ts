// The app shell: the theme follows the system setting, the toggle overrides it (and is
// remembered), and navigation keeps the URL hash in sync.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startApp, type AppHarness } from './harness';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('app shell (built app)', () => {
  it('follows a dark system setting, toggles to light, and remembers the choice', async () => {
    const context = await app.browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(app.baseUrl + '#view=devices');
    await page.getByTestId('theme-toggle').waitFor();
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const darkBg = await bg();
    await page.getByTestId('theme-toggle').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await bg()).not.toBe(darkBg);
    await page.reload();
    await page.getByTestId('theme-toggle').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await context.close();
  });

  it('navigates between views by keyboard and writes the view into the hash', async () => {
    const { page } = await app.open('#view=devices');
    await page.getByTestId('nav-data').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('data-view').waitFor();
    expect(new URL(page.url()).hash).toContain('view=data');
  });
});
