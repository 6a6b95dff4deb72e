// Entry point for Node (>= 20): the module is instantiated on import, so
// `const motcua = await import('motcua')` gives a ready API.
import { readFileSync } from 'node:fs';
import { initSync as glueInitSync } from './motcua.js';
import { markReady } from './state.js';

glueInitSync({ module: readFileSync(new URL('./motcua_bg.wasm', import.meta.url)) });
markReady();

export * from './api.js';

/** Already done on import in Node; kept so that code runs unchanged in the browser. */
export default async function init() {}

/** Already done on import in Node; kept so that code runs unchanged in the browser. */
export function initSync() {}
