// The package gives the same numbers and texts as the `motcua` command on the same files.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { cli, exampleDir, randomCsv, randomRows, HEADER, xlsx } from './fixtures.mjs';

const motcua = await import('motcua');
const dir = mkdtempSync(path.join(tmpdir(), 'motcua-wasm-'));

function run(...args) {
  return execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
}

before(() => {
  assert.ok(existsSync(cli), `the CLI is built: ${cli} (cargo build --release --bin motcua)`);
});

test('the worked example of the contract: report JSON, text and CSV as the CLI prints them', () => {
  const csvPath = path.join(exampleDir, 'example.csv');
  const calPath = path.join(exampleDir, 'example.calendar.toml');
  const calendar = motcua.Calendar.fromToml(readFileSync(calPath, 'utf8'));
  const ds = motcua.parseCsv(readFileSync(csvPath), { calendar });
  const args = ['report', '--input', csvPath, '--calendar', calPath, '--period', '2021-Q3'];
  assert.deepEqual(motcua.report(ds, { period: '2021-Q3' }), JSON.parse(run(...args, '--format', 'json')));
  assert.equal(motcua.reportText(ds, { period: '2021-Q3' }), run(...args, '--format', 'text'));
  assert.equal(motcua.reportText(ds, { period: '2021-Q3', lang: 'en' }), run(...args, '--format', 'text', '--lang', 'en'));
  assert.equal(motcua.reportCsv(ds, { period: '2021-Q3' }), run(...args, '--format', 'csv'));
  // The contract's expected report is contained in it.
  const expected = JSON.parse(readFileSync(path.join(exampleDir, 'example.2021-Q3.json'), 'utf8'));
  const got = motcua.report(ds, { period: '2021-Q3' });
  // "at least" these keys (contract 7): every expected key and value is in the report
  const contains = (a, e, at) => {
    if (e !== null && typeof e === 'object') {
      assert.ok(a !== null && typeof a === 'object', at);
      if (Array.isArray(e)) assert.equal(a.length, e.length, at);
      for (const k of Object.keys(e)) contains(a[k], e[k], `${at}.${k}`);
    } else {
      assert.deepEqual(a, e, at);
    }
  };
  contains(got, expected, 'report');
});

test('random data with bad rows: every kind of period, as the CLI counts it', () => {
  const file = path.join(dir, 'random.csv');
  const text = randomCsv(20000, 7);
  writeFileSync(file, text);
  const ds = motcua.parseCsv(text);
  assert.ok(ds.errors.length > 100, 'the fixture has bad rows');
  for (const p of [['--period', '2021-Q3'], ['--period', '2021-07'], ['--period', '2021'], ['--from', '2021-02-10', '--to', '2021-05-03']]) {
    const opts = p[0] === '--period' ? { period: p[1] } : { from: p[1], to: p[3] };
    const cliJson = JSON.parse(run('report', '--input', file, ...p, '--format', 'json'));
    assert.deepEqual(motcua.report(ds, opts), cliJson, p.join(' '));
  }
  // Bytes and text give the same dossiers.
  const fromBytes = motcua.parseCsv(new TextEncoder().encode(text));
  assert.deepEqual(motcua.report(fromBytes, { period: '2021-Q3' }), motcua.report(ds, { period: '2021-Q3' }));
});

test('a calendar file changes due dates the same way in both', () => {
  const file = path.join(dir, 'cal.csv');
  const calFile = path.join(dir, 'cal.toml');
  const toml = 'name = "test"\nextends = "vn"\nreceipt_cutoff = "11:30"\nholidays = [2021-07-05, 2021-07-06, 2021-08-16]\nworking_days = [2021-07-10]\n';
  writeFileSync(calFile, toml);
  writeFileSync(file, randomCsv(5000, 11, { bad: false }));
  const ds = motcua.parseCsv(readFileSync(file), { calendar: motcua.Calendar.fromToml(toml) });
  const plain = motcua.parseCsv(readFileSync(file));
  const cliJson = JSON.parse(run('report', '--input', file, '--calendar', calFile, '--period', '2021-Q3', '--format', 'json'));
  assert.deepEqual(motcua.report(ds, { period: '2021-Q3' }), cliJson);
  assert.notDeepEqual(motcua.report(plain, { period: '2021-Q3' }).total, cliJson.total, 'the calendar matters');
  const year = motcua.Calendar.fromToml(toml).year(2021);
  assert.deepEqual(year, JSON.parse(run('calendar', '--year', '2021', '--calendar', calFile, '--format', 'json')));
  assert.deepEqual(motcua.Calendar.vn().year(2024), JSON.parse(run('calendar', '--year', '2024', '--format', 'json')));
});

test('an Excel workbook reads as the CLI reads it', () => {
  const rows = randomRows(3000, 5);
  const book = xlsx([HEADER, ...rows]);
  const file = path.join(dir, 'dossiers.xlsx');
  writeFileSync(file, book);
  const ds = motcua.parseXlsx(book);
  assert.equal(ds.input.rows, 3000);
  const cliJson = JSON.parse(run('report', '--input', file, '--period', '2021-Q3', '--format', 'json'));
  assert.deepEqual(motcua.report(ds, { period: '2021-Q3' }), cliJson);
  // The same rows as CSV give the same counts.
  const fromCsv = motcua.parseCsv([HEADER, ...rows].map((r) => r.join(',')).join('\n'));
  assert.deepEqual(motcua.report(ds, { period: '2021-Q3' }).total, motcua.report(fromCsv, { period: '2021-Q3' }).total);
});

test("the portal's JSON Lines read as the CLI reads them", () => {
  const rows = randomRows(2000, 9);
  const text = rows.map((r) => JSON.stringify(Object.fromEntries(HEADER.map((h, i) => [h, r[i]]).filter(([, v]) => v !== '')))).join('\n');
  const file = path.join(dir, 'dossiers.jsonl');
  writeFileSync(file, text);
  const ds = motcua.parseJson(text);
  const cliJson = JSON.parse(run('report', '--input', file, '--period', '2021-Q3', '--format', 'json'));
  assert.deepEqual(motcua.report(ds, { period: '2021-Q3' }), cliJson);
});

test('the built-in sample: the same file as `motcua generate`, the seed figures, the same report', () => {
  const file = path.join(dir, 'sample.csv');
  const units = path.join(dir, 'units.csv');
  run('generate', '--profile', 'soc-trang-2021', '--output', file, '--units-output', units);
  const text = motcua.sampleCsv();
  assert.equal(text, readFileSync(file, 'utf8'));
  assert.equal(motcua.sampleUnitsCsv(), readFileSync(units, 'utf8'));
  const ds = motcua.parseCsv(text);
  const r = motcua.report(ds, { period: '2021-Q3' });
  assert.deepEqual(r, JSON.parse(run('report', '--input', file, '--period', '2021-Q3', '--format', 'json')));
  const t = r.total;
  assert.equal(t.received, 12656);
  assert.equal(t.resolved, 12085);
  assert.equal(motcua.formatPercent(t.rates.resolution_rate.numerator, t.rates.resolution_rate.denominator), '95,49 %');
  assert.equal(t.received_online, 8694);
  assert.equal(motcua.formatPercent(t.rates.online_rate.numerator, t.rates.online_rate.denominator), '73,02 %');
  assert.equal(t.ratings, 609);
  assert.equal(r.previous.total.received, 22758);
  assert.equal(r.agencies.length, 17);
});

test('announcement and Biểu II.06a as the CLI writes them', () => {
  const file = path.join(dir, 'sample2.csv');
  const units = path.join(dir, 'units2.csv');
  run('generate', '--profile', 'soc-trang-2021', '--output', file, '--units-output', units);
  const ds = motcua.parseCsv(readFileSync(file));
  for (const lang of ['vi', 'en']) {
    assert.equal(
      motcua.announcement(ds, { period: '2021-Q3', lang }),
      run('report', '--input', file, '--period', '2021-Q3', '--format', 'announcement', '--lang', lang),
      lang,
    );
    const graded = motcua.announcement(ds, {
      period: '2021-Q3', lang, units: readFileSync(units, 'utf8'), rulebook: 'soc-trang-1216-2019',
    });
    assert.equal(
      graded,
      run('report', '--input', file, '--period', '2021-Q3', '--format', 'announcement', '--lang', lang,
        '--units', units, '--rulebook', 'soc-trang-1216-2019'),
      `${lang} with grades`,
    );
    assert.ok(graded.includes('17/17'), graded);
  }
  const unitsText = readFileSync(units, 'utf8');
  assert.equal(
    motcua.form06aCsv(ds, { period: '2021-Q3', units: unitsText }),
    run('report', '--input', file, '--period', '2021-Q3', '--format', 'form06a', '--agency-names', units),
  );
  const xlsxFile = path.join(dir, 'form.xlsx');
  run('report', '--input', file, '--period', '2021-Q3', '--format', 'form06a', '--agency-names', units, '--output', xlsxFile);
  const book = motcua.form06aXlsx(ds, { period: '2021-Q3', units: unitsText });
  assert.ok(book instanceof Uint8Array && book[0] === 0x50 && book[1] === 0x4b, 'a zip file');
  assert.ok(Math.abs(book.length - readFileSync(xlsxFile).length) < 64, 'about the same workbook as the CLI writes');
});

test('grades as `motcua score` gives them', () => {
  const file = path.join(dir, 'sample3.csv');
  const units = path.join(dir, 'units3.csv');
  run('generate', '--profile', 'soc-trang-2021', '--output', file, '--units-output', units);
  const ds = motcua.parseCsv(readFileSync(file));
  for (const rulebook of motcua.rulebooks().map((b) => b.id)) {
    const args = ['score', '--input', file, '--units', units, '--period', '2021-Q3', '--rulebook', rulebook];
    const opts = { period: '2021-Q3', units: readFileSync(units), rulebook };
    assert.deepEqual(motcua.score(ds, opts), JSON.parse(run(...args, '--format', 'json')), rulebook);
    assert.equal(motcua.scoreText(ds, opts), run(...args, '--format', 'text'), rulebook);
  }
  const s = motcua.score(ds, { period: '2021-Q3', units: readFileSync(units, 'utf8'), rulebook: 'soc-trang-1216-2019' });
  assert.equal(s.agencies.length, 17);
  assert.ok(s.agencies.every((a) => a.band === 'Xuất sắc' && a.total >= 15 && a.total < 18), 'every agency Xuất sắc, from 15 to 17,x points');
});
