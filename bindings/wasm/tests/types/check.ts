// Compiled with `tsc --noEmit --strict` by types.test.mjs: the declarations describe every
// function with precise types (no `any` reaches the caller).
import init, * as motcua from 'motcua';
import type { Report, ScoreReport, Form06a, CalendarYear, PeriodInfo, RowError, MotcuaError, Counts, Rate, UnitFacts, RulebookInfo } from 'motcua';

async function main(): Promise<void> {
  await init();
  const calendar: motcua.Calendar = motcua.Calendar.fromToml('name = "x"');
  const ds: motcua.Dossiers = motcua.parseCsv('MaHoSo\n', { calendar, strict: false, onProgress: (done: number, total: number) => void (done / total) });
  const n: number = ds.length;
  const errors: RowError[] = ds.errors;
  const page: RowError[] = ds.errorsSlice(0, 10);
  const column: string | null = errors[0].column;
  const range: { from: string; to: string } | null = ds.receivedRange;
  const r: Report = motcua.report(ds, { period: '2021-Q3' });
  const r2: Report = motcua.report(ds, { from: '2021-07-01', to: '2021-07-31' });
  const received: number = r.total.received;
  const counts: Counts = r.agencies[0];
  const rate: Rate | null = r.total.rates.online_rate;
  const relative: number | null | undefined = r.change?.received.relative;
  const prev: number | undefined = r.previous?.total.received;
  const text: string = motcua.reportText(ds, { period: '2021-Q3', lang: 'en' });
  const csv: string = motcua.reportCsv(ds, { period: '2021-Q3' });
  const s: ScoreReport = motcua.score(ds, { period: '2021-Q3', units: 'DonViXuLy\n', rulebook: 'circular-01-2018' });
  const band: string | null = s.agencies[0].band;
  const rank: number | null = s.agencies[0].rank;
  const points: number | null = s.agencies[0].indicators[0].points;
  const st: string = motcua.scoreText(ds, { period: '2021-Q3' });
  const f: Form06a = motcua.form06a(ds, { period: '2021-Q3', names: { STP: 'Sở Tư pháp' }, closedAsOnTime: true });
  const cells: number[] = f.total.cells;
  const fcsv: string = motcua.form06aCsv(ds, { period: '2021-Q3' });
  const book: Uint8Array = motcua.form06aXlsx(ds, { period: '2021-Q3' });
  const a: string = motcua.announcement(ds, { period: '2021-Q3', lang: 'vi', center: 'X' });
  const x: motcua.Dossiers = motcua.parseXlsx(book, { sheet: 'Hồ sơ', strict: true, calendar: motcua.Calendar.vn() });
  const j: motcua.Dossiers = motcua.parseJson('[]');
  const y: CalendarYear = calendar.year(2024);
  const due: string = calendar.dueDate('2021-09-01 09:00', 1);
  const working: boolean = calendar.isWorkingDay('2021-09-02');
  const holiday: string | null = calendar.holidayName('2021-09-02');
  const between: number = calendar.workingDaysBetween('2021-01-01', '2021-12-31');
  const p: PeriodInfo = motcua.parsePeriod('2021-Q3');
  const label: string = p.label_vi;
  const pct: string | null = motcua.formatPercent(1, 3, 'vi');
  const int: string = motcua.formatInt(12656);
  const ch: string = motcua.formatChange(0.5, 'en');
  const dec: string = motcua.formatDecimal(16.5, 1);
  const cl: string | null = motcua.countLabel('received');
  const names: motcua.CountName[] = motcua.countNames();
  const rates: motcua.RateName[] = motcua.rateNames();
  const books: RulebookInfo[] = motcua.rulebooks();
  const units: UnitFacts[] = motcua.parseUnits('DonViXuLy\nA\n');
  const sample: string = motcua.sampleCsv('random:10:1');
  const sampleUnits: string | null = motcua.sampleUnitsCsv();
  const agencies: { code: string; name: string; name_en: string }[] = motcua.sampleAgencies();
  const v: string = motcua.version();
  const ready: boolean = motcua.isReady();
  const kind: 'RowError' = motcua.ErrorKinds.ROW;
  try {
    motcua.parseCsv('', { strict: true });
  } catch (e) {
    const err = e as MotcuaError;
    const line: number | undefined = err.line;
    const name: motcua.ErrorKind = err.name;
    void [line, name];
    if (e instanceof motcua.PeriodError) {
      const exact: 'PeriodError' = e.name;
      void exact;
    }
    if (e instanceof motcua.StrictRowError) {
      const row: number = e.line;
      const col: string | null = e.column;
      void [row, col];
    }
    const C: typeof motcua.StrictRowError = motcua.errors.RowError;
    void C;
  }
  const w: motcua.MotcuaWorker = motcua.spawnWorker();
  const fromWorker: motcua.Report = await w.report('MaHoSo\n', { period: '2021-Q3' });
  void fromWorker;
  w.terminate();
  const summary = ds.toJSON();
  if (!('freed' in summary)) {
    const rows: number = summary.rows;
    void rows;
  }
  ds.free();
  void [n, page, column, range, r2, received, counts, rate, relative, prev, text, csv, band, rank, points, st, cells, fcsv, a, x, j, y, due, working, holiday, between, label, pct, int, ch, dec, cl, names, rates, books, units, sample, sampleUnits, agencies, v, ready, kind];
}

void main();
