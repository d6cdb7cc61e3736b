// Where the WebAssembly backend finds its binaries: Vite emits the three .wasm files of
// @tensorflow/tfjs-backend-wasm as assets (`?url` imports) and tfjs loads the one the browser
// supports (SIMD without threads unless the page is cross-origin isolated). Registers the
// `wasm` backend as a side effect of the import.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

let configured = false;

/** Points tfjs at the bundled binaries (once; before the first `setBackend('wasm')`). */
export function configureWasmBinaries(): void {
  if (configured) return;
  configured = true;
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainWasmUrl,
    'tfjs-backend-wasm-simd.wasm': simdWasmUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasmUrl,
  });
}
