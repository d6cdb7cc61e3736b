// What the running app was built from (set by vite.config.ts at build time): recordings made by
// the headless search name it.
declare const __BUILD_COMMIT__: string;

export const BUILD_COMMIT: string = typeof __BUILD_COMMIT__ === 'string' ? __BUILD_COMMIT__ : 'unknown';
