// The one-file build (dist/motcua-dashboard.html, made by build.sh) copied alone into a
// folder and opened from there (file://) in headless Chromium, with every network request
// refused: the sample's figures as the seed report gives them, and a file of the user's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';

import { act, launch, openPage } from './browser.mjs';
import { root, HEADER, toCsv } from '../../../bindings/wasm/tests/fixtures.mjs';

const built = path.join(root, 'examples/dashboard/dist/motcua-dashboard.html');
let browser;
let context;
let url;
const requests = [];

before(async () => {
  assert.ok(existsSync(built), `${built} is missing: run bash examples/dashboard/build.sh`);
  const folder = mkdtempSync(path.join(tmpdir(), 'motcua-usb-'));
  const file = path.join(folder, 'motcua-dashboard.html');
  copyFileSync(built, file);
  assert.deepEqual(readdirSync(folder), ['motcua-dashboard.html']);
  url = pathToFileURL(file).href;
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  // no network: every request fails but for files (which are then listed as foreign below)
  await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort('internetdisconnected')));
  context.on('request', (r) => requests.push(r.url()));
});

after(async () => {
  await context?.close();
  await browser?.close();
});

const foreign = () => requests.filter((u) => u !== url && !u.startsWith('blob:') && !u.startsWith('data:'));

test('opened from a folder (file://), with no server and no network, it shows the sample\'s figures', async () => {
  const { page, problems } = await openPage(context, url);
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'idle', problems.join('\n'));
  assert.equal(await page.evaluate(() => location.protocol), 'file:');
  assert.deepEqual(await page.$$eval('[src], link[href]', (e) => e.map((x) => x.getAttribute('src') ?? x.getAttribute('href')).filter((v) => !v.startsWith('data:'))), [], 'nothing loaded from elsewhere');
  assert.equal(await act(page, () => page.click('#sample')), 'done');
  // the seed report (Sóc Trăng, quý III/2021)
  const kpis = await page.$eval('#kpis', (k) => k.innerText);
  for (const figure of [/12\.656/, /95,49 %/, /12\.085 \/ 12\.656/, /99,98 %/, /73,02 %/, /8\.694 trực tuyến \/ 11\.906/, /609 ý kiến đánh giá/, /22\.758/]) assert.match(kpis, figure);
  assert.match(await page.$eval('#headline', (h) => h.innerText), /17\/17 đơn vị Xuất sắc/);
  assert.equal(await page.$$eval('#agency-table tbody tr', (r) => r.length), 17);
  assert.match(await page.$eval('#announcement', (t) => t.textContent), /Trong quý III năm 2021/);
  assert.equal(await page.$$eval('canvas', (c) => c.filter((x) => x.width > 0).length), 4);
  // the trend and the drill-down, from file:// too (the list reads the sample again)
  assert.equal(JSON.parse(await page.$eval('#chart-trend', (c) => c.dataset.values)).labels.length, 12);
  assert.equal(await act(page, () => page.click('#agency-table tbody tr:first-child')), 'done');
  assert.equal(await page.$eval('#drill', (d) => d.hidden), false);
  assert.deepEqual(foreign(), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('from file://, a CSV of the user\'s is read in the worker and counted', async () => {
  const { page, problems } = await openPage(context, url);
  // by hand: 3 received in July, 2 online; 2 resolved (1 early, 1 late); 1 pending
  const rows = [
    ['X1', '', 'STP', '2', '', '2021-07-01 09:00', '2021-07-09', '', '2021-07-05', '', '10', '', '', '', '', ''],
    ['X2', '', 'STP', '1', '', '2021-07-02 09:00', '2021-07-06', '', '2021-07-08', '', '10', '', '', '', '', ''],
    ['X3', '', 'SYT', '2', '', '2021-07-05 09:00', '2021-07-30', '', '', '', '4', '', '', '', '', ''],
  ];
  assert.equal(await act(page, () => page.setInputFiles('#file', { name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(HEADER, rows)) })), 'done');
  assert.equal(await page.$eval('#kpis .kpi[data-kpi="kpiReceived"] .value', (v) => v.textContent), '3');
  assert.match(await page.$eval('#kpis .kpi[data-kpi="kpiResolution"]', (v) => v.innerText), /2 \/ 3/);
  assert.match(await page.$eval('#kpis .kpi[data-kpi="kpiOnTime"]', (v) => v.innerText), /50 %/);
  assert.match(await page.$eval('#source', (s) => s.textContent), /mine\.csv — 3 dòng = 3 dùng/);
  assert.deepEqual(foreign(), []);
  assert.deepEqual(problems, []);
  await page.close();
});
