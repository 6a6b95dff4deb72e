// Entry point for Node (>= 20): the module is instantiated on import, so
// `const motcua = await import('motcua')` gives a ready API.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { MotcuaWorker } from './client.js';
import { initSync as glueInitSync } from './motcua.js';
import { markReady } from './state.js';

glueInitSync({ module: readFileSync(new URL('./motcua_bg.wasm', import.meta.url)) });
markReady();

export * from './api.js';
export { MotcuaWorker } from './client.js';

/** Starts a worker thread running motcua's requests (`await w.report(bytes, opts)`), so
 * that a big table does not block the event loop; `w.terminate()` stops it. */
export function spawnWorker() {
  return new MotcuaWorker(new Worker(new URL('./node-worker.js', import.meta.url)));
}

/** Already done on import in Node; kept so that code runs unchanged in the browser. */
export default async function init() {}

/** Already done on import in Node; kept so that code runs unchanged in the browser. */
export function initSync() {}
