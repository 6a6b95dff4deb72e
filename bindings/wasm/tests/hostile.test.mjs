// Hostile inputs: every failure is a thrown Error with a known name, never a panic (a
// panic would leave the WebAssembly instance unusable), and the module keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { HEADER, randomCsv, randomRows, rng, xlsx } from './fixtures.mjs';

const motcua = await import('motcua');
const KINDS = new Set(Object.values(motcua.ErrorKinds));

const H = 'MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,ThoiHanGiaiQuyet,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo\n';
const ROW = 'A,X,1,2021-07-01 09:00,5,,,4\n';
const enc = (s) => new TextEncoder().encode(s);

/** Runs `f`; a thrown value must be an Error of a known kind; then the module must still work. */
function survives(label, f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof Error, `${label}: threw a non-Error ${e}`);
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${label}: the module trapped: ${e.message}`);
    assert.notEqual(e.name, 'PanicError', `${label}: the core panicked: ${e.message}`);
    assert.ok(KINDS.has(e.name), `${label}: unknown error kind ${e.name}: ${e.message}`);
    assert.ok(e.message.length > 0, `${label}: an empty message`);
  }
  const ds = motcua.parseCsv(H + ROW);
  assert.equal(motcua.report(ds, { period: '2021-Q3' }).total.received, 1, `${label}: the module still works`);
  ds.free();
}

function everything(ds) {
  for (const period of ['2021-Q3', '2021', '0001-Q1', '9999-Q4']) {
    motcua.report(ds, { period });
    motcua.score(ds, { period });
    motcua.form06a(ds, { period });
    motcua.announcement(ds, { period });
    motcua.announcement(ds, { period, lang: 'en' });
  }
  motcua.report(ds, { from: '0001-01-01', to: '9999-12-31' });
  motcua.reportText(ds, { period: '2021-Q3' });
  motcua.form06aXlsx(ds, { period: '2021-Q3' });
  void ds.receivedRange;
  void ds.errors;
}

test('extreme values in rows', () => {
  const rows = {
    hugeLimit: 'A,X,1,2021-07-01,4294967295,,,4',
    hugerLimit: 'A,X,1,2021-07-01,99999999999999999999,,,4',
    negativeLimit: 'A,X,1,2021-07-01,-1,,,4',
    limitMillion: 'A,X,1,2021-07-01,1000000,,,4',
    lastDay: 'A,X,1,9999-12-31 23:59:59,30,,,4',
    lastDayLate: 'A,X,1,9999-12-31 17:30,3000,,,4',
    firstDay: 'A,X,1,0000-01-01,5,,,4',
    offsetForward: 'A,X,1,9999-12-31T23:59:59-12:00,5,,,4',
    offsetBackward: 'A,X,1,0000-01-01T00:00:00+14:00,5,,,4',
    silly_offset: 'A,X,1,2021-07-01T10:00:00+99:99,5,,,4',
    fraction: 'A,X,1,2021-07-01T10:00:00.9999999999999999999999,5,,,4',
    dueBeforeReceipt: 'A,X,1,2021-07-01,,2020-01-01,,4',
    dueFarAway: 'A,X,1,2021-07-01,,9999-12-31,,4',
    closedFarAway: 'A,X,1,2021-07-01,,2021-07-02,9999-12-31,10',
    closedBefore: 'A,X,1,2021-07-01,,2021-07-02,2021-06-01,10',
    feb30: 'A,X,1,2021-02-30,5,,,4',
    hour25: 'A,X,1,2021-07-01 25:00,5,,,4',
    leap: 'A,X,1,2024-02-29 23:59:60,5,,,4',
    unicode: 'Ä̸̢͎,<script>alert(1)</script>,1,2021-07-01,5,,,4',
    emoji: '😀,🏛️,1,2021-07-01,5,,,4',
    status0: 'A,X,1,2021-07-01,5,,,0',
    status11: 'A,X,1,2021-07-01,5,,,11',
    statusHuge: 'A,X,1,2021-07-01,5,,,18446744073709551616',
    spaces: '  A  ,  X  ,  1  ,  2021-07-01  ,  5  ,,,  4  ',
  };
  for (const [label, row] of Object.entries(rows)) {
    survives(label, () => everything(motcua.parseCsv(H + row + '\n')));
  }
});

function useCalendar(toml) {
  const calendar = motcua.Calendar.fromToml(toml);
  calendar.year(2021);
  calendar.year(9999);
  calendar.year(1);
  calendar.isWorkingDay('2021-09-02');
  calendar.dueDate('2021-09-01 09:00', 5);
  calendar.dueDate('9999-12-31 09:00', 100000);
  calendar.workingDaysBetween('0001-01-01', '9999-12-31');
  const ds = motcua.parseCsv(H + ROW + 'B,X,1,9999-12-30 18:00,20,,,4\n', { calendar });
  everything(ds);
}

test('hostile calendars', () => {
  const tomls = {
    farHolidays: 'holidays = [0001-01-01, 9999-12-31, 2021-01-01]\nworking_days = [0001-01-06, 9999-12-25]\n',
    cutoffMidnight: 'receipt_cutoff = "00:00"\n',
    cutoffLate: 'receipt_cutoff = "23:59"\n',
    badCutoff: 'receipt_cutoff = "25:99"\n',
    nested: 'a = ' + '['.repeat(5000) + ']'.repeat(5000) + '\n',
    long: 'name = "' + 'x'.repeat(1_000_000) + '"\n',
    datetimes: 'holidays = [2021-09-02T10:00:00, 1979-05-27T07:32:00Z]\n',
    wrongTypes: 'holidays = "2021-09-02"\nweekend = 6\n',
    unknownBase: 'extends = "mars"\n',
    binary: '\u0000\u0001\u0002',
    sixDayWeekend: 'weekend = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]\n',
  };
  for (const [label, toml] of Object.entries(tomls)) survives(label, () => useCalendar(toml));
});

// Calendars with no working day at all: due dates cannot be computed, so the core rejects
// them when the TOML is read (a CalendarError with its line), and due dates past the year
// 9999 are row errors, never a panic.
const NO_WORKING_DAY = {
  noWorkingDay: 'weekend = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]\n',
  noWorkingDayVn: 'extends = "vn"\nweekend = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]\n',
  lastWorkingDay2021: 'weekend = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]\nworking_days = [2021-07-05, 2021-07-06]\n',
};
for (const [label, toml] of Object.entries(NO_WORKING_DAY)) {
  test(`a calendar with no working day (${label}) is rejected with its line`, () => {
    assert.throws(() => motcua.Calendar.fromToml(toml), (e) => e.name === 'CalendarError' && e.line >= 1);
    survives(label, () => useCalendar(toml));
  });
}

test('a due date past the year 9999 is an error, not a panic, and the module keeps working', () => {
  const ds = motcua.parseCsv('MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,ThoiHanGiaiQuyet,TrangThaiHoSo\nA,B,1,9999-12-31,5,4\n');
  assert.equal(ds.length, 0);
  assert.equal(ds.errors[0].column, 'ThoiHanGiaiQuyet');
  ds.free();
  survives('far due date', () => motcua.Calendar.vn().dueDate('9999-12-31 09:00', 5));
  assert.equal(motcua.Calendar.vn().dueDate('2021-09-01 09:00', 1), '2021-09-06');
});

test('broken CSV structure', () => {
  const inputs = {
    empty: '',
    bomOnly: '\ufeff',
    newlines: '\n\n\n',
    headerOnly: H,
    headerNoNewline: H.trim(),
    duplicateColumn: 'MaHoSo,MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n',
    openQuote: H + '"A,X,1,2021-07-01,5,,,4\n' + ROW,
    quoteInField: H + 'A"B,X,1,2021-07-01,5,,,4\n',
    manyQuotes: H + '"'.repeat(100001) + '\n',
    tooManyFields: H + ROW.trim() + ',1,2,3\n',
    tooFewFields: H + 'A,X\n',
    crOnly: H.replace('\n', '\r') + ROW.replace('\n', '\r'),
    crlf: H.replace('\n', '\r\n') + ROW.replace('\n', '\r\n'),
    nul: H + 'A\u0000,X,1,2021-07-01,5,,,4\n',
    longField: H + 'A'.repeat(3_000_000) + ',X,1,2021-07-01,5,,,4\n',
    wideHeader: Array.from({ length: 20000 }, (_, i) => `c${i}`).join(',') + ',' + H,
    manyAgencies: H + Array.from({ length: 30000 }, (_, i) => `A${i},X${i},1,2021-07-01,5,,,4`).join('\n'),
    allDuplicates: H + Array.from({ length: 1000 }, () => ROW.trim()).join('\n'),
    semicolons: H.replaceAll(',', ';') + ROW.replaceAll(',', ';'),
    html: '<html><body>not a table</body></html>',
  };
  for (const [label, text] of Object.entries(inputs)) {
    survives(label, () => everything(motcua.parseCsv(text)));
    survives(label + ' strict', () => everything(motcua.parseCsv(text, { strict: true })));
  }
  const bytes = {
    invalidUtf8Header: new Uint8Array([0xff, 0xfe, ...enc(H.slice(2))]),
    invalidUtf8Row: new Uint8Array([...enc(H), 0x41, 0xc3, 0x28, ...enc(',X,1,2021-07-01,5,,,4\n')]),
    utf16: new Uint8Array([0xff, 0xfe, ...[...H].flatMap((c) => [c.charCodeAt(0), 0])]),
    random: Uint8Array.from({ length: 100000 }, (_, i) => (i * 7919) % 256),
  };
  for (const [label, b] of Object.entries(bytes)) survives(label, () => everything(motcua.parseCsv(b)));
});

test('a progress callback that calls the package again', () => {
  const text = randomCsv(40000, 8);
  let inner = 0;
  let calls = 0;
  const ds = motcua.parseCsv(text, {
    onProgress: () => {
      calls++;
      const nested = motcua.parseCsv(randomCsv(300, calls), { onProgress: () => { inner++; } });
      motcua.report(nested, { period: '2021-Q3' });
      nested.free();
    },
  });
  assert.equal(ds.input.rows, 40000);
  assert.ok(calls >= 2 && inner >= calls, `${calls} outer, ${inner} inner progress calls`);
  survives('after nesting', () => motcua.report(ds, { period: '2021-Q3' }));
});

test('random mutations of a valid table', () => {
  const base = enc(randomCsv(200, 3));
  const r = rng(42);
  for (let i = 0; i < 300; i++) {
    const b = base.slice();
    const n = 1 + Math.floor(r() * 20);
    for (let k = 0; k < n; k++) b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
    const cut = r() < 0.3 ? b.subarray(0, Math.floor(r() * b.length)) : b;
    survives(`mutation ${i}`, () => everything(motcua.parseCsv(cut)));
  }
});

test('hostile workbooks', () => {
  const good = xlsx([HEADER, ...randomRows(50, 2)]);
  const r = rng(7);
  for (let i = 0; i < 150; i++) {
    const b = good.slice();
    const n = 1 + Math.floor(r() * 10);
    for (let k = 0; k < n; k++) b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
    survives(`xlsx mutation ${i}`, () => everything(motcua.parseXlsx(b)));
  }
  for (let len = 0; len < good.length; len += Math.max(1, Math.floor(good.length / 60))) {
    survives(`xlsx cut at ${len}`, () => everything(motcua.parseXlsx(good.subarray(0, len))));
  }
  const odd = {
    numbers: xlsx([HEADER, [1e308, -1, 'STP', 1.5, 4e20, -44000, 2958466, 1e300, 'x', '', 9.99, -3, 2.5, '', 1e15, 0.5]]),
    dateSerials: xlsx([HEADER, ['A', '', 'STP', 1, '', 1e9, -1, '', 44000, 44001, 10, '', '', '', '', '']]),
    hugeSheet: xlsx([HEADER, ...Array.from({ length: 3000 }, (_, i) => [`A${i}`, '', 'X'.repeat(1000), 1, '', '2021-07-01', '', 3, '', '', 4])]),
    noRows: xlsx([]),
    emptyStrings: xlsx([HEADER, Array(16).fill(' ')]),
  };
  for (const [label, b] of Object.entries(odd)) survives(label, () => everything(motcua.parseXlsx(b)));
});

test('hostile JSON, units, rulebooks, periods and arguments', () => {
  const jsons = ['', '[', '{', '[1,2,3]', '"x"', 'null', '[' + '['.repeat(10000) + ']'.repeat(10000) + ']', '{"MaHoSo": 1e999}',
    '[{"MaHoSo":"A","DonViXuLy":{"a":[1,2]},"KenhThucHien":true,"NgayTiepNhan":null,"TrangThaiHoSo":4.5}]',
    '{"MaHoSo":"A","DonViXuLy":"X","KenhThucHien":1,"NgayTiepNhan":"2021-07-01","ThoiHanGiaiQuyet":1e300,"TrangThaiHoSo":4}',
    '{"MaHoSo":"A","DonViXuLy":"X","KenhThucHien":1,"NgayTiepNhan":"2021-07-01","ThoiHanGiaiQuyet":-5,"TrangThaiHoSo":4}'];
  for (const j of jsons) survives(`json ${j.slice(0, 40)}`, () => everything(motcua.parseJson(j)));
  const ds = motcua.parseCsv(randomCsv(300, 5));
  const units = ['', '\ufeff', 'DonViXuLy\n' + 'A\n'.repeat(3), 'DonViXuLy,TyLeGiaiQuyetTaiMotCua\nDV01,1e400\n', 'DonViXuLy,TyLeGiaiQuyetTaiMotCua\nDV01,-5\n',
    'DonViXuLy,SoTTHC,SoTTHCMucDo34\nDV01,1,99999999999999999999\n', 'DonViXuLy,PhanAnhTiepNhan,PhanAnhDungHan\nDV01,1,5\n', new Uint8Array([0xff, 0, 1]),
    'DonViXuLy,TenDonVi\n"DV01,x\n', 'DonViXuLy,Cap\nDV01,moon\n'];
  for (const u of units) survives(`units ${String(u).slice(0, 30)}`, () => motcua.score(ds, { period: '2021-Q3', units: u }));
  for (const u of units) survives(`parseUnits ${String(u).slice(0, 30)}`, () => motcua.parseUnits(u));
  const books = ['', '=', 'id = "x"', 'extends = "x"', 'extends = "circular-01-2018"\n[[indicators]]\nid = "1"\nmax = 1e300\n',
    '[' + 'a.'.repeat(3000) + 'b]\n', 'x = "' + '\\u0000'.repeat(100) + '"', ...motcua.rulebooks().map((b) => b.toml.replace(/max = \d+/, 'max = -1'))];
  for (const b of books) survives(`rulebook ${b.slice(0, 30)}`, () => motcua.score(ds, { period: '2021-Q3', rulebook: b }));
  const periods = ['', ' ', '2021-Q0', '2021-Q9', '0000', '99999', '2021-00', '2021-13', '1-Q1', '2021-07-01..', '..2021-07-01',
    '2021-07-01..2021-07-01..2021-07-02', '9999-12-31..0001-01-01', '\u0000', 'x'.repeat(100000), '2021-Q3\n', '+002021-Q3'];
  for (const p of periods) {
    survives(`period ${p.slice(0, 20)}`, () => motcua.report(ds, { period: p }));
    survives(`parsePeriod ${p.slice(0, 20)}`, () => motcua.parsePeriod(p));
  }
  for (const [from, to] of [['0000-01-01', '9999-12-31'], ['2021-02-29', '2021-03-01'], ['-2021-01-01', '2021-01-01'], ['2021-07-01', '2021-07-01 10:00']]) {
    survives(`range ${from} ${to}`, () => motcua.report(ds, { from, to }));
  }
  const values = [undefined, null, NaN, Infinity, -Infinity, -0, 2 ** 53, 2 ** 64, 1e308, -1e308, '', '1', [], {}, () => 1, Symbol('s'), 10n, true];
  for (const v of values) {
    const label = typeof v === 'symbol' ? 'symbol' : typeof v === 'bigint' ? 'bigint' : String(v);
    survives(`formatInt ${label}`, () => motcua.formatInt(v));
    survives(`formatPercent ${label}`, () => motcua.formatPercent(v, v));
    survives(`formatPercent 1/${label}`, () => motcua.formatPercent(1, v));
    survives(`formatChange ${label}`, () => motcua.formatChange(v));
    survives(`formatDecimal ${label}`, () => motcua.formatDecimal(v, v));
    survives(`year ${label}`, () => motcua.Calendar.vn().year(v));
    survives(`dueDate ${label}`, () => motcua.Calendar.vn().dueDate('2021-07-01', v));
    survives(`isWorkingDay ${label}`, () => motcua.Calendar.vn().isWorkingDay(v));
    survives(`parseCsv ${label}`, () => motcua.parseCsv(v));
    survives(`parseXlsx ${label}`, () => motcua.parseXlsx(v));
    survives(`fromToml ${label}`, () => motcua.Calendar.fromToml(v));
    survives(`report ${label}`, () => motcua.report(ds, v));
    survives(`report period ${label}`, () => motcua.report(ds, { period: v }));
    survives(`errorsSlice ${label}`, () => ds.errorsSlice(v, v));
    survives(`sampleCsv ${label}`, () => motcua.sampleCsv(v));
    survives(`countLabel ${label}`, () => motcua.countLabel(v, v));
    survives(`form06a names ${label}`, () => motcua.form06a(ds, { period: '2021-Q3', names: v }));
  }
  survives('sample with no rows', () => motcua.parseCsv(motcua.sampleCsv('random:0')));
  survives('sample seed max', () => motcua.parseCsv(motcua.sampleCsv('random:100:18446744073709551615')));
});
