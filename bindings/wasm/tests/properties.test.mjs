// Property tests (fast-check) over the package's functions with any value, extreme ones
// included: each call returns a well-formed result or throws one of the package's error
// classes (never a RangeError, a TypeError from the glue or a WebAssembly trap), and what
// it returns keeps the contract's identities. Seeded in CI so that a landing draws the same
// cases; locally each run draws new ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as motcua from 'motcua';
import { HEADER } from './fixtures.mjs';

const seed = process.env.CI === 'true' ? 20211001 : undefined;
const params = { numRuns: 200, ...(seed === undefined ? {} : { seed }) };

/** Calls `f`; a thrown value must be a MotcuaError. Returns the result, or `undefined`. */
function ownErrorsOnly(f, label) {
  try {
    return f();
  } catch (e) {
    assert.ok(e instanceof motcua.MotcuaError, `${label}: threw ${e?.constructor?.name} ${e?.name}: ${e?.message}`);
    assert.ok(Object.values(motcua.ErrorKinds).includes(e.name), `${label}: unknown kind ${e.name}`);
    return undefined;
  }
}

// Any JavaScript value a caller might pass.
const anything = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE),
  fc.bigInt(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.integer()),
  fc.object(),
  fc.uint8Array(),
);

// Date texts near the limits of every form the contract reads.
const dateText = fc.oneof(
  fc.date({ min: new Date(Date.UTC(-5000, 0, 1)), max: new Date(Date.UTC(12000, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('0001-01-01', '9999-12-31', '10000-01-01', '0000-01-01', '2021-02-29', '2024-02-29', '31/12/9999', '99991231235959', '1/1/1', ''),
  fc.string(),
);

const days = fc.oneof(
  fc.integer({ min: -10, max: 400 }),
  fc.constantFrom(4_000_000, 2 ** 31, -(2 ** 31), 2 ** 53, Number.MAX_SAFE_INTEGER, NaN, Infinity, 0.5, -1),
  fc.double(),
);

test('calendar functions: results or the package\'s errors, at any date and number', () => {
  const cal = motcua.Calendar.vn();
  fc.assert(
    fc.property(dateText, days, dateText, (d, n, d2) => {
      const due = ownErrorsOnly(() => cal.dueDate(d, n), `dueDate(${d}, ${n})`);
      if (due !== undefined) assert.match(due, /^\d{4}-\d{2}-\d{2}$/);
      const w = ownErrorsOnly(() => cal.isWorkingDay(d), `isWorkingDay(${d})`);
      if (w !== undefined) assert.equal(typeof w, 'boolean');
      const between = ownErrorsOnly(() => cal.workingDaysBetween(d, d2), `workingDaysBetween(${d}, ${d2})`);
      if (between !== undefined) {
        assert.ok(Number.isInteger(between));
        // antisymmetric: (a, b] and (b, a] count the same days with opposite signs
        const back = cal.workingDaysBetween(d2, d);
        assert.ok(back === -between, `${back} = -${between}`);
      }
      ownErrorsOnly(() => cal.holidayName(d), `holidayName(${d})`);
    }),
    params,
  );
  fc.assert(
    fc.property(anything, anything, (a, b) => {
      ownErrorsOnly(() => cal.dueDate(a, b), 'dueDate(any, any)');
      ownErrorsOnly(() => cal.year(a), 'year(any)');
      ownErrorsOnly(() => motcua.Calendar.fromToml(a), 'fromToml(any)');
    }),
    params,
  );
});

test('periods and number formats: results or the package\'s errors', () => {
  fc.assert(
    fc.property(anything, anything, anything, (a, b, c) => {
      const p = ownErrorsOnly(() => motcua.parsePeriod(a), 'parsePeriod');
      if (p !== undefined) assert.ok(p.from <= p.to, `${p.from} <= ${p.to}`);
      ownErrorsOnly(() => motcua.formatInt(a, 'vi'), 'formatInt');
      ownErrorsOnly(() => motcua.formatPercent(a, b, 'en'), 'formatPercent');
      ownErrorsOnly(() => motcua.formatDecimal(a, c), 'formatDecimal');
      ownErrorsOnly(() => motcua.formatChange(a), 'formatChange');
      ownErrorsOnly(() => motcua.countLabel(a, b), 'countLabel');
      ownErrorsOnly(() => motcua.sampleCsv(a), 'sampleCsv');
    }),
    params,
  );
});

// A dossier row from any mix of valid and odd cells.
const cell = fc.oneof(
  fc.constantFrom('', '1', '2', '3', '4', '9', '10', 'STP', 'SYT', 'x', '-1', '99999999999999999999'),
  dateText,
  fc.string({ maxLength: 8 }),
);
const table = fc
  .array(fc.array(cell, { minLength: HEADER.length, maxLength: HEADER.length }), { maxLength: 30 })
  .map((rows) => [HEADER.join(','), ...rows.map((r, i) => [`H${i}`, ...r.slice(1)].map((v) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(','))].join('\n'));

test('reading and reporting any table keeps the counts whole', () => {
  const period = fc.constantFrom('2021-Q3', '2021', '2021-07', '2024-Q1', '9999-Q4', '0001');
  fc.assert(
    fc.property(table, period, fc.boolean(), (csv, p, strict) => {
      const ds = ownErrorsOnly(() => motcua.parseCsv(csv, { strict }), 'parseCsv');
      if (ds === undefined) return;
      const i = ds.input;
      assert.equal(i.rows, i.used + i.rejected + i.not_received);
      for (const e of i.errors) assert.ok(e.line >= 2 && e.line <= csv.split('\n').length, `line ${e.line}`);
      const r = ownErrorsOnly(() => motcua.report(ds, { period: p }), 'report');
      if (r !== undefined) {
        for (const t of [r.total, ...r.agencies]) {
          assert.equal(t.received + t.carried_over, t.resolved + t.closed_without_result + t.pending, JSON.stringify(t));
          assert.equal(t.resolved, t.resolved_early + t.resolved_on_time + t.resolved_late);
          assert.equal(t.pending, t.pending_within_due + t.pending_overdue);
        }
        const sum = (k) => r.agencies.reduce((s, a) => s + a[k], 0);
        assert.equal(sum('received'), r.total.received);
      }
      ownErrorsOnly(() => motcua.score(ds, { period: p }), 'score');
      ds.free();
    }),
    { ...params, numRuns: 100 },
  );
});

test('any value as a whole request is a result or the package\'s error', () => {
  fc.assert(
    fc.property(anything, anything, (input, opts) => {
      ownErrorsOnly(() => motcua.report(input, opts), 'report(any, any)');
      ownErrorsOnly(() => motcua.score(input, opts), 'score(any, any)');
      ownErrorsOnly(() => motcua.parseCsv(input, opts), 'parseCsv(any, any)');
      ownErrorsOnly(() => motcua.parseJson(input, opts), 'parseJson(any, any)');
      ownErrorsOnly(() => motcua.parseXlsx(input, opts), 'parseXlsx(any, any)');
      ownErrorsOnly(() => motcua.parseUnits(input), 'parseUnits(any)');
    }),
    params,
  );
});
