// Types of the npm package `motcua`. Every result is a plain object with the same
// snake_case keys as the CLI's `--format json` output; only function names are camelCase.

// ---------------------------------------------------------------------------------------
// Loading

/**
 * Loads the WebAssembly module. In Node it is loaded on import and this does nothing; in
 * browsers and workers await it once before anything else. By default the module is
 * fetched from `motcua_bg.wasm` next to the package's `web.js`.
 */
export default function init(moduleOrPath?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;

/** Instantiates the module synchronously from its bytes or a compiled module (browser entry). */
export function initSync(module: BufferSource | WebAssembly.Module): void;

/** What {@link MotcuaWorker} needs of a worker: a browser `Worker`, or Node's `worker_threads.Worker`. */
export type WorkerLike =
  | Worker
  | { postMessage(message: unknown): void; on(event: 'message' | 'error', listener: (value: unknown) => void): unknown; terminate(): unknown };

/**
 * The request functions run in a worker, so that reading a big table does not block the
 * page (or Node's event loop): the same results as {@link report}, {@link score} and
 * {@link list} on the calling thread, and errors rebuilt as the package's classes.
 */
export class MotcuaWorker {
  /** `wasm` (browsers): where the worker finds the module, if not next to `worker.js`. */
  constructor(worker: WorkerLike, options?: { wasm?: string | URL | BufferSource | WebAssembly.Module });
  report(input: TextInput, options: RequestOptions): Promise<Report & WithRequestWarnings>;
  score(input: TextInput, options: RequestOptions & ScoreOptions): Promise<ScoreReport & WithRequestWarnings>;
  list(input: TextInput, options: ListOptions): Promise<DossierList>;
  /** Stops the worker; pending calls fail with a `MotcuaError`. */
  terminate(): unknown;
}

/**
 * Starts a worker running the package (browsers: a module worker on `worker.js`, next to
 * the package's entry unless `url` says where; Node: a worker thread).
 */
export function spawnWorker(url?: string | URL, options?: { wasm?: string | URL | BufferSource | WebAssembly.Module }): MotcuaWorker;

/** Whether the WebAssembly module is ready. */
export function isReady(): boolean;

/** The version of the package. */
export function version(): string;

// ---------------------------------------------------------------------------------------
// Errors

/** The `name` of every error the package throws. */
export type ErrorKind =
  | 'ArgumentError'
  | 'HeaderError'
  | 'RowError'
  | 'EncodingError'
  | 'ReadError'
  | 'CalendarError'
  | 'PeriodError'
  | 'UnitsError'
  | 'RulebookError'
  | 'XlsxError'
  | 'JsonError'
  | 'SampleError'
  | 'CatalogError'
  | 'RatingsError'
  | 'NotFoundError'
  | 'IoError'
  | 'ProfileError'
  | 'LimitError'
  | 'NotReadyError'
  | 'PanicError';

export const ErrorKinds: {
  readonly ARGUMENT: 'ArgumentError';
  readonly HEADER: 'HeaderError';
  readonly ROW: 'RowError';
  readonly ENCODING: 'EncodingError';
  readonly READ: 'ReadError';
  readonly CALENDAR: 'CalendarError';
  readonly PERIOD: 'PeriodError';
  readonly UNITS: 'UnitsError';
  readonly RULEBOOK: 'RulebookError';
  readonly XLSX: 'XlsxError';
  readonly JSON: 'JsonError';
  readonly SAMPLE: 'SampleError';
  readonly CATALOG: 'CatalogError';
  readonly RATINGS: 'RatingsError';
  readonly NOT_FOUND: 'NotFoundError';
  readonly IO: 'IoError';
  readonly PROFILE: 'ProfileError';
  readonly LIMIT: 'LimitError';
  readonly NOT_READY: 'NotReadyError';
  /** A bug in motcua (the core panicked): the call failed, the module keeps working. */
  readonly PANIC: 'PanicError';
};

/**
 * The base class of what the package throws: `e instanceof MotcuaError`, and each kind its
 * own subclass (`e instanceof PeriodError`); `name` is one of {@link ErrorKind}.
 * Table errors (`HeaderError`, `RowError`, `EncodingError`, `UnitsError`, `XlsxError`)
 * carry the 1-based `line` (or sheet row) and the `column` name (`null` for a fault of the
 * whole row); `CalendarError` and `RulebookError` carry the 1-based `line` and `column`
 * (a character position) in the TOML text.
 */
export class MotcuaError extends Error {
  name: ErrorKind;
  line?: number;
  column?: string | number | null;
}

/** A function was called with an argument or option of the wrong type or value. */
export class ArgumentError extends MotcuaError {
  name: 'ArgumentError';
}
/** The header row of a table is unusable (missing required columns, empty input). */
export class HeaderError extends MotcuaError {
  name: 'HeaderError';
}
/** Text that is not UTF-8. */
export class EncodingError extends MotcuaError {
  name: 'EncodingError';
}
/** The input could not be read at all. */
export class ReadError extends MotcuaError {
  name: 'ReadError';
}
/** A calendar TOML text that cannot be used (`line`, `column` in the text). */
export class CalendarError extends MotcuaError {
  name: 'CalendarError';
}
/** A period that cannot be read or built (`2021-Q5`). */
export class PeriodError extends MotcuaError {
  name: 'PeriodError';
}
/** A units file that cannot be read. */
export class UnitsError extends MotcuaError {
  name: 'UnitsError';
}
/** A rulebook that cannot be loaded (`line`, `column` in the TOML text). */
export class RulebookError extends MotcuaError {
  name: 'RulebookError';
}
/** A workbook that cannot be read or written. */
export class XlsxError extends MotcuaError {
  name: 'XlsxError';
}
/** Portal JSON that cannot be read. */
export class JsonError extends MotcuaError {
  name: 'JsonError';
}
/** An unknown sample profile. */
export class SampleError extends MotcuaError {
  name: 'SampleError';
}
/** A procedure catalog that cannot be read. */
export class CatalogError extends MotcuaError {
  name: 'CatalogError';
}
/** A rating-slip file that cannot be read. */
export class RatingsError extends MotcuaError {
  name: 'RatingsError';
}
/** A named thing (agency, rulebook, profile) that does not exist. */
export class NotFoundError extends MotcuaError {
  name: 'NotFoundError';
}
/** A file could not be read or written. */
export class IoError extends MotcuaError {
  name: 'IoError';
}
/** A source profile that cannot be found or read. */
export class ProfileError extends MotcuaError {
  name: 'ProfileError';
}
/** A size limit was hit (a hostile or damaged input, or a limit too low). */
export class LimitError extends MotcuaError {
  name: 'LimitError';
}
/** The WebAssembly module is not loaded yet: call `await init()` first. */
export class NotReadyError extends MotcuaError {
  name: 'NotReadyError';
}
/** A bug in motcua (the core panicked): the call failed, the module keeps working. */
export class PanicError extends MotcuaError {
  name: 'PanicError';
}
/** A bad row in strict mode; its `name` is `'RowError'` (`RowError` is the type of a rejected row). */
export class StrictRowError extends MotcuaError {
  name: 'RowError';
  line: number;
  column: string | null;
}

/** Every error class, by its kind's name. */
export const errors: {
  readonly ArgumentError: typeof ArgumentError;
  readonly HeaderError: typeof HeaderError;
  readonly RowError: typeof StrictRowError;
  readonly EncodingError: typeof EncodingError;
  readonly ReadError: typeof ReadError;
  readonly CalendarError: typeof CalendarError;
  readonly PeriodError: typeof PeriodError;
  readonly UnitsError: typeof UnitsError;
  readonly RulebookError: typeof RulebookError;
  readonly XlsxError: typeof XlsxError;
  readonly JsonError: typeof JsonError;
  readonly SampleError: typeof SampleError;
  readonly CatalogError: typeof CatalogError;
  readonly RatingsError: typeof RatingsError;
  readonly NotFoundError: typeof NotFoundError;
  readonly IoError: typeof IoError;
  readonly ProfileError: typeof ProfileError;
  readonly LimitError: typeof LimitError;
  readonly NotReadyError: typeof NotReadyError;
  readonly PanicError: typeof PanicError;
};

// ---------------------------------------------------------------------------------------
// Values of the data contract

/** A date, `yyyy-mm-dd`. */
export type IsoDate = string;

/** Text or UTF-8 bytes. */
export type TextInput = string | Uint8Array | ArrayBuffer | ArrayBufferView;

/** Language of labels and numbers: Vietnamese (the default) or English. */
export type Lang = 'vi' | 'en';

/** The kinds of a rejected row's fault (contract section 6a). */
export type RowErrorKind =
  | 'missing'
  | 'unparseable'
  | 'unknown_code'
  | 'duplicate'
  | 'closed_before_received'
  | 'no_deadline'
  | 'limit';

/** A rejected row (contract section 6). */
export interface RowError {
  /** Line where the record starts (the header is line 1); the sheet row for Excel. */
  line: number;
  /** The column at fault; `null` for a fault of the whole row. */
  column: string | null;
  /** What is wrong, and what is expected. */
  message: string;
  /** The kind of fault (contract section 6a). */
  kind: RowErrorKind;
  /** The input file, when several files are read as one input. */
  file?: string;
  /** The worksheet, for a workbook. */
  sheet?: string;
  /** The record number, for JSON input. */
  record?: number;
}

/** What happened to the input rows: `rows = used + rejected + not_received`. */
export interface InputSummary {
  rows: number;
  used: number;
  rejected: number;
  not_received: number;
  /** Used rows whose online level is missing (no `MucDo`, no catalog entry). */
  without_level: number;
  /** The source profile the table was read through (contract section 14). */
  profile?: string;
  errors: RowError[];
}

/** The names of the counts of contract section 5, in the contract's order. */
export type CountName =
  | 'received'
  | 'received_online'
  | 'received_in_person'
  | 'received_postal'
  | 'carried_over'
  | 'resolved'
  | 'resolved_early'
  | 'resolved_on_time'
  | 'resolved_late'
  | 'closed_without_result'
  | 'pending'
  | 'pending_within_due'
  | 'pending_overdue'
  | 'received_level34'
  | 'received_online_level34'
  | 'ratings'
  | 'ratings_very_satisfied'
  | 'ratings_satisfied'
  | 'ratings_dissatisfied';

/** The names of the rates of contract section 5. */
export type RateName = 'resolution_rate' | 'on_time_rate' | 'early_rate' | 'online_rate' | 'satisfaction_rate';

/** The counts of contract section 5. */
export type Counts = { [K in CountName]: number };

/** A ratio with its parts; `value` is the exact quotient. */
export interface Rate {
  numerator: number;
  denominator: number;
  value: number;
}

/** The rates; a rate whose denominator is 0 is `null`. */
export type Rates = { [K in RateName]: Rate | null };

/** Counts with their rates. */
export interface Figures extends Counts {
  rates: Rates;
}

/** One agency's line of the report. */
export interface AgencyFigures extends Figures {
  agency: string;
}

/** A closed range of dates. */
export interface PeriodRange {
  from: IsoDate;
  to: IsoDate;
}

/** How a count moved from the previous period. */
export interface Change {
  previous: number;
  current: number;
  /** `current − previous`. */
  absolute: number;
  /** `(current − previous) / previous`; `null` when the previous value is 0. */
  relative: number | null;
}

/** The period report (contract section 7), as `motcua report --format json` prints it. */
export interface Report {
  period: PeriodRange;
  input: InputSummary;
  total: Figures;
  /** Every agency with a used row, zeros included, sorted by code. */
  agencies: AgencyFigures[];
  /** The previous period's totals, when the period is a month, quarter or year. */
  previous?: { period: PeriodRange; total: Figures };
  /** Each count's change against the previous period. */
  change?: { [K in CountName]: Change };
  /** With `by`: one row per group (contract section 11). */
  breakdown?: Breakdown;
  /** With `every`: one step per month or quarter (contract section 11). */
  series?: SeriesStep[];
}

/** A key of a breakdown (contract section 11). */
export type BreakdownKey = 'agency' | 'procedure' | 'field' | 'level' | 'official' | 'channel';

/** A breakdown: its keys and one row per group, with the counts and rates. */
export interface Breakdown {
  by: BreakdownKey[];
  rows: Array<{ [key: string]: unknown }>;
}

/** One step of a series, counted as if reported alone. */
export interface SeriesStep {
  period: PeriodRange;
  total: Figures;
  agencies: AgencyFigures[];
  breakdown?: Breakdown;
}

/** A year of a calendar (contract section 8). */
export interface CalendarYear {
  year: number;
  working_day_count: number;
  lunar_new_year: IsoDate;
  holidays: { date: IsoDate; name: string }[];
  make_up_working_days: IsoDate[];
  /** Whether the year's holidays are projected from the statutory rules alone. */
  projected: boolean;
}

/** What a period text means. */
export interface PeriodInfo extends PeriodRange {
  kind: 'month' | 'quarter' | 'year' | 'range';
  /** Canonical text: `2021-Q3`, `2021-07`, `2021`, `2021-07-05..2021-07-20`. */
  text: string;
  /** `quý III năm 2021`. */
  label_vi: string;
  /** `Q3 2021`. */
  label_en: string;
  days: number;
  /** The period before (month, quarter, year), or `null` for a plain range. */
  previous: Omit<PeriodInfo, 'previous'> | null;
}

/** A period: `{period: '2021-Q3'}` (or `'2021-07'`, `'2021'`, `'2021-07-01..2021-09-30'`) or `{from, to}`. */
export type PeriodOptions = { period: string; from?: undefined; to?: undefined } | { period?: undefined; from: string; to: string };

// ---------------------------------------------------------------------------------------
// Classes

/** A work calendar: working days, the receipt cutoff, due dates (contract section 4). */
export class Calendar {
  private constructor();
  /** The built-in Vietnamese calendar for state agencies (the default everywhere). */
  static vn(): Calendar;
  /** Saturdays and Sundays off, nothing else. */
  static blank(): Calendar;
  /** A calendar from a TOML calendar file's text; throws `CalendarError` with `line`/`column`. */
  static fromToml(text: TextInput): Calendar;
  readonly name: string;
  /** `HH:MM`. */
  readonly receiptCutoff: string;
  /** `Sat`, `Sun`, … Monday first. */
  readonly weekend: string[];
  /** A year (1–9999) as `motcua calendar --year Y --format json` prints it. */
  year(year: number): CalendarYear;
  /** Whether a date (`2021-09-02`, `02/09/2021`, …) is a working day. */
  isWorkingDay(date: string): boolean;
  /** The name of the holiday closing a date, or `null`. */
  holidayName(date: string): string | null;
  /** The due date of a dossier received at `received` with a limit of `days` working days. */
  dueDate(received: string, days: number): IsoDate;
  /** Working days in `(from, to]`; negative when `to` is before `from`. */
  workingDaysBetween(from: string, to: string): number;
  /** What `JSON.stringify` and `console.log` show. */
  toJSON(): { name: string; receiptCutoff: string; weekend: string[] } | { freed: true };
  /** Frees the WebAssembly memory now (the garbage collector would, later). */
  free(): void;
  [Symbol.dispose](): void;
}

/** The summary of a {@link Dossiers} handle. */
export interface DossiersSummary {
  length: number;
  rows: number;
  used: number;
  rejected: number;
  not_received: number;
  profile?: string;
  /** The number of agencies. */
  agencies: number;
  receivedRange: PeriodRange | null;
}

/** A validated table of dossiers in WebAssembly memory (from `parseCsv`, `parseXlsx`). */
export class Dossiers {
  private constructor();
  /** Number of dossiers (used rows). */
  readonly length: number;
  /** The rejected rows, in input order. */
  readonly errors: RowError[];
  /** `rows = used + rejected + not_received`, and the errors. */
  readonly input: InputSummary;
  /** The rejected rows from `start` to `end` (excluded), like `errors.slice(start, end)` without copying them all. */
  errorsSlice(start: number, end?: number): RowError[];
  /** Agency codes of the used rows, in order of first appearance. */
  readonly agencies: string[];
  /** Official codes of the used rows, in order of first appearance. */
  readonly officials: string[];
  /** The first and last receipt dates, or `null` when there is no dossier. */
  readonly receivedRange: PeriodRange | null;
  /** What `JSON.stringify` and `console.log` show: the counts of the input, not the rows. */
  toJSON(): DossiersSummary | { freed: true };
  /** Frees the WebAssembly memory now (the garbage collector would, later). */
  free(): void;
  [Symbol.dispose](): void;
}

// ---------------------------------------------------------------------------------------
// Reading

export interface ParseOptions {
  /** The work calendar for due dates computed from `ThoiHanGiaiQuyet` (default `Calendar.vn()`). */
  calendar?: Calendar;
  /** Throw a `RowError` at the first bad row instead of listing bad rows. */
  strict?: boolean;
  /** Called as the input is read (every few megabytes). */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /**
   * The source profile (contract section 14): a built-in name (`contract`, `dvcqg`,
   * `opencps`, `rest-camel`, `sqlserver`), `auto` (the default: detected) or its TOML text.
   */
  profile?: TextInput;
  /** A procedure catalog (CSV text or bytes) that fills a dossier's missing level and field. */
  catalog?: TextInput;
  /** Where the time limit starts (Decree 309/2026); see `RequestFields.deadlineFrom`. */
  deadlineFrom?: 'receipt' | 'deciding-agency';
}

/** Reads a CSV dossier table (contract sections 1–6) from text or UTF-8 bytes. */
export function parseCsv(input: TextInput, options?: ParseOptions): Dossiers;

export interface XlsxOptions extends Omit<ParseOptions, 'onProgress'> {
  /** The sheet to read (default: the first). */
  sheet?: string;
}

/**
 * Reads the dossier table from an Excel workbook: its first non-empty row is the header;
 * a `RowError`'s `line` is the sheet row. Throws `XlsxError` for a file that is not a
 * readable workbook (damaged, password-protected, no such sheet).
 */
export function parseXlsx(input: Uint8Array | ArrayBuffer | ArrayBufferView, options?: XlsxOptions): Dossiers;

/** Reads the national portal's dossier records (a JSON array, or JSON Lines); `line` is the record number. */
export function parseJson(input: TextInput, options?: Omit<ParseOptions, 'onProgress'>): Dossiers;

// ---------------------------------------------------------------------------------------
// Reports

/**
 * The options of a request (`report`, `score`, `list`): what a breakdown, a series and the
 * comparison are, and the files. Files are their text or bytes (there is no file system);
 * `calendar` is a `Calendar`, a built-in name (`vn`, `blank`) or TOML text. The reading
 * options (`calendar`, `catalog`, `strict`, `format`, `sheet`) apply only when the input
 * is the table's text or bytes, not `Dossiers` already read.
 */
export interface RequestFields {
  by?: BreakdownKey | string | Array<BreakdownKey | string>;
  every?: 'month' | 'quarter';
  compare?: 'previous' | 'last-year' | 'none';
  units?: TextInput;
  catalog?: TextInput;
  ratings?: TextInput;
  calendar?: Calendar | string;
  /** Count each agency under its last successor (the units file's). */
  successors?: boolean;
  strict?: boolean;
  format?: 'csv' | 'xlsx' | 'json';
  sheet?: string;
  /**
   * The source profile (contract section 14): a built-in name (`contract`, `dvcqg`,
   * `opencps`, `rest-camel`, `sqlserver`), `auto` (the default: detected from the header)
   * or a profile's TOML text.
   */
  profile?: TextInput;
  /** Counting conventions of other systems, by name; none: the contract's rules. */
  conventions?: Convention | Convention[];
  /**
   * Where the time limit starts (Decree 309/2026): `receipt` (the default, `NgayTiepNhan`)
   * or `deciding-agency` (`NgayTiepNhanCoQuanGiaiQuyet` when a row gives it). Read
   * options: they apply when the input is the table's text or bytes.
   */
  deadlineFrom?: 'receipt' | 'deciding-agency';
}

/** A counting convention of another system. */
export type Convention = 'waiting_as_within_due' | 'withdrawn_as_on_time' | 'online_without_postal' | 'closed_day_as_day_one';

/** The options of a request: a period and the request's fields. */
export type RequestOptions = PeriodOptions & RequestFields & {
  /** Called with each warning of the request (also in the result's `requestWarnings`). */
  onWarning?: (warning: RequestWarning) => void;
};

/** A warning of a request: a period with no dossier, agency levels that no longer exist. */
export interface RequestWarning {
  kind: 'empty_period' | 'levels';
  /** In English. */
  message: string;
  /** In Vietnamese. */
  message_vi: string;
}

/**
 * What `report` and `score` add to their JSON: the request's warnings, as a non-enumerable
 * property (`JSON.stringify` gives the contract's JSON alone).
 */
export interface WithRequestWarnings {
  readonly requestWarnings: RequestWarning[];
}

/** The period report: the same object as `motcua report --format json`. */
export function report(input: Dossiers | TextInput, options: RequestOptions): Report & WithRequestWarnings;

/** One dossier of a list (contract section 12). */
export interface ListedDossier {
  code: string;
  line: number;
  agency: string;
  procedure: string | null;
  official: string | null;
  channel: 'in_person' | 'online' | 'postal';
  status: number;
  received: string;
  due: string;
  closed: string | null;
  working_days_late: number;
}

/** A dossier list: the same object as `motcua list --format json`. */
export interface DossierList {
  /** The version of the data contract the list follows. */
  contract: 2;
  period: PeriodRange;
  count: string;
  dossiers: ListedDossier[];
}

export type ListOptions = PeriodOptions & RequestFields & ListFields;

/** What `list` lists. */
export interface ListFields {
  /** Any count of the report (`pending_overdue`, `resolved_late`…) or `due_soon`. */
  count: string;
  /** `due_soon`: within this many working days after the period (default 2). */
  within?: number;
  agency?: string;
  procedure?: string;
  official?: string;
  field?: string;
  level?: string;
  channel?: string;
}

/** The dossiers behind one count, from the table's text or bytes. */
export function list(input: TextInput, options: ListOptions): DossierList;

/** The table of error kinds, one line per kind. */
export function errorKinds(): Array<{ js: string; python: string; python_parent: string }>;

/** The period report as `motcua report` prints it. */
export function reportText(dossiers: Dossiers, options: PeriodOptions & { lang?: Lang }): string;

/** The period report as `motcua report --format csv` prints it. */
export function reportCsv(dossiers: Dossiers, options: PeriodOptions): string;

/** Reads a period text; throws `PeriodError`. */
export function parsePeriod(text: string): PeriodInfo;

// ---------------------------------------------------------------------------------------
// Formatting the way the reports do (exact rounding, Vietnamese separators)

/** `12.656` (vi), `12,656` (en). */
export function formatInt(n: number, lang?: Lang): string;
/** `n / d` rounded half away from zero to 2 decimals: `95,49 %`, `100 %` (vi), `95.49%` (en); `null` when `d` is 0. */
export function formatPercent(numerator: number, denominator: number, lang?: Lang): string | null;
/** A signed relative change: `0.1335` → `+13,35 %`. */
export function formatChange(relative: number, lang?: Lang): string;
/** A decimal with `places` (0–6) digits: `16,5`. */
export function formatDecimal(value: number, places: number, lang?: Lang): string;
/** The label of a count or rate: `received` → `Tiếp nhận` / `Received`; `null` if unknown. */
export function countLabel(name: CountName | RateName | string, lang?: Lang): string | null;
/** The count names, in the contract's order. */
export function countNames(): CountName[];
/** The rate names, in the contract's order. */
export function rateNames(): RateName[];

// ---------------------------------------------------------------------------------------
// Grading (contract sections 9 and 10)

/** Points, exactly as the rulebook rounds them (e.g. `16.5`). */
export type Points = number;

export interface ScoreOptions {
  /** The units file (agency facts), text or bytes; without it every agency takes the defaults. */
  units?: TextInput;
  /** A built-in rulebook (`circular-01-2018`, the default; `soc-trang-1216-2019`, …) or a rulebook's TOML text. */
  rulebook?: TextInput;
  /** What per-dossier indicators are means over (`slips` needs `ratings`). */
  means?: 'dossiers' | 'slips';
}

export type RulebookStatus = 'official' | 'inferred' | 'approximate';

export interface Band {
  name_vi: string;
  name_en: string;
  min: Points;
  min_inclusive: boolean;
  max: Points | null;
  max_inclusive: boolean;
}

export interface LegalBasis {
  /** "Thông tư 01/2018/TT-VPCP". */
  document: string;
  title?: string;
  articles?: string;
  issued: IsoDate | null;
  in_force_from: IsoDate | null;
  replaced_by: string | null;
  replaced_on: IsoDate | null;
  text_available: boolean;
  source?: string;
}

export interface RulebookGroup {
  id: string;
  name_vi: string;
  name_en: string;
  max: Points;
}

export interface RulebookSummary {
  id: string;
  name: string;
  name_en: string;
  max: Points;
  status: RulebookStatus;
  approximate: boolean;
  extends: string | null;
  decimals: number;
  rounding: 'half_away_from_zero' | 'truncate';
  band_on: 'total' | 'scaled';
  legal_basis: LegalBasis;
  notes?: string[];
  groups?: RulebookGroup[];
}

/** A measured value: a number (a count, a mean, a share) or a category word (`early`, `tinh`, …). */
export type MeasureValue = number | string;

export interface IndicatorScore {
  id: string;
  name: string;
  name_en: string;
  group?: string;
  points: Points | null;
  max: Points;
  measured: boolean;
  scope: 'dossier' | 'agency';
  measure: string;
  value: MeasureValue | null;
  dossiers?: number;
  /** The rule that gave the points, in words. */
  rule: string;
  approximate: boolean;
}

export interface GroupScore {
  id: string;
  points: Points;
  max: Points;
  measured_max: Points;
}

export interface AgencyScore {
  agency: string;
  /** From the units file. */
  name: string | null;
  total: Points | null;
  max: Points;
  measured_max: Points | null;
  scaled_total?: Points | null;
  /** Band, as the contract spells it (`Xuất sắc`, `Tốt`, `Khá`, `Trung bình`, `Yếu`). */
  band: string | null;
  band_en: string | null;
  /** 1 is the highest total; ties share a rank. */
  rank: number | null;
  graded: boolean;
  resolved: number;
  indicators: IndicatorScore[];
  groups?: GroupScore[];
}

export interface OfficialScore {
  official: string;
  dossiers: number;
  total: Points | null;
  max: Points;
  band: string | null;
  band_en: string | null;
}

export interface ScoreWarning {
  kind: 'approximate' | 'text_not_available' | 'outside_legal_dates' | 'not_measured' | 'unknown_units' | 'missing_units';
  message: string;
  message_vi: string;
  codes?: string[];
}

/** The grades: the same object as `motcua score --format json`. */
export interface ScoreReport {
  rulebook: RulebookSummary;
  period: PeriodRange;
  warnings: ScoreWarning[];
  agencies: AgencyScore[];
  officials: OfficialScore[];
  units: { unknown: string[]; missing: string[] };
  input: InputSummary;
}

/** Grades every agency and official of a period under a rulebook. */
export function score(input: Dossiers | TextInput, options: RequestOptions & ScoreOptions): ScoreReport & WithRequestWarnings;

/** The grades as `motcua score` prints them. */
export function scoreText(dossiers: Dossiers, options: PeriodOptions & ScoreOptions & { lang?: Lang }): string;

export interface RulebookInfo {
  id: string;
  name: string | null;
  name_en: string | null;
  max: number | null;
  approximate: boolean | null;
  bands: Band[] | null;
  official_bands: Band[] | null;
  /** The rulebook's TOML text. */
  toml: string | null;
}

/** The built-in rulebooks. */
export function rulebooks(): RulebookInfo[];

/** One agency's facts from a units file (contract section 9). */
export interface UnitFacts {
  code: string;
  name: string | null;
  level: 'tinh' | 'huyen' | 'xa';
  publication: number;
  desk_share: number;
  full_desk_receipt: boolean;
  feedback_received: number;
  feedback_on_time: number;
  feedback_drawn_out: number;
  procedures: number;
  procedures_level34: number;
}

/** Reads a units file; throws `UnitsError` with `line` and `column`. */
export function parseUnits(input: TextInput): UnitFacts[];

// ---------------------------------------------------------------------------------------
// Report form Biểu II.06a and the announcement

export interface Form06aOptions {
  /** The units file: agency names (`TenDonVi`) for column 2. */
  units?: TextInput;
  /** Agency names by code for column 2 (win over the units file's). */
  names?: { [code: string]: string };
  /** "Đơn vị báo cáo". */
  reportingUnit?: string;
  /** "Đơn vị nhận báo cáo". */
  receivingUnit?: string;
  /** Count withdrawn or stopped dossiers as resolved on time instead of in column 14. */
  closedAsOnTime?: boolean;
}

export interface Form06aRow {
  /** Column 1; `null` for the total row. */
  stt: number | null;
  /** Agency code; `null` for the total row. */
  code: string | null;
  /** Column 2. */
  label: string;
  /** Columns 3 to 13, then column 14 (withdrawn or stopped; 0 with `closedAsOnTime`). */
  cells: number[];
}

export interface Form06a {
  reporting_unit: string;
  receiving_unit: string;
  /** "Kỳ báo cáo: Quý III năm 2021 (Từ ngày 01/07/2021 đến ngày 30/09/2021)". */
  period_line: string;
  /** Whether column 14 is shown. */
  extra_column: boolean;
  rows: Form06aRow[];
  total: Form06aRow;
  title: string;
  form_number: string;
  issued_by: string;
  unit: string;
  /** Group headings over columns `first`..`last` (1-based). */
  groups: { text: string; first: number; last: number }[];
  /** The heading of each column shown. */
  headings: string[];
  /** Every row, agencies then the total, as the text of each cell shown. */
  text_rows: string[][];
  /** Whether the form's identities hold. */
  consistent: boolean;
}

/** Report form Biểu II.06a. */
export function form06a(dossiers: Dossiers, options: PeriodOptions & Form06aOptions): Form06a;
/** Report form Biểu II.06a as CSV. */
export function form06aCsv(dossiers: Dossiers, options: PeriodOptions & Form06aOptions): string;
/** Report form Biểu II.06a as an Excel workbook in the official layout. */
export function form06aXlsx(dossiers: Dossiers, options: PeriodOptions & Form06aOptions): Uint8Array;

/** The press announcement of a period's figures (Vietnamese by default); with `units` (the
 * units-file CSV, text or bytes) and/or `rulebook` (a built-in name or TOML text) it states
 * the grades too. */
export function announcement(
  dossiers: Dossiers,
  options: PeriodOptions & { lang?: Lang; center?: string; units?: string | Uint8Array; rulebook?: string },
): string;

// ---------------------------------------------------------------------------------------
// Sample data

/** A sample dossier table as CSV text: `soc-trang-2021` (default) or `random:ROWS[:SEED]` (≤ 5 000 000 rows). */
export function sampleCsv(profile?: string): string;
/** The units file of a sample (`soc-trang-2021`), or `null`. */
export function sampleUnitsCsv(profile?: string): string | null;
/** The sample's agencies. */
export function sampleAgencies(): { code: string; name: string; name_en: string }[];
