// Entry point for browsers and workers: `import init, { parseCsv } from 'motcua'` then
// `await init()`. By default the module is fetched from `motcua_bg.wasm` next to this file
// (or next to your bundle: copy it there); pass a URL, a Response, bytes or a
// WebAssembly.Module to load it from elsewhere.
import glueInit, { initSync as glueInitSync } from './motcua.js';
import { markReady } from './state.js';

export * from './api.js';

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
