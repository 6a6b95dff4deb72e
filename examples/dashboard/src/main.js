// The dashboard page. The worker (worker.js) reads the files and computes the report,
// the grades, the form and the announcement with the motcua package; this page formats
// numbers with the same package and draws the results. Every text from the data is put
// in the page as text (textContent), never as HTML.
import * as motcua from 'motcua';
import { BREAKDOWN_KEYS, renderBreakdown } from './breakdown.js';
import { drawCharts } from './charts.js';
import { clear, el } from './dom.js';
import { DRILL_COUNTS, drillCsv, renderDrill } from './drill.js';
import { bandOrder, renderHeadline } from './headline.js';
import { STRINGS } from './i18n.js';
import { loadModule, startWorker } from './platform.js';
import { drawTrend } from './trend.js';

const $ = (id) => document.getElementById(id);

const state = {
  lang: 'vi',
  info: null,
  result: null,
  rulebooks: [],
  sort: { key: 'agency', dir: 1 },
  charts: [],
  every: 'month',
  trend: null,
  trendChart: null,
  by: 'procedure',
  breakdown: null,
  drill: null,
  started: 0,
  lastId: 0,
};

const t = () => STRINGS[state.lang];

// ---------------------------------------------------------------------------------------
// The worker, as promises

const worker = startWorker();
const pending = new Map();

worker.onmessage = (ev) => {
  const msg = ev.data;
  if (msg.type === 'progress') {
    if (msg.id === state.lastId) showProgress(msg.phase, msg.fraction);
    return;
  }
  const p = pending.get(msg.id);
  if (!p) return;
  pending.delete(msg.id);
  if (msg.type === 'error') p.reject(Object.assign(new Error(msg.error.message), msg.error));
  else p.resolve(msg);
};

// A worker that cannot start or load (a blocked script, an old browser) says so on the page.
worker.addEventListener('error', (e) => {
  e.preventDefault();
  hideProgress();
  showError({ name: 'WorkerError', message: e.message || 'the worker could not start' });
});

let nextId = 1;
function call(type, payload = {}) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, type, ...payload });
  });
}

// ---------------------------------------------------------------------------------------
// Numbers, the reports' way

const fmtInt = (n) => motcua.formatInt(n, state.lang);
const fmtRate = (r) => (r ? motcua.formatPercent(r.numerator, r.denominator, state.lang) : '–');
const label = (name) => t().counts[name] ?? name;
const narrow = matchMedia('(max-width: 700px)');
const fmtPoints = (p) => (p === null || p === undefined ? '–' : motcua.formatDecimal(p, Number.isInteger(p) ? 0 : 1, state.lang));

// ---------------------------------------------------------------------------------------
// Progress, errors

function setState(s) {
  document.body.dataset.state = s;
}

function showProgress(phase, fraction) {
  $('progress-box').hidden = false;
  $('progress').value = Math.max(0, Math.min(1, fraction));
  $('progress-label').textContent = `${t()[phase] ?? phase} ${Math.round(fraction * 100)} %`;
}

function hideProgress() {
  $('progress-box').hidden = true;
}

function showError(e) {
  state.error = e;
  renderError();
  $('error').hidden = false;
  setState('error');
}

function renderError() {
  const e = state.error;
  if (!e) return;
  const where = e.line ? ` (${t().errorAt(e.line, typeof e.column === 'string' ? e.column : e.column ?? null)})` : '';
  clear($('error-message')).append(el('strong', { text: e.name ?? 'Error' }), document.createTextNode(`${where}: ${e.message}`));
}

// ---------------------------------------------------------------------------------------
// Opening data

async function openSource(source) {
  const id = nextId;
  state.lastId = id;
  state.started = performance.now();
  state.error = null;
  $('error').hidden = true;
  setState('busy');
  setControls(false);
  showProgress('reading', 0);
  try {
    const opened = await call('open', { source: { ...source, profile: $('profile').value } });
    if (opened.id !== state.lastId) return;
    state.info = opened.info;
    state.drill = null;
    fillPeriods();
    if (opened.info.sample) $('rulebook').value = 'soc-trang-1216-2019';
    await computeNow();
    // On a phone the figures come first: the controls fold into their summary line.
    if (narrow.matches && state.result) $('controls-box').open = false;
  } catch (e) {
    hideProgress();
    setControls(true);
    showError(e);
  }
}

async function computeNow() {
  if (!state.info) return;
  const period = currentPeriod();
  const id = nextId;
  state.lastId = id;
  setState('busy');
  showProgress('computing', 0.92);
  try {
    const result = await call('compute', { period, rulebook: $('rulebook').value });
    if (result.id !== state.lastId) return;
    state.result = result;
    state.trend = null;
    state.breakdown = null;
    state.error = null;
    $('error').hidden = true;
    const ms = Math.round(performance.now() - state.started);
    state.info.totalMs = ms;
    document.body.dataset.ms = String(ms);
    renderAll();
    // then what takes another pass over the data: the trend, an open dossier list
    await loadTrend();
    await loadBreakdown();
    if (state.drill) await loadDrill();
    hideProgress();
    setControls(true);
    setState('done');
  } catch (e) {
    hideProgress();
    setControls(true);
    showError(e);
  }
}

function currentPeriod() {
  const custom = $('custom-period').value.trim();
  return custom || $('period').value;
}

function setControls(enabled) {
  for (const id of ['period', 'custom-period', 'rulebook', 'sample', 'file', 'units-file', 'profile']) $(id).disabled = !enabled;
  $('print').disabled = !enabled || !state.result;
  if (!state.info) {
    $('period').disabled = true;
    $('custom-period').disabled = true;
  }
}

/** Quarters, months and years from the first to the last receipt date; the latest quarter chosen. */
function fillPeriods() {
  const sel = clear($('period'));
  const range = state.info.receivedRange;
  $('custom-period').value = '';
  if (!range) return;
  const y0 = Number(range.from.slice(0, 4));
  const y1 = Number(range.to.slice(0, 4));
  const m1 = Number(range.to.slice(5, 7));
  const m0 = Number(range.from.slice(5, 7));
  const years = [];
  for (let y = y1; y >= y0 && years.length < 30; y--) years.push(y);
  const quarters = el('optgroup', { label: t().quarters });
  const months = el('optgroup', { label: t().months });
  const yearGroup = el('optgroup', { label: t().years });
  for (const y of years) {
    for (let q = 4; q >= 1; q--) {
      if ((y === y1 && (q - 1) * 3 + 1 > m1) || (y === y0 && q * 3 < m0)) continue;
      quarters.append(periodOption(`${y}-Q${q}`));
    }
    for (let m = 12; m >= 1; m--) {
      if ((y === y1 && m > m1) || (y === y0 && m < m0)) continue;
      months.append(periodOption(`${y}-${String(m).padStart(2, '0')}`));
    }
    yearGroup.append(periodOption(String(y)));
  }
  sel.append(quarters, months, yearGroup);
  sel.value = `${y1}-Q${Math.ceil(m1 / 3)}`;
}

function periodOption(text) {
  const p = motcua.parsePeriod(text);
  return el('option', { value: text, dataset: { vi: p.label_vi, en: p.label_en } }, state.lang === 'vi' ? p.label_vi : p.label_en);
}

// ---------------------------------------------------------------------------------------
// Rendering

function renderAll() {
  renderStatic();
  if (!state.info || !state.result) return;
  $('empty').hidden = true;
  $('results').hidden = false;
  renderSource();
  renderHeadline($('headline'), { result: state.result, rulebooks: state.rulebooks, lang: state.lang, t: t() });
  renderKpis();
  renderAgencyTable();
  renderRateNote();
  renderDrillBox();
  renderBreakdownCard();
  renderCharts();
  renderForm06a();
  renderGrades();
  renderRejected();
  renderAnnouncement();
}

function renderStatic() {
  document.documentElement.lang = state.lang;
  document.title = `motcua — ${t().title}`;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    const s = t()[node.dataset.i18n];
    if (typeof s === 'string') node.textContent = s;
  }
  for (const b of document.querySelectorAll('.lang button')) b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
  for (const o of document.querySelectorAll('#period option')) o.textContent = o.dataset[state.lang];
  const groups = document.querySelectorAll('#period optgroup');
  ['quarters', 'months', 'years'].forEach((k, i) => groups[i]?.setAttribute('label', t()[k]));
  for (const o of document.querySelectorAll('#rulebook option')) o.textContent = o.dataset[state.lang];
  renderError();
}

function renderSource() {
  const i = state.info.input;
  const parts = [
    `${t().source}: ${state.info.name}`,
    t().rowsSummary(fmtInt(i.rows), fmtInt(i.used), fmtInt(i.rejected), fmtInt(i.not_received)),
    ...(i.profile ? [t().profileUsed(i.profile)] : []),
    t().elapsed(fmtInt(state.info.totalMs ?? 0)),
  ];
  $('source').textContent = parts.join(' — ');
  const period = $('custom-period').value.trim() || ($('period').selectedOptions[0]?.textContent ?? '');
  $('controls-current').textContent = `— ${state.info.name} · ${period}`;
}

function previousLabel() {
  const prev = state.result.periodInfo?.previous;
  if (!prev) return null;
  return state.lang === 'vi' ? prev.label_vi : prev.label_en;
}

function changeLine(name) {
  const c = state.result.report.change?.[name];
  if (!c) return el('p', { class: 'change none', text: t().noPrevious });
  const dir = c.absolute > 0 ? 'up' : c.absolute < 0 ? 'down' : 'same';
  const arrow = { up: '▲', down: '▼', same: '■' }[dir];
  const rel = c.relative === null ? '' : ` (${motcua.formatChange(c.relative, state.lang)})`;
  const sign = c.absolute > 0 ? '+' : '';
  return el('p', { class: `change ${dir}` }, `${arrow} ${sign}${fmtInt(c.absolute)}${rel} ${t().vsPrevious(previousLabel())} (${fmtInt(c.previous)})`);
}

function rateChangeLine(name) {
  const prev = state.result.report.previous?.total.rates[name];
  const cur = state.result.report.total.rates[name];
  if (!prev || !state.result.report.previous) return el('p', { class: 'change none', text: t().noPrevious });
  if (!cur) return el('p', { class: 'change none', text: t().previousValue(fmtRate(prev)) });
  const diff = (cur.value - prev.value) * 100;
  const dir = diff > 0.005 ? 'up' : diff < -0.005 ? 'down' : 'same';
  const arrow = { up: '▲', down: '▼', same: '■' }[dir];
  const d = `${diff > 0 ? '+' : ''}${motcua.formatDecimal(diff, 2, state.lang)} ${t().points}`;
  return el('p', { class: `change ${dir}` }, `${arrow} ${d} ${t().vsPrevious(previousLabel())} (${fmtRate(prev)})`);
}

function kpi(key, value, detail, change) {
  return el('article', { class: 'kpi', dataset: { kpi: key } }, el('h3', { text: t()[key] }), el('p', { class: 'value', text: value }), el('p', { class: 'detail', text: detail }), change);
}

function renderKpis() {
  const tot = state.result.report.total;
  const r = tot.rates;
  const pair = (rate) => (rate ? [fmtInt(rate.numerator), fmtInt(rate.denominator)] : ['0', '0']);
  clear($('kpis')).append(
    kpi('kpiReceived', fmtInt(tot.received), t().breakdown(fmtInt(tot.received_online), fmtInt(tot.received_in_person), fmtInt(tot.received_postal)), changeLine('received')),
    kpi('kpiResolution', fmtRate(r.resolution_rate), t().ofReceived(...pair(r.resolution_rate)), rateChangeLine('resolution_rate')),
    kpi('kpiOnTime', fmtRate(r.on_time_rate), t().ofResolved(...pair(r.on_time_rate)), rateChangeLine('on_time_rate')),
    kpi('kpiOnline', fmtRate(r.online_rate), t().onlineOf(...pair(r.online_rate)), rateChangeLine('online_rate')),
    kpi('kpiSatisfaction', fmtRate(r.satisfaction_rate), t().ratingsOf(fmtInt(tot.ratings)), rateChangeLine('satisfaction_rate')),
  );
}

const AGENCY_COLUMNS = [
  { key: 'agency', text: () => t().agencyCode, value: (a) => a.agency, show: (a) => a.agency },
  { key: 'name', text: () => t().agencyName, value: (a) => state.result.names[a.agency] ?? '', show: (a) => state.result.names[a.agency] ?? '' },
  ...['received', 'received_online', 'carried_over', 'resolved', 'resolved_early', 'resolved_on_time', 'resolved_late', 'pending', 'pending_overdue'].map((k) => ({
    key: k, text: () => label(k), value: (a) => a[k], show: (a) => fmtInt(a[k]), num: true,
  })),
  ...['resolution_rate', 'on_time_rate', 'online_rate', 'satisfaction_rate'].map((k) => ({
    key: k, text: () => label(k), value: (a) => a.rates[k]?.value ?? -1, show: (a) => fmtRate(a.rates[k]), num: true,
  })),
];

function renderAgencyTable() {
  const table = clear($('agency-table'));
  const { key, dir } = state.sort;
  const col = AGENCY_COLUMNS.find((c) => c.key === key) ?? AGENCY_COLUMNS[0];
  const rows = [...state.result.report.agencies].sort((a, b) => {
    const x = col.value(a);
    const y = col.value(b);
    const c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), state.lang);
    return c * dir || a.agency.localeCompare(b.agency);
  });
  const head = el('tr', {}, AGENCY_COLUMNS.map((c) => el('th', {
    scope: 'col',
    title: c.key === 'resolution_rate' ? t().rateNote : null,
    class: c.num ? 'num' : null,
    'aria-sort': c.key === key ? (dir > 0 ? 'ascending' : 'descending') : 'none',
    dataset: { key: c.key },
    tabindex: 0,
    onclick: () => sortBy(c.key),
    onkeydown: (e) => (e.key === 'Enter' || e.key === ' ') && sortBy(c.key),
  }, c.text(), c.key === key ? (dir > 0 ? ' ▲' : ' ▼') : '')));
  const body = rows.map((a) => el('tr', {
    dataset: { agency: a.agency },
    class: state.drill?.agency === a.agency ? 'selected' : null,
    tabindex: 0,
    title: t().drillOpen(a.agency),
    onclick: () => openDrill(a.agency),
    onkeydown: (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), openDrill(a.agency)),
  }, AGENCY_COLUMNS.map((c) => el('td', { class: c.num ? 'num' : null, text: c.show(a) }))));
  const total = { ...state.result.report.total, agency: t().total };
  const foot = el('tr', {}, AGENCY_COLUMNS.map((c) => el('td', { class: c.num ? 'num' : null, text: c.key === 'name' ? '' : c.show(total) })));
  table.append(el('thead', {}, head), el('tbody', {}, body), el('tfoot', {}, foot));
}

/** Says why a resolution rate above 100 % is possible, when one is shown. */
function renderRateNote() {
  const rep = state.result.report;
  const over = rep.agencies.filter((a) => (a.rates.resolution_rate?.value ?? 0) > 1).map((a) => a.agency);
  const totalOver = (rep.total.rates.resolution_rate?.value ?? 0) > 1;
  const note = $('rate-note');
  note.hidden = over.length === 0 && !totalOver;
  note.textContent = note.hidden ? '' : `${t().rateNote} ${t().rateOver([...over, ...(totalOver ? [t().total] : [])].join(', '))}`;
}

// ---------------------------------------------------------------------------------------
// Drill-down: an agency's dossiers behind one count

async function openDrill(agency) {
  state.drill = { agency, count: state.drill?.count ?? DRILL_COUNTS[0], list: null };
  renderAgencyTable();
  await withBusy(loadDrill);
  $('drill').scrollIntoView({ block: 'nearest' });
}

/** Lists the dossiers of the open drill-down for the current period. */
async function loadDrill() {
  const { agency, count } = state.drill;
  const res = await call('list', { period: currentPeriod(), count, agency });
  if (state.drill?.agency !== agency || state.drill.count !== count) return;
  state.drill.list = res.list;
  renderDrillBox();
}

function renderDrillBox() {
  const box = $('drill');
  box.hidden = !state.drill?.list;
  if (box.hidden) return;
  const sel = clear($('drill-count'));
  for (const k of DRILL_COUNTS) sel.append(el('option', { value: k, text: label(k) }));
  sel.value = state.drill.count;
  renderDrill(box, { agency: state.drill.agency, name: state.result.names[state.drill.agency], list: state.drill.list, lang: state.lang, t: t() });
}

function downloadDrill() {
  const { agency, count, list } = state.drill;
  const blob = new Blob([drillCsv(list, { lang: state.lang, t: t() })], { type: 'text/csv;charset=utf-8' });
  const a = el('a', { href: URL.createObjectURL(blob), download: `ho-so-${agency}-${count}-${currentPeriod().replaceAll('..', '_')}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** Runs `f` as the page's work: 'busy', then 'done' (or the error shown). */
async function withBusy(f) {
  setState('busy');
  try {
    await f();
    setState('done');
  } catch (e) {
    showError(e);
  }
}

// ---------------------------------------------------------------------------------------
// The breakdown

async function loadBreakdown() {
  const id = state.lastId;
  const res = await call('breakdown', { period: currentPeriod(), by: state.by });
  if (id !== state.lastId) return;
  state.breakdown = res;
  renderBreakdownCard();
}

function renderBreakdownCard() {
  $('breakdown-card').hidden = !state.breakdown;
  for (const o of $('breakdown-by').options) o.textContent = t().groupKeys[o.value];
  $('breakdown-by').value = state.by;
  if (!state.breakdown) return;
  renderBreakdown($('breakdown-table'), $('breakdown-summary'), { ...state.breakdown, lang: state.lang, t: t() });
}

// ---------------------------------------------------------------------------------------
// The trend

/** Computes the series of the current period's year (or range) and draws it. */
async function loadTrend() {
  const id = state.lastId;
  const trend = await call('trend', { period: currentPeriod(), every: state.every });
  if (id !== state.lastId) return;
  state.trend = trend;
  state.trendChart?.destroy();
  state.trendChart = renderTrend();
}

/** Draws the trend chart and says what it covers; returns the chart, or null before the series is known. */
function renderTrend() {
  const trend = state.trend;
  $('trend-card').hidden = !trend;
  if (!trend) return null;
  $('trend-every').value = trend.every;
  $('trend-title').textContent = trend.every === 'quarter' ? t().trendQuarter : t().trend;
  $('trend-caption').textContent = t().trendCaption(trend.scope ?? currentPeriod());
  return drawTrend($('chart-trend'), trend, { lang: state.lang, t: t() });
}

function sortBy(key) {
  state.sort = state.sort.key === key ? { key, dir: -state.sort.dir } : { key, dir: AGENCY_COLUMNS.find((c) => c.key === key)?.num ? -1 : 1 };
  renderAgencyTable();
}

function renderCharts() {
  for (const c of [state.trendChart, ...state.charts]) c?.destroy();
  state.trendChart = renderTrend();
  state.charts = [...drawCharts({
    report: state.result.report,
    score: state.result.score,
    bandIndex,
    lang: state.lang,
    labels: t().counts,
    scoreLabel: t().score,
    canvases: { resolution: $('chart-resolution'), channels: $('chart-channels'), scores: $('chart-scores') },
  })];
}

function renderForm06a() {
  const f = state.result.form;
  clear($('form-head')).append(
    el('p', { class: 'form-number', text: f.form_number }),
    el('p', { class: 'form-title', text: f.title }),
    el('p', { text: f.period_line }),
    el('p', { text: `${t().reportingUnit}: ${f.reporting_unit} — ${t().receivingUnit}: ${f.receiving_unit} — ${f.unit}` }),
  );
  const table = clear($('form06a'));
  const heads = f.headings;
  const r1 = el('tr');
  const r2 = el('tr');
  const r3 = el('tr', { class: 'numbers' });
  r1.append(el('th', { rowspan: 2, text: heads[0] }), el('th', { rowspan: 2, text: heads[1] }));
  for (const g of f.groups) {
    r1.append(el('th', { colspan: g.last - g.first + 1, text: g.text }));
    for (let c = g.first; c <= g.last; c++) r2.append(el('th', { text: heads[c - 1] }));
  }
  if (f.extra_column) r1.append(el('th', { rowspan: 2, text: heads[13] }));
  heads.forEach((_, i) => r3.append(el('th', { text: `(${i + 1})` })));
  const body = f.text_rows.map((cells, i) => el('tr', { class: i === f.text_rows.length - 1 ? 'total' : null },
    cells.map((c, j) => el('td', { class: j >= 2 ? 'num' : null, text: j >= 2 ? fmtInt(Number(c)) : c }))));
  table.append(el('thead', {}, r1, r2, r3), el('tbody', {}, body));
}

function renderGrades() {
  const score = state.result.score;
  const warnings = clear($('warnings'));
  const table = clear($('grades'));
  const officials = clear($('officials'));
  if (!score) {
    const e = state.result.scoreError;
    $('rulebook-line').textContent = `${t().gradingUnavailable}: ${e?.name ?? ''} ${e?.message ?? ''}`;
    return;
  }
  const rb = score.rulebook;
  $('rulebook-line').textContent = `${state.lang === 'vi' ? rb.name : rb.name_en} (${rb.legal_basis.document}) — ${t().score} ≤ ${fmtPoints(rb.max)}`;
  for (const w of score.warnings) warnings.append(el('li', { text: state.lang === 'vi' ? w.message_vi : w.message }));
  const ids = score.agencies.find((a) => a.indicators.length)?.indicators ?? [];
  const head = el('tr', {},
    el('th', { text: t().rank }), el('th', { text: t().agencyCode }), el('th', { text: t().agencyName }),
    el('th', { class: 'num', text: t().score }), el('th', { text: t().band }), el('th', { class: 'num', text: t().resolvedDossiers }),
    ids.map((i) => el('th', { class: 'num', title: state.lang === 'vi' ? i.name : i.name_en, text: `#${i.id}` })));
  const sorted = [...score.agencies].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.agency.localeCompare(b.agency));
  const body = sorted.map((a) => {
    const band = state.lang === 'vi' ? a.band : a.band_en;
    return el('tr', { dataset: { agency: a.agency } },
      el('td', { class: 'num', text: a.rank ?? '–' }),
      el('td', { text: a.agency }),
      el('td', { text: a.name ?? state.result.names[a.agency] ?? '' }),
      el('td', { class: 'num', text: a.total === null ? '–' : `${fmtPoints(a.total)} / ${fmtPoints(a.max)}` }),
      el('td', {}, band ? el('span', { class: `band band-${bandIndex(a.band)}`, text: band }) : el('span', { class: 'muted', text: t().notGraded })),
      el('td', { class: 'num', text: fmtInt(a.resolved) }),
      ids.map((ind) => {
        const mine = a.indicators.find((x) => x.id === ind.id);
        return el('td', { class: 'num', title: mine?.rule ?? null, text: mine ? fmtPoints(mine.points) : '' });
      }));
  });
  table.append(el('thead', {}, head), el('tbody', {}, body));
  const top = [...score.officials].sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || a.official.localeCompare(b.official)).slice(0, 200);
  officials.append(
    el('thead', {}, el('tr', {}, el('th', { text: t().official }), el('th', { class: 'num', text: t().dossiers }), el('th', { class: 'num', text: t().score }), el('th', { text: t().band }))),
    el('tbody', {}, top.map((o) => el('tr', {},
      el('td', { text: o.official }), el('td', { class: 'num', text: fmtInt(o.dossiers) }),
      el('td', { class: 'num', text: o.total === null ? '–' : `${fmtPoints(o.total)} / ${fmtPoints(o.max)}` }),
      el('td', { text: (state.lang === 'vi' ? o.band : o.band_en) ?? '' })))),
  );
}

function bandIndex(name) {
  const book = state.rulebooks.find((b) => b.id === state.result.score?.rulebook.id);
  const i = bandOrder(book).indexOf(name);
  return i < 0 ? 0 : i;
}

function renderRejected() {
  const info = state.info;
  const table = clear($('rejected'));
  const total = info.input.rejected;
  $('rejected-summary').textContent = total === 0 ? t().noRejected : t().shownOf(fmtInt(info.errors.length), fmtInt(total));
  if (total === 0) return;
  table.append(
    el('thead', {}, el('tr', {}, el('th', { class: 'num', text: t().line }), el('th', { text: t().column }), el('th', { text: t().message }))),
    el('tbody', {}, info.errors.map((e) => el('tr', {}, el('td', { class: 'num', text: String(e.line) }), el('td', { text: e.column ?? '' }), el('td', { text: e.message })))),
  );
}

function renderAnnouncement() {
  $('announcement').textContent = state.result.announcement[state.lang];
  $('copy-status').textContent = '';
}

async function copyAnnouncement() {
  const text = $('announcement').textContent;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const range = document.createRange();
    range.selectNodeContents($('announcement'));
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    document.execCommand('copy');
  }
  $('copy-status').textContent = t().copied;
}

async function downloadForm(kind) {
  const res = await call('download', { period: currentPeriod(), kind });
  const blob = new Blob([res.data], { type: kind === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv;charset=utf-8' });
  const a = el('a', { href: URL.createObjectURL(blob), download: `bieu-II.06a-${currentPeriod().replaceAll('..', '_')}.${kind}` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// ---------------------------------------------------------------------------------------
// Wiring

function setLang(lang) {
  state.lang = lang;
  renderAll();
}

async function main() {
  renderStatic();
  const module = await loadModule();
  const ready = await call('init', { module });
  state.rulebooks = ready.rulebooks;
  const rb = clear($('rulebook'));
  for (const b of state.rulebooks) {
    rb.append(el('option', { value: b.id, dataset: { vi: `${b.name ?? b.id} (${b.id})`, en: `${b.name_en ?? b.id} (${b.id})` } }, `${b.name ?? b.id} (${b.id})`));
  }
  rb.value = 'circular-01-2018';
  renderStatic();
  $('file').addEventListener('change', () => {
    const f = $('file').files[0];
    if (f) openSource({ kind: 'file', file: f });
  });
  $('sample').addEventListener('click', () => openSource({ kind: 'sample' }));
  $('units-file').addEventListener('change', async () => {
    const f = $('units-file').files[0];
    if (!f) return;
    try {
      await call('units', { file: f });
      state.started = performance.now();
      await computeNow();
    } catch (e) {
      showError(e);
    }
  });
  $('period').addEventListener('change', () => {
    $('custom-period').value = '';
    state.started = performance.now();
    computeNow();
  });
  $('custom-period').addEventListener('change', () => {
    state.started = performance.now();
    computeNow();
  });
  $('rulebook').addEventListener('change', () => {
    state.started = performance.now();
    computeNow();
  });
  for (const b of document.querySelectorAll('.lang button')) b.addEventListener('click', () => setLang(b.dataset.lang));
  $('copy').addEventListener('click', copyAnnouncement);
  $('print').addEventListener('click', () => window.print());
  $('trend-every').addEventListener('change', () => {
    state.every = $('trend-every').value;
    withBusy(loadTrend);
  });
  $('breakdown-by').addEventListener('change', () => {
    state.by = BREAKDOWN_KEYS.includes($('breakdown-by').value) ? $('breakdown-by').value : 'procedure';
    withBusy(loadBreakdown);
  });
  $('drill-count').addEventListener('change', () => {
    state.drill.count = $('drill-count').value;
    withBusy(loadDrill);
  });
  $('drill-close').addEventListener('click', () => {
    state.drill = null;
    renderDrillBox();
    renderAgencyTable();
  });
  $('drill-download').addEventListener('click', downloadDrill);
  // The charts take the printed page's width, then the screen's again.
  const resize = () => [state.trendChart, ...state.charts].forEach((c) => c?.resize());
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
  narrow.addEventListener('change', (e) => {
    if (!e.matches) $('controls-box').open = true;
  });
  $('download-csv').addEventListener('click', () => downloadForm('csv'));
  $('download-xlsx').addEventListener('click', () => downloadForm('xlsx'));
  window.addEventListener('dragover', (e) => {
    e.preventDefault();
    $('dropzone').classList.add('dragging');
  });
  window.addEventListener('dragleave', () => $('dropzone').classList.remove('dragging'));
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    $('dropzone').classList.remove('dragging');
    const f = e.dataTransfer?.files?.[0];
    if (f) openSource({ kind: 'file', file: f });
  });
  setControls(true);
  setState('idle');
}

main().catch((e) => showError(e));
