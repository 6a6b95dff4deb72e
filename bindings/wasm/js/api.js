// The public API of the `motcua` package, shared by the Node and the browser entry points.
//
// Everything is computed in WebAssembly by the Rust crates; this file only checks the
// options objects of the functions that take one and passes their fields on.
import * as glue from './motcua.js';
import { isReady as ready } from './state.js';
import { classifyModule, fail } from './classify.js';
import { withWarnings } from './warnings.js';

// every function of the module throws the error class of its kind
const raw = classifyModule(glue);

export * from './errors.js';

export const { Calendar, Dossiers } = raw;

let defaultCalendar;

/** Whether the WebAssembly module is ready (in the browser: after `await init()`). */
export function isReady() {
  return ready();
}

const inspect = Symbol.for('nodejs.util.inspect.custom');

// What `JSON.stringify` and `console.log` show of the handles (not their WebAssembly pointer).
function dossiersSummary(d) {
  if (!d.__wbg_ptr) return { freed: true };
  const { rows, used, rejected, not_received, profile } = d.input;
  return { length: d.length, rows, used, rejected, not_received, profile, agencies: d.agencies.length, receivedRange: d.receivedRange };
}
function calendarSummary(c) {
  if (!c.__wbg_ptr) return { freed: true };
  return { name: c.name, receiptCutoff: c.receiptCutoff, weekend: c.weekend };
}
for (const [C, label, summary] of [[raw.Dossiers, 'Dossiers', dossiersSummary], [raw.Calendar, 'Calendar', calendarSummary]]) {
  Object.defineProperty(C.prototype, 'toJSON', {
    value() {
      return summary(this);
    },
    configurable: true,
  });
  Object.defineProperty(C.prototype, inspect, {
    value(depth, options, utilInspect) {
      const body = summary(this);
      return `${label} ${utilInspect ? utilInspect(body, options) : JSON.stringify(body)}`;
    },
    configurable: true,
  });
}

function ensureReady(fn) {
  if (!ready()) {
    throw fail('NotReadyError', `${fn}: the WebAssembly module is not loaded yet: call \`await init()\` first`);
  }
}

function describe(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}

function options(o, fn, allowed) {
  if (o === undefined || o === null) return {};
  if (typeof o !== 'object' || Array.isArray(o)) {
    throw fail('ArgumentError', `${fn}: the options must be an object (got ${describe(o)})`);
  }
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) {
      throw fail('ArgumentError', `${fn}: unknown option '${k}' (the options are: ${allowed.join(', ')})`);
    }
  }
  return o;
}

function optString(v, what) {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw fail('ArgumentError', `${what} must be a string (got ${describe(v)})`);
  return v;
}

function optBool(v, what) {
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw fail('ArgumentError', `${what} must be true or false (got ${describe(v)})`);
  return v;
}

function optFunction(v, what) {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'function') throw fail('ArgumentError', `${what} must be a function (got ${describe(v)})`);
  return v;
}

function calendarOf(v, fn) {
  if (v === undefined || v === null) {
    defaultCalendar ??= raw.Calendar.vn();
    return defaultCalendar;
  }
  if (!(v instanceof raw.Calendar)) {
    throw fail('ArgumentError', `${fn}: calendar must be a Calendar (Calendar.vn(), Calendar.fromToml(text)), got ${describe(v)}`);
  }
  if (!v.__wbg_ptr) throw fail('ArgumentError', `${fn}: the calendar was freed`);
  return v;
}

function dossiersOf(v, fn) {
  if (!(v instanceof raw.Dossiers)) {
    throw fail('ArgumentError', `${fn}: the first argument must be Dossiers (from parseCsv or parseXlsx), got ${describe(v)}`);
  }
  if (!v.__wbg_ptr) throw fail('ArgumentError', `${fn}: these dossiers were freed`);
  return v;
}

function periodOf(o, fn) {
  return [
    optString(o.period, `${fn}: period`),
    optString(o.from, `${fn}: from`),
    optString(o.to, `${fn}: to`),
  ];
}

/**
 * Reads a CSV dossier table (text, or UTF-8 bytes).
 * Options: `calendar` (default `Calendar.vn()`), `strict` (stop at the first bad row),
 * `onProgress(bytesRead, totalBytes)`.
 */
export function parseCsv(input, opts) {
  ensureReady('parseCsv');
  const o = options(opts, 'parseCsv', ['calendar', 'strict', 'onProgress', ...READ_OPTIONS]);
  return raw.__parseCsv(
    input,
    calendarOf(o.calendar, 'parseCsv'),
    readOptions(o, 'parseCsv'),
    optFunction(o.onProgress, 'parseCsv: onProgress'),
  );
}

// The reading options of the parse functions, resolved by the library as for a request.
const READ_OPTIONS = ['profile', 'catalog', 'deadlineFrom'];

function readOptions(o, fn) {
  return {
    strict: optBool(o.strict, `${fn}: strict`),
    sheet: optString(o.sheet, `${fn}: sheet`),
    profile: o.profile,
    catalog: o.catalog,
    deadlineFrom: optString(o.deadlineFrom, `${fn}: deadlineFrom`),
  };
}

const REQUEST_OPTIONS = ['period', 'from', 'to', 'by', 'every', 'compare', 'units', 'catalog', 'ratings', 'calendar', 'successors', 'strict', 'format', 'sheet', 'profile', 'conventions', 'deadlineFrom', 'onWarning'];

// The options that the module reads (the callbacks stay here).
function withoutCallbacks(o) {
  const rest = { ...o };
  delete rest.onWarning;
  return rest;
}

// The calendar of a request: a Calendar object goes apart, a name or TOML text stays in the
// options (the resolution layer reads it).
function requestArgs(o, fn) {
  const isObject = o.calendar instanceof raw.Calendar;
  const rest = withoutCallbacks(o);
  if (isObject) delete rest.calendar;
  return [rest, isObject ? calendarOf(o.calendar, fn) : calendarOf(undefined, fn), isObject];
}

/**
 * The period report: the CLI's `report --format json`. `input` is Dossiers (already read)
 * or the table's text or bytes (read with `calendar`, `catalog`, `strict`, `format`,
 * `sheet`). Options: `period` or `from`/`to`, `by` (a key or keys: agency, procedure,
 * field, level, official, channel), `every` (month, quarter), `compare` (previous,
 * last-year, none), `units`, `catalog`, `ratings` (file text or bytes), `calendar` (a
 * Calendar, a built-in name or TOML text), `onWarning(warning)`.
 *
 * The result's non-enumerable `requestWarnings` lists the library's warnings (`{kind, message,
 * message_vi}`: a period with no dossier, agency levels that no longer exist); each is also
 * given to `onWarning` when one is passed.
 */
export function report(input, opts) {
  ensureReady('report');
  const o = options(opts, 'report', REQUEST_OPTIONS);
  const onWarning = optFunction(o.onWarning, 'report: onWarning');
  const [result, warnings] = input instanceof raw.Dossiers
    ? raw.__reportOf(dossiersOf(input, 'report'), withoutCallbacks(o))
    : raw.__reportFrom(input, ...requestArgs(o, 'report'));
  return withWarnings(result, warnings, onWarning);
}

/**
 * The dossiers behind one count (the CLI's `list --format json`) of a table given as text
 * or bytes. Options: `count` (pending_overdue, resolved_late… or due_soon), `within`, the
 * period, the filters `agency`, `procedure`, `official`, `field`, `level`, `channel`, and
 * the reading options of `report`.
 */
export function list(input, opts) {
  ensureReady('list');
  const o = options(opts, 'list', [...REQUEST_OPTIONS.filter((k) => k !== 'onWarning'), 'count', 'within', 'agency', 'procedure', 'official', 'field', 'level', 'channel']);
  if (input instanceof raw.Dossiers) {
    throw fail('ArgumentError', 'list: a list reads the table again to keep the dossiers\' codes: give its text or bytes, not Dossiers');
  }
  return raw.__listFrom(input, ...requestArgs(o, 'list'));
}

/** The table of error kinds: `{js, python, python_parent}` for each. */
export function errorKinds() {
  ensureReady('errorKinds');
  return raw.errorKinds();
}

/** The period report as the CLI's text table (`lang`: `vi`, the default, or `en`). */
export function reportText(dossiers, opts) {
  ensureReady('reportText');
  const o = options(opts, 'reportText', ['period', 'from', 'to', 'lang']);
  return raw.__reportText(
    dossiersOf(dossiers, 'reportText'),
    ...periodOf(o, 'reportText'),
    optString(o.lang, 'reportText: lang'),
  );
}

/** The period report as the CLI's CSV: one row per agency and a TOTAL row. */
export function reportCsv(dossiers, opts) {
  ensureReady('reportCsv');
  const o = options(opts, 'reportCsv', ['period', 'from', 'to']);
  return raw.__reportCsv(dossiersOf(dossiers, 'reportCsv'), ...periodOf(o, 'reportCsv'));
}

/**
 * Reads the dossier table from an Excel workbook (`.xlsx` bytes): the first sheet, or
 * `sheet`. Options as `parseCsv`, and `sheet`.
 */
export function parseXlsx(input, opts) {
  ensureReady('parseXlsx');
  const o = options(opts, 'parseXlsx', ['calendar', 'strict', 'sheet', ...READ_OPTIONS]);
  return raw.__parseXlsx(input, calendarOf(o.calendar, 'parseXlsx'), readOptions(o, 'parseXlsx'));
}

/** Reads the national portal's dossier records: a JSON array, or JSON Lines. */
export function parseJson(input, opts) {
  ensureReady('parseJson');
  const o = options(opts, 'parseJson', ['calendar', 'strict', ...READ_OPTIONS]);
  return raw.__parseJson(input, calendarOf(o.calendar, 'parseJson'), readOptions(o, 'parseJson'));
}

function unitsOf(v, fn) {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || v instanceof Uint8Array || v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return v;
  throw fail('ArgumentError', `${fn}: units must be the units file's text or bytes (got ${describe(v)})`);
}

/**
 * Grades every agency and official: the CLI's `score --format json`. `input` as for
 * `report`. Options: those of `report`, `rulebook` (a built-in name, default
 * `circular-01-2018`, or a rulebook's TOML text or bytes), `means` (dossiers, slips).
 * The request's warnings are the result's non-enumerable `requestWarnings` and go to
 * `onWarning`, as for `report`; the grades' own warnings are in the JSON (`warnings`).
 */
export function score(input, opts) {
  ensureReady('score');
  const o = options(opts, 'score', [...REQUEST_OPTIONS, 'rulebook', 'means']);
  const onWarning = optFunction(o.onWarning, 'score: onWarning');
  const [result, warnings] = input instanceof raw.Dossiers
    ? raw.__scoreOf(dossiersOf(input, 'score'), withoutCallbacks(o))
    : raw.__scoreFrom(input, ...requestArgs(o, 'score'));
  return withWarnings(result, warnings, onWarning);
}

/** The grades as the CLI's `score` text. */
export function scoreText(dossiers, opts) {
  ensureReady('scoreText');
  const o = options(opts, 'scoreText', ['period', 'from', 'to', 'units', 'rulebook', 'lang']);
  return raw.__scoreText(
    dossiersOf(dossiers, 'scoreText'),
    unitsOf(o.units, 'scoreText'),
    optString(o.rulebook, 'scoreText: rulebook'),
    ...periodOf(o, 'scoreText'),
    optString(o.lang, 'scoreText: lang'),
  );
}

function namesOf(v, fn) {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw fail('ArgumentError', `${fn}: names must be an object of agency code → name (got ${describe(v)})`);
  }
  return v;
}

const FORM_OPTIONS = ['period', 'from', 'to', 'units', 'names', 'reportingUnit', 'receivingUnit', 'closedAsOnTime'];

function formArgs(dossiers, o, fn) {
  return [
    dossiersOf(dossiers, fn),
    ...periodOf(o, fn),
    unitsOf(o.units, fn),
    namesOf(o.names, fn),
    optString(o.reportingUnit, `${fn}: reportingUnit`),
    optString(o.receivingUnit, `${fn}: receivingUnit`),
    optBool(o.closedAsOnTime, `${fn}: closedAsOnTime`),
  ];
}

/**
 * Report form Biểu II.06a (Circular 01/2020/TT-VPCP). Options: the period, `units` or
 * `names` (agency names for column 2), `reportingUnit`, `receivingUnit`, `closedAsOnTime`.
 */
export function form06a(dossiers, opts) {
  ensureReady('form06a');
  const o = options(opts, 'form06a', FORM_OPTIONS);
  return raw.__form06a(...formArgs(dossiers, o, 'form06a'));
}

/** Report form Biểu II.06a as CSV text. */
export function form06aCsv(dossiers, opts) {
  ensureReady('form06aCsv');
  const o = options(opts, 'form06aCsv', FORM_OPTIONS);
  return raw.__form06aFile(...formArgs(dossiers, o, 'form06aCsv'), false);
}

/** Report form Biểu II.06a as an Excel workbook (bytes) in the official layout. */
export function form06aXlsx(dossiers, opts) {
  ensureReady('form06aXlsx');
  const o = options(opts, 'form06aXlsx', FORM_OPTIONS);
  return raw.__form06aFile(...formArgs(dossiers, o, 'form06aXlsx'), true);
}

/** The press announcement of a period's figures (`lang`, `center`; with `units` and/or
 * `rulebook`, the grades too, as `motcua report --format announcement --units --rulebook`). */
export function announcement(dossiers, opts) {
  ensureReady('announcement');
  const o = options(opts, 'announcement', ['period', 'from', 'to', 'lang', 'center', 'units', 'rulebook']);
  return raw.__announcement(
    dossiersOf(dossiers, 'announcement'),
    ...periodOf(o, 'announcement'),
    optString(o.lang, 'announcement: lang'),
    optString(o.center, 'announcement: center'),
    o.units ?? null,
    optString(o.rulebook, 'announcement: rulebook'),
  );
}

function guarded(name, f) {
  return (...args) => {
    ensureReady(name);
    return f(...args);
  };
}

function langOf(v, fn) {
  return optString(v, `${fn}: lang`);
}

/** What a period text means: `{from, to, kind, text, label_vi, label_en, days, previous}`. */
export const parsePeriod = guarded('parsePeriod', (text) => raw.parsePeriod(text));
/** A whole number with thousands separators: `12.656` (vi, the default), `12,656` (en). */
export const formatInt = guarded('formatInt', (n, lang) => raw.formatInt(n, langOf(lang, 'formatInt')));
/** `n / d` as the reports write it (`95,49 %`), or `null` when `d` is 0. */
export const formatPercent = guarded(
  'formatPercent',
  (n, d, lang) => raw.formatPercent(n, d, langOf(lang, 'formatPercent')) ?? null,
);
/** A signed relative change: `0.1335` → `+13,35 %`. */
export const formatChange = guarded('formatChange', (v, lang) => raw.formatChange(v, langOf(lang, 'formatChange')));
/** A decimal with `places` digits: `16,5`. */
export const formatDecimal = guarded(
  'formatDecimal',
  (v, places, lang) => raw.formatDecimal(v, places, langOf(lang, 'formatDecimal')),
);
/** The label of a count or rate (`received` → `Tiếp nhận`), or `null` for an unknown name. */
export const countLabel = guarded('countLabel', (name, lang) => {
  if (typeof name !== 'string') throw fail('ArgumentError', `countLabel: the name must be a string (got ${describe(name)})`);
  return raw.countLabel(name, langOf(lang, 'countLabel')) ?? null;
});
/** The names of the counts, in the contract's order. */
export const countNames = guarded('countNames', () => raw.countNames());
/** The names of the rates, in the contract's order. */
export const rateNames = guarded('rateNames', () => raw.rateNames());
/** The version of the package. */
export const version = guarded('version', () => raw.version());
/** The built-in rulebooks. */
export const rulebooks = guarded('rulebooks', () => raw.rulebooks());
/** Reads a units file (text or bytes): the facts of each agency. */
export const parseUnits = guarded('parseUnits', (input) => raw.parseUnits(input));
/** A sample dossier table as CSV text: `soc-trang-2021` (default) or `random:ROWS[:SEED]`. */
export const sampleCsv = guarded('sampleCsv', (profile) => raw.sampleCsv(optString(profile, 'sampleCsv: the profile')));
/** The units file of a sample, or `null`. */
export const sampleUnitsCsv = guarded('sampleUnitsCsv', (profile) => raw.sampleUnitsCsv(optString(profile, 'sampleUnitsCsv: the profile')));
/** The sample's agencies: code and names. */
export const sampleAgencies = guarded('sampleAgencies', () => raw.sampleAgencies());
