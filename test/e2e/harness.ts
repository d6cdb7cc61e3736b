// End-to-end harness: serves the built app (dist/, from `vite build`) with `vite preview` on
// a free localhost port and drives it in headless Debian Chromium through playwright-core.
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath, chromiumArgs } from '../../scripts/chromium.mjs';

export interface AppHarness {
  baseUrl: string;
  browser: Browser;
  /** Opens a page at `hash` (e.g. `#view=devices`), collecting console errors and foreign requests. */
  open(hash?: string): Promise<{ page: Page; consoleErrors: string[]; foreignRequests: string[] }>;
  close(): Promise<void>;
}

export async function startApp(): Promise<AppHarness> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `vite build` first (npm test does)');
  const server: PreviewServer = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const baseUrl = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
  return {
    baseUrl,
    browser,
    async open(hash = '') {
      const page = await browser.newPage();
      const consoleErrors: string[] = [];
      const foreignRequests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
      page.on('pageerror', (e) => consoleErrors.push(String(e)));
      page.on('request', (r) => {
        const url = r.url();
        if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
      });
      await page.goto(baseUrl + hash);
      return { page, consoleErrors, foreignRequests };
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}
