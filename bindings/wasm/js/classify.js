// Internal to the package: the errors thrown inside the WebAssembly module (plain `Error`s
// named after their kind) given the class of their kind (`errors.js`).
import { errors, MotcuaError } from './errors.js';

/** An error of `kind` (one of `ErrorKinds`) with `message`. */
export function fail(kind, message) {
  const C = errors[kind] ?? MotcuaError;
  return new C(message);
}

/** Gives an error thrown by the module the class of its kind (other values pass). */
export function classify(e) {
  if (e instanceof Error && !(e instanceof MotcuaError)) {
    const C = errors[e.name];
    if (C) {
      const name = e.name;
      Object.setPrototypeOf(e, C.prototype);
      // the own `name` the module set would hide the class's; the kind stays the same
      if (Object.prototype.hasOwnProperty.call(e, 'name')) delete e.name;
      if (e.name !== name) e.name = name;
    }
  }
  return e;
}

/** `f` with its errors classified. */
export function classified(f) {
  return function (...args) {
    try {
      return f.apply(this, args);
    } catch (e) {
      throw classify(e);
    }
  };
}

const isClass = (v) => typeof v === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(v));

/** The module's exports with every function's errors classified; classes are patched in
 * place (their static and prototype methods), so that `instanceof` keeps working. */
export function classifyModule(glue) {
  const out = {};
  for (const [k, v] of Object.entries(glue)) {
    if (isClass(v)) {
      patchClass(v);
      out[k] = v;
    } else if (typeof v === 'function') {
      out[k] = classified(v);
    } else {
      out[k] = v;
    }
  }
  return out;
}

const patched = new WeakSet();

function patchClass(C) {
  if (patched.has(C)) return;
  patched.add(C);
  for (const target of [C, C.prototype]) {
    for (const key of Object.getOwnPropertyNames(target)) {
      if (key === 'constructor' || key === 'prototype' || key === 'length' || key === 'name') continue;
      const d = Object.getOwnPropertyDescriptor(target, key);
      if (!d || !d.configurable) continue;
      if (typeof d.value === 'function') {
        Object.defineProperty(target, key, { ...d, value: classified(d.value) });
      } else if (d.get) {
        Object.defineProperty(target, key, { ...d, get: classified(d.get) });
      }
    }
  }
}
