// The error classes of the package: one per kind of the library's table of error kinds
// (`errorKinds()`; the Python exception classes come from the same table), all subclasses
// of `MotcuaError`, so that `catch (e) { if (e instanceof PeriodError) … }` works while
// `e.name` stays the kind's name. Errors thrown inside the WebAssembly module are plain
// `Error`s named after their kind; `classify` gives them their class.

/** The `name`s of the errors the package throws. */
export const ErrorKinds = Object.freeze({
  ARGUMENT: 'ArgumentError',
  HEADER: 'HeaderError',
  ROW: 'RowError',
  ENCODING: 'EncodingError',
  READ: 'ReadError',
  CALENDAR: 'CalendarError',
  PERIOD: 'PeriodError',
  UNITS: 'UnitsError',
  RULEBOOK: 'RulebookError',
  XLSX: 'XlsxError',
  JSON: 'JsonError',
  SAMPLE: 'SampleError',
  CATALOG: 'CatalogError',
  RATINGS: 'RatingsError',
  NOT_FOUND: 'NotFoundError',
  IO: 'IoError',
  PROFILE: 'ProfileError',
  LIMIT: 'LimitError',
  NOT_READY: 'NotReadyError',
  PANIC: 'PanicError',
});

/** The base class of every error the package throws. */
export class MotcuaError extends Error {
  constructor(message, fields) {
    super(message);
    if (fields) Object.assign(this, fields);
  }

  get name() {
    return Object.getPrototypeOf(this).constructor.kind ?? 'MotcuaError';
  }

  set name(v) {
    Object.defineProperty(this, 'name', { value: v, writable: true, configurable: true, enumerable: false });
  }
}

function kindClass(kind) {
  // a named class per kind, so that stack traces and `constructor.name` read well
  const C = { [kind]: class extends MotcuaError {} }[kind];
  C.kind = kind;
  return C;
}

/** Every error class, by the kind's name (`errors.RowError`, `errors.PeriodError`…). */
export const errors = Object.freeze(
  Object.fromEntries(Object.values(ErrorKinds).map((k) => [k, kindClass(k)])),
);

export const {
  ArgumentError,
  HeaderError,
  EncodingError,
  ReadError,
  CalendarError,
  PeriodError,
  UnitsError,
  RulebookError,
  XlsxError,
  JsonError,
  SampleError,
  CatalogError,
  RatingsError,
  NotFoundError,
  IoError,
  ProfileError,
  LimitError,
  NotReadyError,
  PanicError,
} = errors;
/** A bad row in strict mode (`name` is `'RowError'`; `RowError` is the type of a rejected row). */
export const StrictRowError = errors.RowError;

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
