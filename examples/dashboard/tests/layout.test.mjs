// The dashboard for the center's staff, in headless Chromium: a phone (390 × 844) and a
// laptop (1366 × 900) without sideways scrolling, the first figure above the fold on the
// phone, the printed page (A4 landscape, no controls, whole tables), the grading headline,
// distinct headings, Vietnamese numbers on the charts, and the note on rates above 100 %.
// Screenshots and the printed PDF are saved to target/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { serve } from './server.mjs';
import { act, launch, openPage, overflow } from './browser.mjs';
import { root, HEADER, toCsv } from '../../../bindings/wasm/tests/fixtures.mjs';

const artifacts = path.join(root, 'target/artifacts');
mkdirSync(artifacts, { recursive: true });

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

async function dashboard(viewport) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const { page, problems } = await openPage(context, `${server.url}/examples/dashboard/`);
  return { context, page, problems };
}

/** The right edges of the page's visible elements that stick out of the viewport, outside a scroll box. */
function outside(page) {
  return page.evaluate(() => {
    const out = [];
    for (const e of document.querySelectorAll('body *')) {
      if (e.closest('.scroll') && !e.classList.contains('scroll')) continue;
      const r = e.getBoundingClientRect();
      if (r.width > 0 && r.right > window.innerWidth + 0.5) out.push(`${e.tagName.toLowerCase()}#${e.id}.${e.className} right ${Math.round(r.right)}`);
    }
    return out;
  });
}

for (const viewport of [{ width: 390, height: 844 }, { width: 1366, height: 900 }]) {
  test(`at ${viewport.width} × ${viewport.height} the page never scrolls sideways; wide tables scroll in their boxes`, async () => {
    const { context, page, problems } = await dashboard(viewport);
    // before any data: the controls, the rulebook select with its long names among them
    let o = await overflow(page);
    assert.ok(o.scrollWidth <= o.innerWidth, `idle: ${JSON.stringify(o)}`);
    assert.deepEqual(await outside(page), []);
    const select = await page.$eval('#rulebook', (s) => ({ right: s.getBoundingClientRect().right, options: s.options.length }));
    assert.ok(select.options >= 2, 'the rulebooks are listed');
    assert.ok(select.right <= viewport.width, `the rulebook select ends at ${select.right}`);

    assert.equal(await act(page, () => page.click('#sample')), 'done');
    o = await overflow(page);
    assert.ok(o.scrollWidth <= o.innerWidth, `with the sample: ${JSON.stringify(o)}`);
    assert.deepEqual(await outside(page), []);
    const boxes = await page.$$eval('.scroll', (s) => s.filter((b) => b.offsetParent).map((b) => ({ id: b.firstElementChild?.id, width: b.getBoundingClientRect().right, scroll: b.scrollWidth, client: b.clientWidth })));
    assert.ok(boxes.length >= 3);
    for (const b of boxes) assert.ok(b.width <= viewport.width, `${b.id} box ends at ${b.width}`);
    if (viewport.width === 390) {
      // 15 columns cannot fit in 390 px: the table scrolls inside its box, the page does not.
      const agencies = boxes.find((b) => b.id === 'agency-table');
      assert.ok(agencies.scroll > agencies.client, JSON.stringify(agencies));
      // the first figures (the headline's and the first card's) are above the fold
      const bottoms = await page.evaluate(() => [document.querySelector('#headline .value'), document.querySelector('#kpis .kpi .value')].map((e) => e.getBoundingClientRect().bottom));
      for (const b of bottoms) assert.ok(b <= viewport.height, `a first figure ends at ${b} px`);
      assert.equal(await page.$eval('#controls-box', (d) => d.open), false, 'the controls are folded');
      await page.click('#controls-summary');
      assert.equal(await page.$eval('#rulebook', (s) => s.getBoundingClientRect().right <= window.innerWidth && s.offsetParent !== null), true);
      o = await overflow(page);
      assert.ok(o.scrollWidth <= o.innerWidth, `controls open again: ${JSON.stringify(o)}`);
    }
    // an agency's dossier list, opened from the table, stays in the page's width too
    assert.equal(await act(page, () => page.click('#agency-table tbody tr:first-child td:first-child')), 'done');
    assert.equal(await page.$eval('#drill', (d) => d.hidden), false);
    o = await overflow(page);
    assert.ok(o.scrollWidth <= o.innerWidth, `with a dossier list: ${JSON.stringify(o)}`);
    assert.deepEqual(await outside(page), []);
    await page.screenshot({ path: path.join(artifacts, `dashboard-${viewport.width}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('printed on A4 landscape: no controls, the whole agency table, form and grades', async () => {
  // the printable width of A4 landscape with 10 mm margins: 277 mm at 96 px per inch
  const width = Math.floor((277 / 25.4) * 96);
  const { context, page, problems } = await dashboard({ width, height: 900 });
  assert.equal(await act(page, () => page.click('#sample')), 'done');
  assert.equal(await page.$eval('#print', (b) => b.disabled), false);
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => Object.fromEntries(
    ['#print', '#lang-vi', '#file', '#sample', '#period', '#rulebook', '#download-csv', '#download-xlsx', '#copy', '#controls-box', '#trend-every', '#breakdown-card', '#chart-trend', '#kpis', '#agency-table', '#form06a', '#grades', '#headline']
      .map((s) => [s, [...document.querySelectorAll(s)].some((e) => e.getClientRects().length > 0)]),
  ));
  for (const s of ['#print', '#lang-vi', '#file', '#sample', '#period', '#rulebook', '#download-csv', '#download-xlsx', '#copy', '#controls-box', '#trend-every', '#breakdown-card']) assert.equal(shown[s], false, `${s} is printed`);
  for (const s of ['#kpis', '#agency-table', '#form06a', '#grades', '#headline', '#chart-trend']) assert.equal(shown[s], true, `${s} is not printed`);
  const o = await overflow(page);
  assert.ok(o.scrollWidth <= o.innerWidth, JSON.stringify(o));
  for (const id of ['agency-table', 'form06a', 'grades']) {
    const last = await page.$eval(`#${id}`, (t) => {
      const cells = t.querySelectorAll('thead tr:first-child > th');
      const cell = cells[cells.length - 1];
      const box = t.parentElement.getBoundingClientRect();
      return { text: cell.textContent, right: cell.getBoundingClientRect().right, table: t.getBoundingClientRect().right, box: box.right, page: window.innerWidth };
    });
    assert.ok(last.right <= last.page && last.table <= last.box + 0.5, `${id}: ${JSON.stringify(last)}`);
  }
  // the agency table's last column is the satisfaction rate, its total the seed's 100 %
  assert.match(await page.$eval('#agency-table thead th:last-child', (t) => t.textContent), /Tỷ lệ hài lòng/);
  assert.match(await page.$eval('#agency-table tfoot td:last-child', (t) => t.textContent), /^100 %$/);
  await page.screenshot({ path: path.join(artifacts, 'dashboard-print.png'), fullPage: true });
  const pdf = await page.pdf({ path: path.join(artifacts, 'dashboard-print.pdf'), preferCSSPageSize: true, printBackground: true });
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.ok(boxes.length >= 2, `pages: ${boxes.length}`);
  // A4 landscape: 297 × 210 mm = 841,9 × 595,3 points
  for (const [w, h] of boxes) assert.ok(Math.abs(w - 841.9) < 1.5 && Math.abs(h - 595.3) < 1.5, `page ${w} × ${h}`);
  assert.deepEqual(problems, []);
  await context.close();
});

// Vietnamese characters that no English heading holds.
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýã]/i;

test('headline card and headings: 17/17 Xuất sắc as the seed says, two distinct "late" columns, English throughout in English', async () => {
  const { context, page, problems } = await dashboard({ width: 1366, height: 900 });
  assert.equal(await act(page, () => page.click('#sample')), 'done');
  // the seed: "Kết quả có 17/17 đơn vị đạt từ 15 đến 17 điểm và được phân loại là Xuất sắc"
  const headline = await page.$eval('#headline', (h) => h.innerText);
  assert.match(headline, /17\/17 đơn vị Xuất sắc/);
  assert.doesNotMatch(headline, /null|undefined|NaN/);
  assert.match(headline, /quý III năm 2021/);
  assert.equal(await page.$eval('#headline', (h) => h.dataset.grade), 'all-best');
  const heads = await page.$$eval('#agency-table thead th', (t) => t.map((x) => x.textContent.replace(/ [▲▼]$/, '')));
  assert.equal(new Set(heads).size, heads.length, heads.join(' | '));
  assert.ok(heads.includes('Giải quyết quá hạn') && heads.includes('Đang giải quyết quá hạn'), heads.join(' | '));
  await page.click('#lang-en');
  assert.match(await page.$eval('#headline', (h) => h.innerText), /17\/17 agencies (Excellent|Outstanding)/i);
  const en = await page.$$eval('#agency-table thead th', (t) => t.map((x) => x.textContent.replace(/ [▲▼]$/, '')));
  assert.ok(en.includes('Resolved late') && en.includes('Pending overdue'), en.join(' | '));
  // every heading, label and button of the page is English (the 06a form stays the official Vietnamese one)
  const words = await page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, th, label > span, button, summary, .hint, .kpi .detail, #headline')]
    .filter((e) => !e.closest('#form06a, #grades tbody, #agency-table tbody, #agency-table tfoot') && e.getClientRects().length > 0)
    .map((e) => e.textContent));
  const sampleNames = await page.$$eval('#agency-table tbody td:nth-child(2)', (t) => t.map((x) => x.textContent));
  const stray = words.filter((w) => VIETNAMESE.test(w) && !sampleNames.some((n) => w.includes(n)) && !/Tiếng Việt|Sóc Trăng/.test(w));
  assert.deepEqual(stray, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('chart axes and tooltips write numbers the Vietnamese way (3.500), the English way in English', async () => {
  const { context, page, problems } = await dashboard({ width: 1366, height: 900 });
  assert.equal(await act(page, () => page.click('#sample')), 'done');
  // the largest bar: an agency's resolved + pending dossiers, read from the table
  const stacks = await page.$$eval('#agency-table tbody tr', (rows) => rows.map((r) => {
    const n = (k) => Number(r.querySelector(`td:nth-child(${[...document.querySelectorAll('#agency-table thead th')].findIndex((h) => h.dataset.key === k) + 1})`).textContent.replaceAll('.', ''));
    return n('resolved') + n('pending');
  }));
  const largest = Math.max(...stacks);
  assert.ok(largest >= 1000, `the sample has an agency with ${largest} dossiers`);
  const ticks = async () => JSON.parse(await page.$eval('#chart-resolution', (c) => c.dataset.ticks)).y;
  const vi = await ticks();
  assert.ok(vi.length >= 3, vi.join(' '));
  for (const l of vi) assert.match(l, /^\d{1,3}(\.\d{3})*$/, `tick ${l}`);
  const top = Math.max(...vi.map((l) => Number(l.replaceAll('.', ''))));
  assert.ok(top >= largest, `axis up to ${top}, largest bar ${largest}`);
  assert.ok(vi.some((l) => l.includes('.')), vi.join(' '));
  // a tooltip over the bottom of each bar until one shows a count of four digits or more
  const area = JSON.parse(await page.$eval('#chart-resolution', (c) => c.dataset.area));
  const box = await page.$eval('#chart-resolution', (c) => {
    c.scrollIntoView();
    const r = c.getBoundingClientRect();
    return { x: r.left, y: r.top };
  });
  let tip = [];
  for (let i = 0; i < stacks.length && !tip.some((l) => /\d\.\d{3}$/.test(l)); i++) {
    const x = box.x + area.left + ((i + 0.5) * (area.right - area.left)) / stacks.length;
    await page.mouse.move(x, box.y + area.bottom - 2);
    tip = JSON.parse(await page.$eval('#chart-resolution', (c) => c.dataset.tooltip ?? '[]'));
  }
  assert.ok(tip.some((l) => /^Giải quyết (trước|đúng) hạn: \d{1,3}\.\d{3}$/.test(l)), tip.join(' | '));
  await page.click('#lang-en');
  const en = await ticks();
  for (const l of en) assert.match(l, /^\d{1,3}(,\d{3})*$/, `tick ${l}`);
  assert.deepEqual(en.map((l) => l.replaceAll(',', '')), vi.map((l) => l.replaceAll('.', '')));
  assert.deepEqual(problems, []);
  await context.close();
});

const row = (code, agency, received, due, closed, status) => [code, '', agency, '2', '', received, due, '', closed, '', status, '', '', '', '', ''];

test('a resolution rate above 100 % comes with its explanation (dossiers carried over), and only then', async () => {
  const { context, page, problems } = await dashboard({ width: 1366, height: 900 });
  // STP: 1 dossier received in Q3 and 2 resolved in Q3, one of them received in June:
  // 2 / 1 = 200 %. SYT: 2 received, 1 resolved.
  const over = toCsv(HEADER, [
    row('A1', 'STP', '2021-06-21 09:00', '2021-07-30', '2021-07-12', '10'),
    row('A2', 'STP', '2021-07-05 09:00', '2021-07-30', '2021-07-12', '10'),
    row('B1', 'SYT', '2021-07-06 09:00', '2021-07-30', '2021-07-12', '10'),
    row('B2', 'SYT', '2021-07-07 09:00', '2021-08-30', '', '4'),
  ]);
  assert.equal(await act(page, () => page.setInputFiles('#file', { name: 'over.csv', mimeType: 'text/csv', buffer: Buffer.from(over) })), 'done');
  assert.equal(await page.$eval('#period', (s) => s.value), '2021-Q3');
  const cells = await page.$$eval('#agency-table tbody tr', (rows) => Object.fromEntries(rows.map((r) => [r.dataset.agency, r.querySelector(`td:nth-child(${[...document.querySelectorAll('#agency-table thead th')].findIndex((h) => h.dataset.key === 'resolution_rate') + 1})`).textContent])));
  assert.deepEqual(cells, { STP: '200 %', SYT: '50 %' });
  const note = await page.$eval('#rate-note', (n) => (n.hidden ? null : n.textContent));
  assert.ok(note, 'the note is shown');
  assert.match(note, /vượt 100 %/i);
  assert.match(note, /kỳ trước chuyển qua/);
  assert.match(note, /: STP\.$/);
  // no rate above 100 %: no note
  const under = toCsv(HEADER, [row('A2', 'STP', '2021-07-05 09:00', '2021-07-30', '2021-07-12', '10'), row('B2', 'SYT', '2021-07-07 09:00', '2021-08-30', '', '4')]);
  assert.equal(await act(page, () => page.setInputFiles('#file', { name: 'under.csv', mimeType: 'text/csv', buffer: Buffer.from(under) })), 'done');
  assert.equal(await page.$eval('#rate-note', (n) => n.hidden), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the i18n table: every key in both languages, Vietnamese first', async () => {
  const { STRINGS } = await import('../src/i18n.js');
  assert.deepEqual(Object.keys(STRINGS), ['vi', 'en']);
  const keys = (o) => Object.keys(o).sort();
  assert.deepEqual(keys(STRINGS.en), keys(STRINGS.vi));
  assert.deepEqual(keys(STRINGS.en.counts), keys(STRINGS.vi.counts));
  const html = readFileSync(path.join(root, 'examples/dashboard/index.html'), 'utf8');
  for (const [, k] of html.matchAll(/data-i18n="([^"]+)"/g)) {
    for (const lang of ['vi', 'en']) assert.equal(typeof STRINGS[lang][k], 'string', `${lang}.${k}`);
  }
  const vi = Object.values(STRINGS.vi.counts);
  assert.equal(new Set(vi).size, vi.length, 'no two counts share a label');
});
