// A module worker running motcua's requests off the page's thread (see `MotcuaWorker`):
//   new MotcuaWorker(new Worker(new URL('motcua/worker.js', import.meta.url), { type: 'module' }))
// The first message may carry `wasm` (a URL, bytes or a WebAssembly.Module) to load the
// module from elsewhere than next to this file.
import init, * as api from './web.js';
import { serve } from './serve.js';

let ready;
self.onmessage = async (ev) => {
  ready ??= init(ev.data?.wasm);
  await ready;
  serve(api, ev.data, (m) => self.postMessage(m));
};
