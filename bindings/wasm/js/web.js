// Entry point for browsers and workers: `import init, { parseCsv } from 'motcua'` then
// `await init()`. By default the module is fetched from `motcua_bg.wasm` next to this file
// (or next to your bundle: copy it there); pass a URL, a Response, bytes or a
// WebAssembly.Module to load it from elsewhere.
import glueInit, { initSync as glueInitSync } from './motcua.js';
import { markReady } from './state.js';
import { MotcuaWorker } from './client.js';

export * from './api.js';
export { MotcuaWorker } from './client.js';

/** Starts a module worker running motcua's requests (`await w.report(bytes, opts)`), so
 * that a big table does not block the page. `url`: where the package's `worker.js` is
 * (default: next to this file); `wasm`: where the worker finds the module, if not next to
 * `worker.js`. */
export function spawnWorker(url, { wasm } = {}) {
  const worker = new Worker(url ?? new URL('./worker.js', import.meta.url), { type: 'module' });
  return new MotcuaWorker(worker, { wasm });
}

/** Loads and instantiates the WebAssembly module (once; later calls return at once). */
export default async function init(moduleOrPath) {
  await glueInit(moduleOrPath === undefined ? undefined : { module_or_path: moduleOrPath });
  markReady();
}

/** Instantiates the module synchronously from its bytes or a compiled WebAssembly.Module. */
export function initSync(module) {
  glueInitSync({ module });
  markReady();
}
