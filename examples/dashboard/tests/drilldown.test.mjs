// The trend, the breakdown and the drill-down, in headless Chromium: the sample's months
// and quarters, procedures and channels against the seed report, and from an agency of the
// table to its overdue and late dossiers, with their codes, the working days late and the
// CSV download. A screenshot is saved to target/artifacts/dashboard-drill.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { serve } from './server.mjs';
import { act, launch, openPage } from './browser.mjs';
import { root } from '../../../bindings/wasm/tests/fixtures.mjs';

const artifacts = path.join(root, 'target/artifacts');
mkdirSync(artifacts, { recursive: true });

let server;
let browser;
let context;

before(async () => {
  server = await serve(root);
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
});

after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function sample() {
  const { page, problems } = await openPage(context, `${server.url}/examples/dashboard/`);
  assert.equal(await act(page, () => page.click('#sample')), 'done');
  return { page, problems };
}

const values = async (page) => JSON.parse(await page.$eval('#chart-trend', (c) => c.dataset.values));

test('the trend: the months and quarters of 2021, adding up to the seed\'s quarters', async () => {
  const { page, problems } = await sample();
  let v = await values(page);
  assert.deepEqual(v.labels, Array.from({ length: 12 }, (_, i) => `T${i + 1}/2021`));
  const received = v.datasets.find((d) => d.label === 'Tiếp nhận').data;
  const sum = (a) => a.reduce((x, y) => x + y, 0);
  // the seed: 12.656 received in quarter III, 22.758 in quarter II
  assert.equal(sum(received.slice(6, 9)), 12656);
  assert.equal(sum(received.slice(3, 6)), 22758);
  assert.ok(v.datasets.some((d) => d.label === 'Tỷ lệ trước và đúng hạn'));
  assert.match(await page.$eval('#trend-caption', (c) => c.textContent), /Năm 2021/);
  for (const l of JSON.parse(await page.$eval('#chart-trend', (c) => c.dataset.ticks)).y) assert.match(l, /^\d{1,3}(\.\d{3})*$/);
  assert.equal(await act(page, () => page.selectOption('#trend-every', 'quarter')), 'done');
  v = await values(page);
  assert.deepEqual(v.labels, ['Quý 1/2021', 'Quý 2/2021', 'Quý 3/2021', 'Quý 4/2021']);
  assert.deepEqual(v.datasets.find((d) => d.label === 'Tiếp nhận').data.slice(1, 3), [22758, 12656]);
  assert.equal(await page.$eval('#trend-title', (c) => c.textContent), 'Diễn biến theo quý');
  assert.deepEqual(problems, []);
  await page.close();
});

const breakdownRows = (page) => page.$$eval('#breakdown-table tbody tr', (rows) => rows.map((r) => ({
  group: r.dataset.group, name: r.children[0].textContent, received: Number(r.children[1].textContent.replaceAll('.', '')),
})));

test('the breakdown by procedure and by channel adds up to the seed\'s figures', async () => {
  const { page, problems } = await sample();
  assert.equal(await page.$eval('#breakdown-by', (s) => s.value), 'procedure');
  let rows = await breakdownRows(page);
  assert.ok(rows.length > 17, `${rows.length} procedures`);
  // the seed: 12.656 received in quarter III
  assert.equal(rows.reduce((x, r) => x + r.received, 0), 12656);
  assert.match(await page.$eval('#breakdown-table tfoot', (f) => f.innerText), /Tổng cộng\s+12\.656/);
  const received = rows.map((r) => r.received);
  assert.deepEqual(received, [...received].sort((a, b) => b - a), 'most dossiers first');
  assert.equal(await act(page, () => page.selectOption('#breakdown-by', 'channel')), 'done');
  rows = await breakdownRows(page);
  assert.deepEqual(rows.map((r) => r.group).sort(), ['in_person', 'online', 'postal']);
  // the seed: 8.694 online of 12.656
  assert.equal(rows.find((r) => r.group === 'online').received, 8694);
  assert.equal(rows.find((r) => r.group === 'online').name, 'Trực tuyến');
  assert.equal(rows.filter((r) => r.group !== 'online').reduce((x, r) => x + r.received, 0), 12656 - 8694);
  assert.equal(await page.$eval('#breakdown-table thead th', (h) => h.textContent), 'Kênh tiếp nhận');
  // a channel whose resolved dossiers (carried over included) outnumber its receipts gets the note
  const rates = await page.$$eval('#breakdown-table tbody tr', (r) => r.map((x) => x.children[6].textContent));
  const over = rates.some((r) => Number(r.replace(/[ %]/g, '').replace(',', '.')) > 100);
  assert.equal(/kỳ trước chuyển qua/.test(await page.$eval('#breakdown-summary', (x) => x.textContent)), over, rates.join(' '));
  assert.deepEqual(problems, []);
  await page.close();
});

/** The agency table's cells of one column, by agency. */
function column(page, key) {
  return page.$$eval('#agency-table tbody tr', (rows, k) => {
    const i = [...document.querySelectorAll('#agency-table thead th')].findIndex((h) => h.dataset.key === k);
    return Object.fromEntries(rows.map((r) => [r.dataset.agency, Number(r.children[i].textContent.replaceAll('.', ''))]));
  }, key);
}

const listed = (page) => page.$$eval('#drill-table tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));

/** Working days in (from, to]: weekdays but the 2021 national-day closure (2–3 September). */
function workingDaysAfter(from, to) {
  let n = 0;
  for (let d = new Date(`${from}T00:00:00Z`); ;) {
    d = new Date(d.getTime() + 86400000);
    const iso = d.toISOString().slice(0, 10);
    if (iso > to) return n;
    if (d.getUTCDay() % 6 !== 0 && iso !== '2021-09-02' && iso !== '2021-09-03') n += 1;
  }
}

const isoOf = (vi) => vi.replace(/^(\d\d)\/(\d\d)\/(\d{4}).*$/, '$3-$2-$1');

test('drill-down: a click on an agency lists its overdue dossiers with their codes; the late ones; CSV', async () => {
  const { page, problems } = await sample();
  const late = await column(page, 'resolved_late');
  const overdue = await column(page, 'pending_overdue');
  // the seed: 12.085 resolved, 12.083 of them early or on time, so 2 late
  assert.equal(Object.values(late).reduce((x, y) => x + y, 0), 2);
  const agency = Object.keys(overdue).find((a) => overdue[a] > 0 && late[a] > 0) ?? Object.keys(overdue).find((a) => overdue[a] > 0);
  assert.ok(agency, 'an agency with overdue dossiers');
  assert.equal(await act(page, () => page.click(`#agency-table tbody tr[data-agency="${agency}"]`)), 'done');
  assert.match(await page.$eval('#drill-title', (h) => h.textContent), new RegExp(`Hồ sơ của ${agency}`));
  assert.equal(await page.$eval('#drill-count', (s) => s.value), 'pending_overdue');
  let rows = await listed(page);
  assert.equal(rows.length, overdue[agency], 'as many as the table counts');
  const heads = await page.$$eval('#drill-table thead th', (t) => t.map((x) => x.textContent));
  const col = (name) => heads.indexOf(name);
  const codes = rows.map((r) => r[col('Mã hồ sơ')]);
  assert.ok(codes.every((c) => c.length > 0));
  assert.equal(new Set(codes).size, codes.length);
  assert.deepEqual(codes, [...codes].sort(), 'sorted by code');
  // pending overdue at the end of the quarter: due before 30/09/2021, not closed by then
  for (const r of rows) {
    assert.ok(isoOf(r[col('Ngày hẹn trả')]) < '2021-09-30', r.join(' | '));
    assert.ok(r[col('Ngày kết thúc')] === '' || isoOf(r[col('Ngày kết thúc')]) > '2021-09-30', r.join(' | '));
    assert.ok(Number(r[col('Số ngày làm việc trễ')].replaceAll('.', '')) >= 1);
  }
  await page.screenshot({ path: path.join(artifacts, 'dashboard-drill.png'), fullPage: false });

  // the late ones of every agency that has some: closed after the due date, the working days between
  let total = 0;
  for (const a of Object.keys(late).filter((x) => late[x] > 0)) {
    if (a !== agency) assert.equal(await act(page, () => page.click(`#agency-table tbody tr[data-agency="${a}"]`)), 'done');
    if ((await page.$eval('#drill-count', (s) => s.value)) !== 'resolved_late') assert.equal(await act(page, () => page.selectOption('#drill-count', 'resolved_late')), 'done');
    rows = await listed(page);
    assert.equal(rows.length, late[a]);
    for (const r of rows) {
      const [due, closed] = [isoOf(r[col('Ngày hẹn trả')]), isoOf(r[col('Ngày kết thúc')])];
      assert.ok(closed > due && closed >= '2021-07-01' && closed <= '2021-09-30', r.join(' | '));
      assert.equal(Number(r[col('Số ngày làm việc trễ')]), workingDaysAfter(due, closed), r.join(' | '));
      assert.match(r[col('Trạng thái')], /^(9|10) — /);
    }
    total += rows.length;
  }
  assert.equal(total, 2);

  // the whole list as CSV with a byte order mark, for Excel
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#drill-download')]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeffMã hồ sơ,'), csv.slice(0, 40));
  assert.equal(csv.trim().split('\r\n').length, rows.length + 1);
  assert.ok(rows.every((r) => csv.includes(r[col('Mã hồ sơ')])));
  // another period keeps the drill-down open and lists that period's dossiers
  assert.equal(await act(page, () => page.selectOption('#period', '2021-Q2')), 'done');
  const q2 = await column(page, 'resolved_late');
  const last = await page.$eval('#drill-title', (h) => h.textContent.match(/của (\S+)/)[1]);
  assert.equal((await listed(page)).length, q2[last]);
  await page.click('#drill-close');
  assert.equal(await page.$eval('#drill', (d) => d.hidden), true);
  assert.deepEqual(problems, []);
  await page.close();
});
