// The npm package's worker helper in headless Chromium: `spawnWorker()` from `web.js` starts a
// module worker on the package's `worker.js`, which loads the WebAssembly next to it; its
// answers equal the page's own, errors come back as the package's classes, warnings cross
// with the answer, and the page's timers keep firing while the worker counts a big table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import { root } from '../../../bindings/wasm/tests/fixtures.mjs';

let server;
let browser;

before(async () => {
  server = await serve(root);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('spawnWorker() in a browser: the same report as the page, errors as classes, warnings, a page that keeps running', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // a failed load is named by its response (the browser asks for /favicon.ico by itself)
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`${r.status()}: ${r.url()}`));
  // any page of the server's origin: the package is imported from it
  await page.goto(`${server.url}/bindings/wasm/pkg/package.json`);
  const got = await page.evaluate(async () => {
    const m = await import('/bindings/wasm/pkg/web.js');
    await m.default();
    const csv = m.sampleCsv();
    const w = m.spawnWorker();
    try {
      const seen = [];
      const [q3, empty] = await Promise.all([
        w.report(csv, { period: '2021-Q3' }),
        w.report(csv, { period: '2012-Q3', onWarning: (x) => seen.push(x.kind) }),
      ]);
      const direct = m.report(csv, { period: '2021-Q3' });
      const grades = await w.score(csv, { period: '2021-Q3', units: m.sampleUnitsCsv() });
      let error;
      try {
        await w.report(csv, { period: '2021-Q5' });
      } catch (e) {
        error = { name: e.name, isClass: e instanceof m.PeriodError, isBase: e instanceof m.MotcuaError };
      }
      const big = new TextEncoder().encode(m.sampleCsv('random:200000:7'));
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      const started = performance.now();
      const bigReport = await w.report(big, { period: '2021' });
      const took = performance.now() - started;
      clearInterval(timer);
      return {
        same: JSON.stringify(q3) === JSON.stringify(direct),
        received: q3.total.received,
        resolved: q3.total.resolved,
        seen,
        warnings: empty.requestWarnings.map((x) => x.kind),
        excellent: grades.agencies.filter((a) => a.band === 'Xuất sắc').length,
        agencies: grades.agencies.length,
        error,
        bigRows: bigReport.input.rows,
        ticks,
        took,
      };
    } finally {
      await w.terminate();
    }
  });
  assert.deepEqual(problems, []);
  assert.equal(got.same, true);
  // the seed's figures (Sóc Trăng, Q3/2021): 12.656 received, 12.085 resolved, 17/17 Xuất sắc
  assert.equal(got.received, 12656);
  assert.equal(got.resolved, 12085);
  assert.equal(got.agencies, 17);
  assert.equal(got.excellent, 17);
  assert.deepEqual(got.seen, ['empty_period']);
  assert.deepEqual(got.warnings, ['empty_period']);
  assert.deepEqual(got.error, { name: 'PeriodError', isClass: true, isBase: true });
  assert.equal(got.bigRows, 200000);
  assert.ok(got.ticks >= Math.min(5, Math.floor(got.took / 20)), `${got.ticks} ticks in ${Math.round(got.took)} ms`);
  await page.close();
});
