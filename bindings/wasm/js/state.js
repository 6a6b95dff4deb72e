// Whether the WebAssembly module is instantiated (internal to the package).
let ready = false;

export function markReady() {
  ready = true;
}

export function isReady() {
  return ready;
}
