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
