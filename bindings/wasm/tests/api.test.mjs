// Every function and class of the package, from Node, as `await import('motcua')`.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { HEADER, randomCsv, toCsv, xlsx } from './fixtures.mjs';

const motcua = await import('motcua');

const H = 'MaHoSo,DonViXuLy,KenhThucHien,MucDo,NgayTiepNhan,NgayHenTra,ThoiHanGiaiQuyet,NgayKetThucXuLy,TrangThaiHoSo,DanhGia,CanBoTiepNhan\n';
const SMALL =
  H +
  'A1,STP,2,4,2021-07-01 09:00,2021-07-05,,2021-07-02,10,3,CB1\n' +
  'A2,STP,1,,2021-07-01 09:00,,3,2021-07-06,9,,CB2\n' +
  'A3,SYT,3,3,2021-06-20,,2,,4,,\n' +
  'A4,SYT,2,4,2021-07-03,,1,,1,,\n' +
  'A5,SYT,5,4,2021-07-03,,1,,4,,\n';

function throwsKind(f, name, check) {
  let caught;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught, `expected a ${name}`);
  assert.ok(caught instanceof Error, `an Error object, got ${caught}`);
  assert.equal(caught.name, name, caught.message);
  if (check) check(caught);
  return caught;
}

test('the module is ready on import in Node, and init() is harmless', async () => {
  assert.equal(motcua.isReady(), true);
  await motcua.default();
  assert.match(motcua.version(), /^\d+\.\d+\.\d+/);
  assert.equal(typeof motcua.ErrorKinds.ROW, 'string');
});

test('parseCsv: dossiers with length, errors, input summary, agencies, officials, dates', () => {
  const ds = motcua.parseCsv(SMALL);
  assert.equal(ds.length, 3);
  assert.deepEqual(ds.errors, [{ line: 6, column: 'KenhThucHien', kind: 'unknown_code', message: "unknown channel '5'" }]);
  // A2 is the one used row without MucDo
  assert.deepEqual(ds.input, { rows: 5, used: 3, rejected: 1, not_received: 1, without_level: 1, profile: 'contract', errors: ds.errors });
  assert.deepEqual(ds.agencies, ['STP', 'SYT']);
  assert.deepEqual(ds.officials, ['CB1', 'CB2']);
  assert.deepEqual(ds.receivedRange, { from: '2021-06-20', to: '2021-07-01' });
  assert.deepEqual(ds.errorsSlice(0, 10), ds.errors);
  assert.deepEqual(ds.errorsSlice(1, 10), []);
  // bytes, ArrayBuffer, other views, a BOM
  const bytes = new TextEncoder().encode('\ufeff' + SMALL);
  assert.equal(motcua.parseCsv(bytes).length, 3);
  assert.equal(motcua.parseCsv(bytes.buffer).length, 3);
  assert.equal(motcua.parseCsv(new DataView(bytes.buffer)).length, 3);
  assert.equal(motcua.parseCsv(Buffer.from(SMALL)).length, 3);
  const empty = motcua.parseCsv(H);
  assert.equal(empty.length, 0);
  assert.equal(empty.receivedRange, null);
  ds.free();
  throwsKind(() => motcua.report(ds, { period: '2021-Q3' }), 'ArgumentError');
});

test('parseCsv: strict mode throws a RowError with line and column', () => {
  throwsKind(() => motcua.parseCsv(SMALL, { strict: true }), 'RowError', (e) => {
    assert.equal(e.line, 6);
    assert.equal(e.column, 'KenhThucHien');
    assert.match(e.message, /unknown channel '5'/);
  });
  throwsKind(() => motcua.parseCsv(H + 'A1,STP,2\n', { strict: true }), 'RowError', (e) => {
    assert.equal(e.line, 2);
    assert.equal(e.column, null);
  });
});

test('parseCsv: header and encoding errors', () => {
  throwsKind(() => motcua.parseCsv('a,b\n1,2\n'), 'HeaderError', (e) => {
    assert.equal(e.line, 1);
    assert.match(e.message, /missing required column\(s\): MaHoSo, DonViXuLy/);
  });
  throwsKind(() => motcua.parseCsv(''), 'HeaderError');
  const bad = new Uint8Array([...new TextEncoder().encode(H + 'A1,ST'), 0xff, ...new TextEncoder().encode('P,2,4,2021-07-01,2021-07-02,,,4,,\n')]);
  throwsKind(() => motcua.parseCsv(bad), 'EncodingError', (e) => {
    assert.equal(e.line, 2);
    assert.equal(e.column, 'DonViXuLy');
  });
});

test('parseCsv: progress is reported, and an exception in the callback is thrown after reading', () => {
  const text = randomCsv(60000, 3);
  const seen = [];
  const ds = motcua.parseCsv(text, { onProgress: (done, total) => seen.push([done, total]) });
  assert.equal(ds.input.rows, 60000);
  assert.ok(seen.length >= 2, `several progress calls (${seen.length})`);
  const total = new TextEncoder().encode(text).length;
  assert.deepEqual(seen.at(-1), [total, total]);
  assert.ok(seen.every(([d], i) => i === 0 || d >= seen[i - 1][0]));
  assert.throws(() => motcua.parseCsv(text, { onProgress: () => { throw new Error('stop'); } }), /stop/);
  assert.equal(motcua.parseCsv(SMALL).length, 3, 'still usable');
});

test('options are checked', () => {
  throwsKind(() => motcua.parseCsv(SMALL, { strcit: true }), 'ArgumentError', (e) => assert.match(e.message, /unknown option 'strcit'/));
  throwsKind(() => motcua.parseCsv(SMALL, { strict: 'yes' }), 'ArgumentError');
  throwsKind(() => motcua.parseCsv(SMALL, { calendar: 'vn' }), 'ArgumentError');
  throwsKind(() => motcua.parseCsv(SMALL, { onProgress: 1 }), 'ArgumentError');
  throwsKind(() => motcua.parseCsv(SMALL, 'strict'), 'ArgumentError');
  throwsKind(() => motcua.parseCsv(42), 'ArgumentError');
  throwsKind(() => motcua.parseCsv(null), 'ArgumentError');
  throwsKind(() => motcua.parseCsv({}), 'ArgumentError');
  const ds = motcua.parseCsv(SMALL);
  throwsKind(() => motcua.report(ds), 'PeriodError');
  throwsKind(() => motcua.report(ds, {}), 'PeriodError');
  throwsKind(() => motcua.report(ds, { period: '2021-Q3', from: '2021-07-01', to: '2021-07-31' }), 'PeriodError');
  throwsKind(() => motcua.report(ds, { from: '2021-07-01' }), 'PeriodError');
  throwsKind(() => motcua.report(ds, { period: 2021 }), 'ArgumentError');
  throwsKind(() => motcua.report({}, { period: '2021-Q3' }), 'ArgumentError');
  throwsKind(() => motcua.report(ds, { period: '2021-Q5' }), 'PeriodError');
  throwsKind(() => motcua.report(ds, { from: '2021-09-30', to: '2021-07-01' }), 'PeriodError');
  throwsKind(() => motcua.report(ds, { from: 'yesterday', to: '2021-07-01' }), 'PeriodError');
  throwsKind(() => motcua.reportText(ds, { period: '2021-Q3', lang: 'fr' }), 'ArgumentError');
});

test('report: counts, rates, the previous period and the change', () => {
  const ds = motcua.parseCsv(SMALL);
  const r = motcua.report(ds, { period: '2021-Q3' });
  assert.deepEqual(r.period, { from: '2021-07-01', to: '2021-09-30' });
  assert.equal(r.total.received, 2);
  assert.equal(r.total.carried_over, 1);
  assert.equal(r.total.resolved_early, 1);
  assert.equal(r.total.resolved_on_time, 1);
  assert.deepEqual(r.total.rates.resolution_rate, { numerator: 2, denominator: 2, value: 1 });
  assert.equal(r.total.rates.satisfaction_rate.value, 1);
  assert.deepEqual(r.agencies.map((a) => a.agency), ['STP', 'SYT']);
  assert.equal(r.agencies[1].rates.resolution_rate, null, 'a zero denominator is null');
  assert.equal(r.previous.total.received, 1);
  assert.deepEqual(r.change.received, { previous: 1, current: 2, absolute: 1, relative: 1 });
  const range = motcua.report(ds, { from: '2021-07-01', to: '2021-07-01' });
  assert.equal(range.previous, undefined);
  assert.equal(range.change, undefined);
  assert.equal(range.total.received, 2);
  assert.match(motcua.reportText(ds, { period: '2021-Q3' }), /BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH/);
  assert.match(motcua.reportText(ds, { period: '2021-Q3', lang: 'en' }), /ADMINISTRATIVE PROCEDURE DOSSIERS REPORT/);
  assert.match(motcua.reportCsv(ds, { period: '2021-Q3' }), /^agency,received,/);
});

// D1: received Mon 2024-04-01, by the deciding agency Wed 04-03, 2 working days, closed Thu
// 04-04: due Wed 04-03 from the receipt (late), Fri 04-05 from the deciding agency (early).
// D2 gives no deciding-agency date: due Wed 04-03, closed that day (on time) either way.
const DEADLINE_CSV =
  'MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayTiepNhanCoQuanGiaiQuyet,ThoiHanGiaiQuyet,NgayKetThucXuLy,TrangThaiHoSo\n' +
  'D1,STP,1,2024-04-01 09:00,2024-04-03 09:00,2,2024-04-04 16:00,10\n' +
  'D2,STP,1,2024-04-01 09:00,,2,2024-04-03 16:00,10\n';

test('report: deadlineFrom moves the start of the time limit (Decree 309/2026)', () => {
  const counts = (o) => {
    const t = motcua.report(DEADLINE_CSV, { period: '2024-04', ...o }).total;
    return [t.received, t.resolved_early, t.resolved_on_time, t.resolved_late];
  };
  assert.deepEqual(counts({}), [2, 0, 1, 1]);
  assert.deepEqual(counts({ deadlineFrom: 'receipt' }), [2, 0, 1, 1]);
  assert.deepEqual(counts({ deadlineFrom: 'deciding-agency' }), [2, 1, 1, 0]);
  throwsKind(() => counts({ deadlineFrom: 'tomorrow' }), 'ArgumentError');
});

test('parseCsv, parseJson: profile, catalog and deadlineFrom are read options', () => {
  const ds = motcua.parseCsv(DEADLINE_CSV, { deadlineFrom: 'deciding-agency' });
  const t = motcua.report(ds, { period: '2024-04' }).total;
  assert.deepEqual([t.resolved_early, t.resolved_on_time, t.resolved_late], [1, 1, 0]);
  assert.equal(motcua.parseCsv(SMALL, { profile: 'contract' }).input.profile, 'contract');
  throwsKind(() => motcua.parseCsv(SMALL, { profile: 'no-such-profile' }), 'ProfileError');
  // the catalog gives A2 (no MucDo in its row) its procedure's level 4
  const withProc = 'MaHoSo,DonViXuLy,KenhThucHien,MaTTHC,NgayTiepNhan,NgayHenTra,TrangThaiHoSo\n' +
    'P1,STP,2,1.001,2021-07-01,2021-07-05,4\n';
  const catalog = 'MaTTHC,TenTTHC,MucDo\n1.001,Cấp phiếu lý lịch tư pháp,4\n';
  assert.equal(motcua.parseCsv(withProc).input.without_level, 1);
  assert.equal(motcua.parseCsv(withProc, { catalog }).input.without_level, 0);
  const records = JSON.stringify({ MaHoSo: 'J1', DonViXuLy: 'STP', KenhThucHien: 1, NgayTiepNhan: '20210701090000', NgayHenTra: '20210705000000', TrangThaiHoSo: 4 });
  assert.equal(motcua.parseJson(records, { profile: 'dvcqg' }).input.profile, 'dvcqg');
  throwsKind(() => motcua.parseJson(records, { nope: 1 }), 'ArgumentError');
});

test('Calendar: built-in, from TOML, years, working days, due dates', () => {
  const vn = motcua.Calendar.vn();
  assert.equal(vn.name, 'vn');
  assert.equal(vn.receiptCutoff, '17:00');
  assert.deepEqual(vn.weekend, ['Sat', 'Sun']);
  assert.equal(vn.dueDate('2021-09-01 09:00', 1), '2021-09-06');
  assert.equal(vn.isWorkingDay('2021-09-02'), false);
  assert.equal(vn.isWorkingDay('03/09/2021'), false);
  assert.equal(vn.isWorkingDay('2021-09-06'), true);
  assert.equal(typeof vn.holidayName('2021-09-02'), 'string');
  assert.equal(vn.holidayName('2021-09-06'), null);
  assert.equal(vn.workingDaysBetween('2021-09-01', '2021-09-06'), 1);
  const y = vn.year(2024);
  assert.equal(y.year, 2024);
  assert.equal(y.lunar_new_year, '2024-02-10');
  assert.ok(y.holidays.some((h) => h.name === 'Tết Nguyên đán'));
  assert.equal(motcua.Calendar.blank().isWorkingDay('2021-09-02'), true);
  const custom = motcua.Calendar.fromToml('name = "Sóc Trăng 2021"\nextends = "vn"\nreceipt_cutoff = "11:00"\nworking_days = [2021-09-11]\n');
  assert.equal(custom.name, 'Sóc Trăng 2021');
  assert.equal(custom.receiptCutoff, '11:00');
  assert.equal(custom.isWorkingDay('2021-09-11'), true);
  assert.equal(motcua.Calendar.fromToml(new TextEncoder().encode('name = "b"')).name, 'b');
  throwsKind(() => motcua.Calendar.fromToml('name = "x"\nholidays = [2021-13-01]\n'), 'CalendarError', (e) => {
    assert.equal(e.line, 2);
    assert.equal(typeof e.column, 'number');
  });
  throwsKind(() => motcua.Calendar.fromToml('colour = "red"'), 'CalendarError', (e) => assert.equal(e.line, 1));
  throwsKind(() => motcua.Calendar.fromToml(7), 'ArgumentError');
  throwsKind(() => vn.year(0), 'ArgumentError');
  throwsKind(() => vn.year(2024.5), 'ArgumentError');
  throwsKind(() => vn.year('2024'), 'ArgumentError');
  throwsKind(() => vn.isWorkingDay('someday'), 'ArgumentError');
  throwsKind(() => vn.dueDate('2021-09-01', -1), 'ArgumentError');
  // the calendar option changes due dates
  const csv = H + 'B1,STP,2,4,2021-09-10 09:00,,1,2021-09-13,10,,\n';
  const withVn = motcua.report(motcua.parseCsv(csv), { period: '2021-Q3' });
  const withCustom = motcua.report(motcua.parseCsv(csv, { calendar: custom }), { period: '2021-Q3' });
  assert.equal(withVn.total.resolved_on_time, 1);
  assert.equal(withCustom.total.resolved_late, 1, 'Saturday 11 September is a working day there');
});

test('parsePeriod and the formatting of numbers', () => {
  const p = motcua.parsePeriod('2021-Q3');
  assert.deepEqual(
    { from: p.from, to: p.to, kind: p.kind, text: p.text, vi: p.label_vi, en: p.label_en, prev: p.previous.text },
    { from: '2021-07-01', to: '2021-09-30', kind: 'quarter', text: '2021-Q3', vi: 'quý III năm 2021', en: 'Q3 2021', prev: '2021-Q2' },
  );
  assert.equal(motcua.parsePeriod('2021-07-05..2021-07-20').previous, null);
  throwsKind(() => motcua.parsePeriod('Q3'), 'PeriodError');
  assert.equal(motcua.formatInt(12656), '12.656');
  assert.equal(motcua.formatInt(12656, 'en'), '12,656');
  assert.equal(motcua.formatInt(-10102), '-10.102');
  assert.equal(motcua.formatPercent(12085, 12656), '95,49 %');
  assert.equal(motcua.formatPercent(609, 609), '100 %');
  assert.equal(motcua.formatPercent(1, 32), '3,13 %');
  assert.equal(motcua.formatPercent(8694, 11906, 'en'), '73.02%');
  assert.equal(motcua.formatPercent(1, 0), null);
  assert.equal(motcua.formatChange(8694 / 7670 - 1), '+13,35 %');
  assert.equal(motcua.formatDecimal(16.5, 1), '16,5');
  assert.equal(motcua.countLabel('received'), 'Tiếp nhận');
  assert.equal(motcua.countLabel('online_rate', 'en'), 'Online rate');
  assert.equal(motcua.countLabel('nothing'), null);
  assert.equal(motcua.countNames().length, 19);
  assert.deepEqual(motcua.rateNames(), ['resolution_rate', 'on_time_rate', 'early_rate', 'online_rate', 'satisfaction_rate']);
  throwsKind(() => motcua.formatInt(1.5), 'ArgumentError');
  throwsKind(() => motcua.formatInt('1'), 'ArgumentError');
  throwsKind(() => motcua.formatPercent(-1, 3), 'ArgumentError');
  throwsKind(() => motcua.formatChange(Infinity), 'ArgumentError');
  throwsKind(() => motcua.formatDecimal(1, 99), 'ArgumentError');
  throwsKind(() => motcua.countLabel(5), 'ArgumentError');
});

test('parseXlsx: the first sheet or a named one; errors name the sheet row', () => {
  const rows = [HEADER, ['X1', '', 'STP', 2, 4, '2021-07-01 09:00', '2021-07-05', '', '2021-07-02', '', 10, '', 3, 'CB1', '', ''], ['X2', '', 'STP', 9, 4, '2021-07-01', '2021-07-05', '', '', '', 4, '', '', '', '', '']];
  const book = xlsx(rows, 'Hồ sơ');
  const ds = motcua.parseXlsx(book);
  assert.equal(ds.length, 1);
  assert.deepEqual(ds.errors.map((e) => [e.line, e.column]), [[3, 'KenhThucHien']]);
  assert.equal(motcua.parseXlsx(book, { sheet: 'Hồ sơ' }).length, 1);
  assert.equal(motcua.parseXlsx(book.buffer).length, 1);
  throwsKind(() => motcua.parseXlsx(book, { sheet: 'Other' }), 'XlsxError', (e) => assert.match(e.message, /Hồ sơ/));
  throwsKind(() => motcua.parseXlsx(book, { strict: true }), 'RowError', (e) => {
    assert.equal(e.line, 3);
    assert.equal(e.column, 'KenhThucHien');
  });
  throwsKind(() => motcua.parseXlsx(new TextEncoder().encode(toCsv(HEADER, []))), 'XlsxError');
  throwsKind(() => motcua.parseXlsx(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0])), 'XlsxError');
  // A header without the contract's columns: the reader names the sheet and row.
  throwsKind(() => motcua.parseXlsx(xlsx([['a', 'b'], ['1', '2']])), 'XlsxError', (e) => {
    assert.equal(e.line, 1);
    assert.match(e.message, /row 1: missing required column\(s\): MaHoSo/);
  });
  throwsKind(() => motcua.parseXlsx('text'), 'XlsxError');
});

test('parseJson: an array or JSON Lines of portal records', () => {
  const rec = { MaHoSo: 'J1', DonViXuLy: 'STP', KenhThucHien: 2, NgayTiepNhan: '20210701090000', ThoiHanGiaiQuyet: 3, TrangThaiHoSo: 4 };
  assert.equal(motcua.parseJson(JSON.stringify([rec])).length, 1);
  assert.equal(motcua.parseJson(JSON.stringify(rec) + '\n' + JSON.stringify({ ...rec, MaHoSo: 'J2' })).length, 2);
  const bad = motcua.parseJson(JSON.stringify([rec, { ...rec, MaHoSo: 'J2', KenhThucHien: 7 }]));
  assert.deepEqual(bad.errors.map((e) => [e.line, e.column]), [[2, 'KenhThucHien']]);
  throwsKind(() => motcua.parseJson('[{"MaHoSo": '), 'JsonError');
});

const UNITS = 'DonViXuLy,TenDonVi,Cap,CongKhai,TyLeGiaiQuyetTaiMotCua\nSTP,"Sở Tư pháp",tinh,2,0.25\nSYT,Sở Y tế,tinh,1,0.1\n';

test('score: grades by a built-in rulebook, with units; rulebooks and units files', () => {
  const ds = motcua.parseCsv(SMALL);
  const s = motcua.score(ds, { period: '2021-Q3', units: UNITS, rulebook: 'circular-01-2018' });
  assert.equal(s.rulebook.id, 'circular-01-2018');
  assert.equal(s.rulebook.max, 18);
  assert.deepEqual(s.period, { from: '2021-07-01', to: '2021-09-30' });
  const stp = s.agencies.find((a) => a.agency === 'STP');
  assert.equal(stp.name, 'Sở Tư pháp');
  assert.equal(typeof stp.total, 'number');
  assert.equal(stp.rank, 1);
  assert.ok(['Xuất sắc', 'Tốt', 'Khá', 'Trung bình', 'Yếu'].includes(stp.band));
  assert.ok(stp.indicators.length >= 9);
  const syt = s.agencies.find((a) => a.agency === 'SYT');
  assert.equal(syt.total, null, 'nothing resolved: not graded');
  assert.deepEqual(s.officials.map((o) => o.official), ['CB1', 'CB2']);
  assert.equal(s.input.rows, 5);
  // without units, the defaults
  assert.equal(motcua.score(ds, { period: '2021-Q3' }).rulebook.id, 'circular-01-2018');
  assert.match(motcua.scoreText(ds, { period: '2021-Q3', units: UNITS }), /STP/);
  const books = motcua.rulebooks();
  assert.ok(books.some((b) => b.id === 'soc-trang-1216-2019'));
  assert.ok(books.every((b) => typeof b.toml === 'string' && Array.isArray(b.bands)));
  // a rulebook given as TOML text
  const own = 'id = "mine"\nextends = "circular-01-2018"\nname = "Của tôi"\nname_en = "Mine"\n';
  try {
    assert.equal(motcua.score(ds, { period: '2021-Q3', rulebook: own }).rulebook.extends, 'circular-01-2018');
  } catch (e) {
    assert.equal(e.name, 'RulebookError', e.message);
  }
  throwsKind(() => motcua.score(ds, { period: '2021-Q3', rulebook: 'no-such-book' }), 'RulebookError');
  throwsKind(() => motcua.score(ds, { period: '2021-Q3', rulebook: 'id = [' }), 'RulebookError', (e) => assert.equal(e.line, 1));
  throwsKind(() => motcua.score(ds, { period: '2021-Q3', units: 'DonViXuLy,CongKhai\nSTP,7\n' }), 'UnitsError', (e) => {
    assert.equal(e.line, 2);
    assert.equal(e.column, 'CongKhai');
  });
  throwsKind(() => motcua.score(ds, { period: '2021-Q3', units: 5 }), 'ArgumentError');
  const facts = motcua.parseUnits(UNITS);
  assert.deepEqual(facts.map((u) => [u.code, u.name, u.publication]), [['STP', 'Sở Tư pháp', 2], ['SYT', 'Sở Y tế', 1]]);
  throwsKind(() => motcua.parseUnits('Ma,Ten\n'), 'UnitsError', (e) => assert.equal(e.line, 1));
});

test('form06a: the table of Biểu II.06a, as object, CSV and workbook', () => {
  const ds = motcua.parseCsv(SMALL);
  const f = motcua.form06a(ds, { period: '2021-Q3', units: UNITS, reportingUnit: 'Trung tâm X' });
  assert.equal(f.reporting_unit, 'Trung tâm X');
  assert.match(f.period_line, /Quý III năm 2021/);
  assert.deepEqual(f.rows.map((r) => [r.stt, r.code, r.label]), [[1, 'STP', 'Sở Tư pháp'], [2, 'SYT', 'Sở Y tế']]);
  assert.equal(f.total.cells[0], 3, 'column 3 = received + carried over');
  assert.equal(f.headings.length, 14);
  assert.equal(f.text_rows.length, 3);
  assert.equal(f.consistent, true);
  assert.equal(motcua.form06a(ds, { period: '2021-Q3', closedAsOnTime: true }).headings.length, 13);
  assert.equal(motcua.form06a(ds, { period: '2021-Q3', names: { STP: 'Tư pháp' } }).rows[0].label, 'Tư pháp');
  assert.match(motcua.form06aCsv(ds, { period: '2021-Q3' }), /^\(1\) STT,/);
  const book = motcua.form06aXlsx(ds, { period: '2021-Q3' });
  assert.ok(book instanceof Uint8Array && book.length > 1000);
  // the workbook reads back as a workbook (its first row is not a dossier header)
  throwsKind(() => motcua.parseXlsx(book), 'XlsxError', (e) => assert.match(e.message, /missing required column/));
  throwsKind(() => motcua.form06a(ds, { period: '2021-Q3', names: ['x'] }), 'ArgumentError');
  throwsKind(() => motcua.form06a(ds, { period: '2021-Q3', names: { STP: 5 } }), 'ArgumentError');
});

test('announcement: Vietnamese by default, English on request', () => {
  const ds = motcua.parseCsv(SMALL);
  const vi = motcua.announcement(ds, { period: '2021-Q3' });
  assert.match(vi, /Trong quý III năm 2021/);
  assert.match(motcua.announcement(ds, { period: '2021-Q3', lang: 'en' }), /Q3 2021/);
  assert.match(motcua.announcement(ds, { period: '2021-Q3', center: 'Trung tâm ABC' }), /Trung tâm ABC/);
});

test('the sample: the Sóc Trăng Q3/2021 figures, its units and agencies', () => {
  const text = motcua.sampleCsv();
  const ds = motcua.parseCsv(text);
  const r = motcua.report(ds, { period: '2021-Q3' });
  assert.equal(r.total.received, 12656);
  assert.equal(r.total.resolved, 12085);
  assert.equal(r.total.received_online, 8694);
  assert.equal(r.total.ratings, 609);
  assert.equal(motcua.formatPercent(r.total.rates.online_rate.numerator, r.total.rates.online_rate.denominator), '73,02 %');
  const s = motcua.score(ds, { period: '2021-Q3', units: motcua.sampleUnitsCsv(), rulebook: 'soc-trang-1216-2019' });
  assert.equal(s.agencies.filter((a) => a.band === 'Xuất sắc').length, 17);
  assert.equal(motcua.sampleAgencies().length, 17);
  assert.equal(motcua.sampleUnitsCsv('random:10'), null);
  assert.equal(motcua.parseCsv(motcua.sampleCsv('random:1000:3')).input.rows, 1000);
  throwsKind(() => motcua.sampleCsv('nowhere'), 'SampleError');
  throwsKind(() => motcua.sampleCsv('random:99999999999'), 'SampleError');
});

test('memory is given back: many parses and frees keep working', () => {
  const text = randomCsv(5000, 1);
  for (let i = 0; i < 50; i++) {
    const ds = motcua.parseCsv(text);
    motcua.report(ds, { period: '2021-Q3' });
    ds.free();
  }
  assert.equal(motcua.parseCsv(text).input.rows, 5000);
});
