import { execFileSync } from 'node:child_process';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** The commit the app is built from ("-dirty" with local changes to tracked files). */
function buildCommit(): string {
  const git = (args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return `${git(['rev-parse', '--short=10', 'HEAD'])}${git(['status', '--porcelain', '--untracked-files=no']) ? '-dirty' : ''}`;
  } catch {
    return 'unknown';
  }
}

// Static site: relative base so the build works from any sub-path of a static host.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  define: { __BUILD_COMMIT__: JSON.stringify(buildCommit()) },
});
