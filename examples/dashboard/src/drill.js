// The drill-down: from an agency of the table to the dossiers behind one of its counts
// (the package's `list`, contract section 12), with their codes, due dates and the working
// days they are late; shown as a table and downloaded as CSV (UTF-8 with a byte order mark,
// so that Excel reads the Vietnamese headings).
import * as motcua from 'motcua';
import { clear, el } from './dom.js';

/** The counts a drill-down can list, the first being the one shown on a click. */
export const DRILL_COUNTS = ['pending_overdue', 'resolved_late', 'pending', 'resolved', 'received'];
const SHOWN = 500;

const COLUMNS = [
  ['listCode', (d) => d.code],
  ['listProcedure', (d) => d.procedure ?? ''],
  ['listOfficial', (d) => d.official ?? ''],
  ['listChannel', (d, t) => t.channels[d.channel] ?? d.channel],
  ['listStatus', (d, t) => `${d.status} — ${t.statuses[d.status] ?? ''}`],
  ['listReceived', (d, t, lang) => dateText(d.received, lang)],
  ['listDue', (d, t, lang) => dateText(d.due, lang)],
  ['listClosed', (d, t, lang) => (d.closed ? dateText(d.closed, lang) : '')],
  ['listLate', (d, t, lang) => motcua.formatInt(d.working_days_late, lang)],
];

/** `2021-09-07T16:30:17` as `07/09/2021 16:30` in Vietnamese, `2021-09-07 16:30` in English. */
function dateText(iso, lang) {
  const [date, time] = iso.split('T');
  const [y, m, d] = date.split('-');
  const day = lang === 'en' ? date : `${d}/${m}/${y}`;
  return time ? `${day} ${time.slice(0, 5)}` : day;
}

/** Fills the drill-down box with `list` (the package's DossierList) of `agency`. */
export function renderDrill(box, { agency, name, list, lang, t }) {
  const rows = list.dossiers.slice(0, SHOWN);
  box.querySelector('#drill-title').textContent = t.drillTitle(name ? `${agency} — ${name}` : agency);
  const summary = box.querySelector('#drill-summary');
  summary.textContent = list.dossiers.length === 0 ? t.drillNone : t.drillShown(motcua.formatInt(rows.length, lang), motcua.formatInt(list.dossiers.length, lang));
  const table = clear(box.querySelector('#drill-table'));
  if (list.dossiers.length === 0) return;
  table.append(
    el('thead', {}, el('tr', {}, COLUMNS.map(([k]) => el('th', { class: k === 'listLate' ? 'num' : null, text: t[k] })))),
    el('tbody', {}, rows.map((d) => el('tr', { dataset: { code: d.code } }, COLUMNS.map(([k, f]) => el('td', { class: k === 'listLate' ? 'num' : null, text: f(d, t, lang) }))))),
  );
}

const quote = (v) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** The whole list as CSV text with the page's headings. */
export function drillCsv(list, { lang, t }) {
  const lines = [COLUMNS.map(([k]) => t[k]), ...list.dossiers.map((d) => COLUMNS.map(([k, f]) => (k === 'listLate' ? String(d.working_days_late) : f(d, t, lang))))];
  return `\ufeff${lines.map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`;
}
