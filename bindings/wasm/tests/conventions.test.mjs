// npm conventions: `require` and `import` both work, the README's examples run as pasted in
// a fresh `npm init -y` project, errors are classes usable with `instanceof` while keeping
// their `name`, and the handles print as summaries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, symlinkSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import util from 'node:util';
import * as motcua from 'motcua';
import { root } from './fixtures.mjs';

const pkg = path.join(root, 'bindings/wasm/pkg');
const require = createRequire(import.meta.url);

// The seed document (Sóc Trăng, Q3/2021): 12.656 dossiers received, 95,49 % resolved.
const SEED_RECEIVED = 12656;

/** The fenced ```js blocks of the package's README, in order. */
function readmeBlocks() {
  const text = readFileSync(path.join(root, 'bindings/wasm/README.md'), 'utf8');
  return [...text.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** A fresh `npm init -y` project with the package installed (linked), removed after `f`. */
function inFreshProject(f) {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-npm-'));
  try {
    execFileSync('npm', ['init', '-y'], { cwd: dir, stdio: 'ignore' });
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(pkg, path.join(dir, 'node_modules/motcua'), 'dir');
    return f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the README example runs as pasted in a fresh CommonJS project', () => {
  const [first] = readmeBlocks();
  assert.match(first, /require\('motcua'\)/);
  const out = inFreshProject((dir) => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    assert.notEqual(manifest.type, 'module', 'npm init -y makes a CommonJS project');
    writeFileSync(path.join(dir, 'index.js'), first);
    return execFileSync('node', ['index.js'], { cwd: dir, encoding: 'utf8' });
  });
  assert.match(out, /^Dossiers \{/m, 'the handle prints as a summary');
  assert.doesNotMatch(out, /__wbg_ptr/);
  assert.match(out, new RegExp(`^${SEED_RECEIVED} 95,49 %$`, 'm'));
});

test('the README ES module example runs as pasted', () => {
  const [, second] = readmeBlocks();
  assert.match(second, /from 'motcua'/);
  const out = inFreshProject((dir) => {
    writeFileSync(path.join(dir, 'index.mjs'), second);
    return execFileSync('node', ['index.mjs'], { cwd: dir, encoding: 'utf8' });
  });
  assert.equal(out.trim(), '12.656');
});

test('require and import give the same answers', () => {
  const cjs = require('motcua');
  assert.equal(typeof cjs.report, 'function');
  const csv = motcua.sampleCsv();
  assert.deepEqual(cjs.report(csv, { period: '2021-Q3' }), motcua.report(csv, { period: '2021-Q3' }));
  assert.equal(cjs.version(), motcua.version());
  assert.deepEqual(Object.keys(cjs.ErrorKinds), Object.keys(motcua.ErrorKinds));
});

test('errors are instances of their kind and of MotcuaError, and keep their name', () => {
  const cases = [
    [() => motcua.report(motcua.sampleCsv(), { period: '2021-Q5' }), motcua.PeriodError, 'PeriodError'],
    [() => motcua.report(motcua.sampleCsv(), { perod: '2021-Q3' }), motcua.ArgumentError, 'ArgumentError'],
    [() => motcua.Calendar.fromToml('x = ['), motcua.CalendarError, 'CalendarError'],
    [() => motcua.parseCsv('a,b\n1,2\n'), motcua.HeaderError, 'HeaderError'],
    [
      () => motcua.parseCsv('MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,ThoiHanGiaiQuyet,TrangThaiHoSo\nH1,STP,9,2021-07-01,3,2\n', { strict: true }),
      motcua.StrictRowError,
      'RowError',
    ],
  ];
  for (const [f, C, name] of cases) {
    let caught;
    try {
      f();
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof C, `${name}: got ${caught?.constructor?.name}: ${caught?.message}`);
    assert.ok(caught instanceof motcua.MotcuaError, name);
    assert.ok(caught instanceof Error, name);
    assert.equal(caught.name, name);
    assert.equal(motcua.errors[name], C);
    assert.ok(String(caught).startsWith(`${name}: `), String(caught));
  }
  // the row error keeps its position
  try {
    motcua.parseCsv('MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,ThoiHanGiaiQuyet,TrangThaiHoSo\nH1,STP,1,2021-07-01,3,2\nH2,STP,9,2021-07-01,3,2\n', { strict: true });
    assert.fail('a strict bad row throws');
  } catch (e) {
    assert.ok(e instanceof motcua.StrictRowError);
    assert.equal(e.line, 3);
    assert.equal(e.column, 'KenhThucHien');
  }
  // a class for every kind of the library's table
  for (const k of motcua.errorKinds()) assert.equal(typeof motcua.errors[k.js], 'function', k.js);
});

test('handles print and serialise as summaries', () => {
  const ds = motcua.parseCsv(motcua.sampleCsv());
  const summary = JSON.parse(JSON.stringify(ds));
  assert.equal(summary.rows, summary.used + summary.rejected + summary.not_received);
  assert.equal(summary.length, ds.length);
  assert.equal(summary.agencies, ds.agencies.length);
  const shown = util.inspect(ds);
  assert.match(shown, /^Dossiers \{/);
  assert.match(shown, new RegExp(`rows: ${summary.rows}`));
  assert.match(util.inspect(motcua.Calendar.vn()), /^Calendar \{ name: 'vn'/);
  ds.free();
  assert.deepEqual(JSON.parse(JSON.stringify(ds)), { freed: true });
});

test('a worker gives the same answers off the main thread, which keeps running', async () => {
  const w = motcua.spawnWorker();
  try {
    const csv = motcua.sampleCsv();
    const [r, s] = await Promise.all([
      w.report(csv, { period: '2021-Q3' }),
      w.score(csv, { period: '2021-Q3', units: motcua.sampleUnitsCsv() }),
    ]);
    assert.deepEqual(r, motcua.report(csv, { period: '2021-Q3' }));
    assert.deepEqual(s, motcua.score(csv, { period: '2021-Q3', units: motcua.sampleUnitsCsv() }));
    assert.equal(r.total.received, SEED_RECEIVED);
    await assert.rejects(w.report(csv, { period: '2021-Q5' }), (e) => e instanceof motcua.PeriodError && e.name === 'PeriodError');
    await assert.rejects(w.report(csv, { perod: 'x' }), motcua.ArgumentError);
    // a big table: the main thread's timers fire while the worker counts
    const big = new TextEncoder().encode(motcua.sampleCsv('random:300000:7'));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const bigReport = await w.report(big, { period: '2021' });
    const took = performance.now() - started;
    clearInterval(timer);
    assert.equal(bigReport.input.rows, 300000);
    assert.ok(ticks >= Math.min(5, Math.floor(took / 20)), `${ticks} ticks in ${Math.round(took)} ms`);
  } finally {
    await w.terminate();
  }
});

test('a period with no dossier is warned: requestWarnings on the result and onWarning, off the JSON', async () => {
  const csv = motcua.sampleCsv();
  // the sample is received in 2021 (Q2 and Q3); a mistyped year has no dossier
  const seen = [];
  const r = motcua.report(csv, { period: '2012-Q3', onWarning: (w) => seen.push(w) });
  assert.equal(r.total.received, 0);
  assert.equal(r.requestWarnings.length, 1);
  const [w] = r.requestWarnings;
  assert.equal(w.kind, 'empty_period');
  assert.match(w.message, /^no dossier in the period 2012-Q3 \(2012-07-01\.\.2012-09-30\)/);
  assert.match(w.message_vi, /^không có hồ sơ nào trong kỳ 2012-Q3 \(01\/07\/2012 – 30\/09\/2012\)/);
  assert.match(w.message, /received from 2021-/);
  assert.deepEqual(seen, [w]);
  // the JSON stays the contract's: the same keys as with no warning at all
  assert.ok(!Object.keys(r).includes('requestWarnings'));
  assert.ok(!JSON.stringify(r).includes('requestWarnings'));
  const ok = motcua.report(csv, { period: '2021-Q3' });
  assert.deepEqual(Object.keys(r).sort(), Object.keys(ok).sort());
  assert.deepEqual(ok.requestWarnings, []);
  // the same from score (whose own warnings stay in its JSON), and from dossiers already read
  const s = motcua.score(csv, { period: '2012-Q3', units: motcua.sampleUnitsCsv() });
  assert.deepEqual(s.requestWarnings.map((x) => x.kind), ['empty_period']);
  assert.ok(Array.isArray(s.warnings));
  const ds = motcua.parseCsv(csv);
  assert.deepEqual(motcua.report(ds, { period: '2012-Q3' }).requestWarnings, [w]);
  ds.free();
  assert.throws(() => motcua.report(csv, { period: '2012-Q3', onWarning: 'log' }), motcua.ArgumentError);
  assert.throws(() => motcua.list(csv, { period: '2012-Q3', count: 'pending', onWarning: () => {} }), motcua.ArgumentError);
  // through a worker: the warnings cross with the answer, the callback runs on this thread
  const worker = motcua.spawnWorker();
  try {
    const fromWorker = [];
    const wr = await worker.report(csv, { period: '2012-Q3', onWarning: (x) => fromWorker.push(x) });
    assert.deepEqual(wr, r);
    assert.deepEqual(wr.requestWarnings, [w]);
    assert.deepEqual(fromWorker, [w]);
  } finally {
    await worker.terminate();
  }
});
