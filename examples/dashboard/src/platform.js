// Where the WebAssembly module and the worker come from.
//
// Served by a web server, both are files beside the bundle: dist/motcua_bg.wasm and
// dist/worker.js. The one-file build (dist/motcua-dashboard.html, made by build.mjs) opens
// from a folder (file://), where the browser fetches no module, no .wasm and no worker
// file: there the page carries the module as base64 in
// `<script type="application/wasm+base64" id="motcua-wasm">` and the worker's code in
// `<script type="text/plain" id="motcua-worker">`, started from a blob: URL as a classic
// worker (Chromium starts no module worker from a blob: URL of a file:// page). The module
// is compiled once, here, and handed to the worker.
import init from 'motcua';

/** Whether this page is the one-file build. */
export function isOneFile() {
  return document.getElementById('motcua-wasm') !== null;
}

function base64Bytes(text) {
  const bin = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/**
 * Loads the WebAssembly module for this page. Resolves to the compiled module to hand to the
 * worker (one-file build), or `undefined` (the worker loads the file itself).
 */
export async function loadModule() {
  const node = document.getElementById('motcua-wasm');
  if (!node) {
    await init();
    return undefined;
  }
  const module = await WebAssembly.compile(base64Bytes(node.textContent));
  node.textContent = '';
  await init(module);
  return module;
}

/** Starts the dashboard's worker (worker.js). */
export function startWorker() {
  const node = document.getElementById('motcua-worker');
  if (!node) return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const url = URL.createObjectURL(new Blob([node.textContent], { type: 'text/javascript' }));
  node.textContent = '';
  return new Worker(url);
}
