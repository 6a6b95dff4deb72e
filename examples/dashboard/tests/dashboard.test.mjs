// The dashboard in headless Chromium (Debian's, driven by playwright-core): the sample's
// figures, sorting, language, hostile agency codes shown as text, bad files, Excel by drag
// and drop, the copy button, a 1-million-row file read whole with progress (its time is
// written to target/artifacts, measured in benchmarks, not asserted here); a full-page screenshot is
// saved to target/artifacts/dashboard.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, existsSync, writeFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { serve } from './server.mjs';
import { act, done, launch, openPage as openAt } from './browser.mjs';
import { root, cli, HEADER, randomRows, toCsv, xlsx } from '../../../bindings/wasm/tests/fixtures.mjs';

export { CHROMIUM, CHROMIUM_ARGS } from './browser.mjs';
const artifacts = path.join(root, 'target/artifacts');
const work = path.join(tmpdir(), 'motcua-dashboard-tests');
mkdirSync(artifacts, { recursive: true });
mkdirSync(work, { recursive: true });

let server;
let browser;
let context;

before(async () => {
  server = await serve(root);
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
});

after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

const openPage = () => openAt(context, `${server.url}/examples/dashboard/`);

async function kpiTexts(page) {
  return page.$$eval('#kpis .kpi', (cards) => Object.fromEntries(cards.map((c) => [c.dataset.kpi, c.innerText])));
}

test('the sample shows the Sóc Trăng Q3/2021 figures, grades, form and announcement', async () => {
  const { page, problems } = await openPage();
  assert.equal(await act(page, () => page.click('#sample')), 'done');
  const k = await kpiTexts(page);
  assert.match(k.kpiReceived, /12\.656/);
  assert.match(k.kpiReceived, /Trực tuyến 8\.694/);
  assert.match(k.kpiReceived, /-10\.102/, 'the change against Q2');
  assert.match(k.kpiReceived, /22\.758/);
  assert.match(k.kpiResolution, /95,49 %/);
  assert.match(k.kpiResolution, /12\.085 \/ 12\.656/);
  assert.match(k.kpiOnTime, /99,98 %/);
  assert.match(k.kpiOnline, /73,02 %/);
  assert.match(k.kpiOnline, /8\.694 trực tuyến \/ 11\.906/);
  assert.match(k.kpiSatisfaction, /100 %/);
  assert.match(k.kpiSatisfaction, /609 ý kiến đánh giá/);
  assert.equal(await page.$eval('#period', (s) => s.value), '2021-Q3');
  assert.equal(await page.$$eval('#agency-table tbody tr', (r) => r.length), 17);
  assert.match(await page.$eval('#agency-table tfoot', (f) => f.innerText), /12\.656/);
  const bands = await page.$$eval('#grades tbody tr .band', (b) => b.map((x) => x.textContent));
  assert.equal(bands.length, 17);
  assert.ok(bands.every((b) => b === 'Xuất sắc'), bands.join(','));
  assert.match(await page.$eval('#form06a', (t) => t.innerText), /Tổng cộng/);
  assert.match(await page.$eval('#form-head', (t) => t.innerText), /Quý III năm 2021/);
  assert.match(await page.$eval('#announcement', (t) => t.textContent), /Trong quý III năm 2021/);
  assert.match(await page.$eval('#announcement', (t) => t.textContent), /12\.656/);
  assert.match(await page.$eval('#announcement', (t) => t.textContent), /17\/17 đơn vị .* Xuất sắc/);
  assert.equal(await page.$$eval('canvas', (c) => c.filter((x) => x.width > 0).length), 4, 'four charts: the trend, resolution, channels, scores');
  await page.screenshot({ path: path.join(artifacts, 'dashboard.png'), fullPage: true });
  // sorting by a column, both ways
  await page.click('#agency-table th[data-key="received"]');
  const desc = await page.$$eval('#agency-table tbody tr', (rows) => rows.map((r) => Number(r.children[2].textContent.replaceAll('.', ''))));
  assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
  await page.click('#agency-table th[data-key="received"]');
  const asc = await page.$$eval('#agency-table tbody tr', (rows) => rows.map((r) => Number(r.children[2].textContent.replaceAll('.', ''))));
  assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
  // another period: Q2 is computed again without reading the file
  assert.equal(await act(page, () => page.selectOption('#period', '2021-Q2')), 'done');
  await page.waitForFunction(() => document.querySelector('#kpis').innerText.includes('22.758'));
  // copy the announcement
  await page.click('#copy');
  await page.waitForFunction(() => document.querySelector('#copy-status').textContent.length > 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('language switch: English labels and numbers, then back to Vietnamese', async () => {
  const { page, problems } = await openPage();
  assert.equal(await act(page, () => page.click('#sample')), 'done');
  await page.click('#lang-en');
  const k = await kpiTexts(page);
  assert.match(k.kpiReceived, /Dossiers received/);
  assert.match(k.kpiReceived, /12,656/);
  assert.match(k.kpiResolution, /95\.49%/);
  assert.match(k.kpiOnline, /73\.02%/);
  assert.match(k.kpiSatisfaction, /609 ratings/);
  assert.equal(await page.$eval('html', (h) => h.lang), 'en');
  assert.match(await page.$eval('h1', (h) => h.textContent), /Public Administration Service Center/);
  assert.match(await page.$eval('#announcement', (t) => t.textContent), /Q3 2021/);
  assert.match(await page.$eval('#agency-table thead', (t) => t.innerText), /Received/);
  assert.match(await page.$eval('#grades', (t) => t.innerText), /Excellent|Outstanding/i);
  await page.screenshot({ path: path.join(artifacts, 'dashboard-en.png'), fullPage: false });
  await page.click('#lang-vi');
  assert.match((await kpiTexts(page)).kpiReceived, /Hồ sơ tiếp nhận/);
  assert.deepEqual(problems, []);
  await page.close();
});

const EVIL_AGENCY = '<img src=x onerror="window.__xss=1">';
const EVIL_CODE = '<script>window.__xss=2</script>';

test('agency codes and names with HTML and script are shown as text, and nothing runs', async () => {
  const rows = [
    ['E1', '', EVIL_AGENCY, '2', '4', '2021-07-01 09:00', '2021-07-05', '', '2021-07-02', '', '10', '', '3', '<b onmouseover=alert(1)>CB</b>', '', ''],
    ['E2', '', '"><svg onload=window.__xss=3>', '1', '', '2021-07-02 09:00', '', '3', '', '', '4', '', '', '', '', ''],
    [EVIL_CODE, '', 'STP', '7', '', '2021-07-02 09:00', '', '3', '', '', '4', '', '', '', '', ''],
  ];
  const { page, problems } = await openPage();
  assert.equal(await act(page, () => page.setInputFiles('#file', { name: 'evil.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(HEADER, rows)) })), 'done');
  const cells = await page.$$eval('#agency-table tbody tr td:first-child', (t) => t.map((x) => x.textContent));
  assert.ok(cells.includes(EVIL_AGENCY), cells.join(' | '));
  assert.ok(cells.includes('"><svg onload=window.__xss=3>'));
  assert.match(await page.$eval('#rejected', (t) => t.textContent), /unknown channel '7'/);
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no script ran');
  assert.equal(await page.$$eval('main img, main svg, main script, main b', (x) => x.length), 0, 'no element made from the data');
  await page.hover('#agency-table tbody tr td');
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a file with bad rows lists them with their lines; a file that is not a table shows the error', async () => {
  const rows = randomRows(400, 21, { bad: false });
  rows[4][3] = '9';
  rows[9][5] = '2021-02-30';
  rows[19][10] = 'done';
  const { page, problems } = await openPage();
  assert.equal(await act(page, () => page.setInputFiles('#file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(HEADER, rows)) })), 'done');
  const listed = await page.$$eval('#rejected tbody tr', (r) => r.map((x) => [...x.children].map((c) => c.textContent)));
  assert.deepEqual(listed.map((r) => [r[0], r[1]]), [['6', 'KenhThucHien'], ['11', 'NgayTiepNhan'], ['21', 'TrangThaiHoSo']]);
  assert.match(await page.$eval('#rejected-summary', (s) => s.textContent), /3 \/ 3/);
  assert.match(await page.$eval('#source', (s) => s.textContent), /400 dòng = \d+ dùng \+ 3 bị loại/);
  assert.equal(await act(page, () => page.setInputFiles('#file', { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('Họ tên,Ghi chú\nAn,xin chào\n') })), 'error');
  const msg = await page.$eval('#error', (e) => (e.hidden ? '' : e.innerText));
  assert.match(msg, /HeaderError/);
  assert.match(msg, /MaHoSo/);
  assert.equal(await act(page, () => page.setInputFiles('#file', { name: 'latin1.csv', mimeType: 'text/csv', buffer: Buffer.concat([Buffer.from(HEADER.join(',') + '\nA1,,S'), Buffer.from([0xd4]), Buffer.from('P,2,,2021-07-01,2021-07-02,,,,4,,,,,,\n')]) })), 'error');
  assert.match(await page.$eval('#error', (e) => e.innerText), /EncodingError.*dòng 2, cột DonViXuLy/s);
  await page.click('#lang-en');
  assert.match(await page.$eval('#error', (e) => e.innerText), /line 2, column DonViXuLy/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an Excel workbook dropped on the page', async () => {
  const rows = randomRows(300, 4);
  const book = Buffer.from(xlsx([HEADER, ...rows]));
  const { page, problems } = await openPage();
  await page.evaluate((bytes) => {
    const file = new File([new Uint8Array(bytes)], 'dossiers.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const dt = new DataTransfer();
    dt.items.add(file);
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
    document.body.dataset.state = 'waiting';
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
  }, [...book]);
  assert.equal(await done(page), 'done');
  assert.match(await page.$eval('#source', (s) => s.textContent), /dossiers\.xlsx — 300 dòng/);
  assert.ok((await page.$$eval('#agency-table tbody tr', (r) => r.length)) > 5);
  assert.deepEqual(problems, []);
  await page.close();
});

test('another period, range, rulebook and units file are computed again without reading the file', async () => {
  const { page, problems } = await openPage();
  assert.equal(await act(page, () => page.click('#sample')), 'done');
  await page.fill('#custom-period', '2021-07-05..2021-07-20');
  assert.equal(await act(page, () => page.press('#custom-period', 'Enter')), 'done');
  assert.doesNotMatch(await page.$eval('#kpis', (t) => t.innerText), /12\.656/);
  assert.match(await page.$eval('#form-head', (t) => t.innerText), /05\/07\/2021 đến ngày 20\/07\/2021/);
  assert.match(await page.$eval('#kpis', (t) => t.innerText), /không có kỳ trước/);
  await page.fill('#custom-period', '');
  assert.equal(await act(page, () => page.selectOption('#period', '2021-Q3')), 'done');
  assert.match(await page.$eval('#kpis', (t) => t.innerText), /12\.656/);
  assert.equal(await act(page, () => page.selectOption('#rulebook', 'circular-01-2018')), 'done');
  assert.match(await page.$eval('#rulebook-line', (t) => t.innerText), /01\/2018/);
  assert.equal(await act(page, () => page.setInputFiles('#units-file', { name: 'units.csv', mimeType: 'text/csv', buffer: Buffer.from('DonViXuLy,CongKhai\nSTP,7\n') })), 'error');
  assert.match(await page.$eval('#error', (e) => e.innerText), /UnitsError.*dòng 2, cột CongKhai/s);
  assert.equal(await act(page, () => page.setInputFiles('#units-file', { name: 'units.csv', mimeType: 'text/csv', buffer: Buffer.from('DonViXuLy,TenDonVi,CongKhai\nSTP,Sở Tư pháp (tệp của tôi),0\n') })), 'done');
  assert.match(await page.$eval('#grades', (t) => t.innerText), /Sở Tư pháp \(tệp của tôi\)/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the package itself loads in the browser as an ES module, without a bundler', async () => {
  const { page, problems } = await openPage();
  const out = await page.evaluate(async () => {
    const m = await import('/bindings/wasm/pkg/web.js');
    const before = m.isReady();
    let notReady = null;
    if (!before) {
      try {
        m.parseCsv('');
      } catch (e) {
        notReady = e.name;
      }
    }
    await m.default();
    const ds = m.parseCsv(m.sampleCsv());
    const r = m.report(ds, { period: '2021-Q3' });
    let strict = null;
    try {
      m.parseCsv('MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,TrangThaiHoSo\nA,X,9,2021-07-01,2021-07-02,4\n', { strict: true });
    } catch (e) {
      strict = { name: e.name, line: e.line, column: e.column, isError: e instanceof Error };
    }
    return {
      before, notReady, received: r.total.received,
      rate: m.formatPercent(r.total.rates.resolution_rate.numerator, r.total.rates.resolution_rate.denominator),
      strict,
    };
  });
  assert.deepEqual(out, {
    before: false, notReady: 'NotReadyError', received: 12656, rate: '95,49 %',
    strict: { name: 'RowError', line: 2, column: 'KenhThucHien', isError: true },
  });
  assert.deepEqual(problems, []);
  await page.close();
});

/** A 1-million-row CSV: the CLI's generator when it has one, else the tests' own. */
export function millionRowFile() {
  const file = path.join(work, 'million.csv');
  if (existsSync(file) && statSync(file).size > 50e6) return file;
  if (existsSync(cli) && spawnSync(cli, ['generate', '--help']).status === 0) {
    execFileSync(cli, ['generate', '--rows', '1000000', '--seed', '1', '--output', file]);
    return file;
  }
  const fd = openSync(file, 'w');
  writeSync(fd, HEADER.join(',') + '\n');
  for (let i = 0; i < 20; i++) writeSync(fd, toCsv(HEADER, randomRows(50000, 100 + i)).split('\n').slice(1).join('\n'));
  closeSync(fd);
  return file;
}

test('a 1-million-row CSV: read whole in the worker with progress shown, the page staying usable', async () => {
  const file = millionRowFile();
  const { page, problems } = await openPage();
  const sawProgress = page.waitForFunction(
    () => !document.getElementById('progress-box').hidden && document.getElementById('progress').value > 0.15,
    null,
    { polling: 'raf', timeout: 60000 },
  );
  const t0 = Date.now();
  assert.equal(await act(page, () => page.setInputFiles('#file', file), 120000), 'done');
  await sawProgress;
  const wall = Date.now() - t0;
  const ms = Number(await page.evaluate(() => document.body.dataset.ms));
  const source = await page.$eval('#source', (s) => s.textContent);
  console.log(`1M rows (${(statSync(file).size / 1e6).toFixed(0)} MB): ${ms} ms in the page, ${wall} ms from choosing the file (${source})`);
  writeFileSync(path.join(artifacts, 'dashboard-1m.txt'), `${ms} ms in the page, ${wall} ms wall; ${source}\n`);
  assert.match(source, /1\.000\.000 dòng/);
  assert.deepEqual(problems, []);
  await page.close();
});
