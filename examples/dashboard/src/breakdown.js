// The breakdown: the period counted by procedure, field, official or channel (the
// package's `report(…, {by})`, contract section 11), one row per group, most dossiers
// received first, and the period's total under them.
import * as motcua from 'motcua';
import { clear, el } from './dom.js';

export const BREAKDOWN_KEYS = ['procedure', 'field', 'official', 'channel'];
const COUNTS = ['received', 'resolved', 'resolved_late', 'pending', 'pending_overdue'];
const RATES = ['resolution_rate', 'on_time_rate'];

/** Fills the breakdown card from `{by, rows}` and the period's `total`. */
export function renderBreakdown(table, summary, { breakdown, total, lang, t }) {
  const key = breakdown.by[0];
  const name = (v) => (v === null ? t.noValue : key === 'channel' ? t.channels[v] ?? v : v);
  const rows = [...breakdown.rows].sort((a, b) => b.received - a.received || String(a[key]).localeCompare(String(b[key])));
  const int = (n) => motcua.formatInt(n, lang);
  const rate = (r) => (r ? motcua.formatPercent(r.numerator, r.denominator, lang) : '–');
  const cells = (r, first) => [
    el('td', { text: first }),
    COUNTS.map((k) => el('td', { class: 'num', text: int(r[k]) })),
    RATES.map((k) => el('td', { class: 'num', text: rate(r.rates[k]) })),
  ];
  const over = rows.some((r) => (r.rates.resolution_rate?.value ?? 0) > 1);
  summary.textContent = over ? `${t.groupsShown(int(rows.length))}. ${t.rateNote}` : t.groupsShown(int(rows.length));
  clear(table).append(
    el('thead', {}, el('tr', {}, el('th', { text: t.groupKeys[key] }), [...COUNTS, ...RATES].map((k) => el('th', { class: 'num', text: t.counts[k] })))),
    el('tbody', {}, rows.map((r) => el('tr', { dataset: { group: r[key] ?? '' } }, cells(r, name(r[key]))))),
    el('tfoot', {}, el('tr', {}, cells(total, t.total))),
  );
}
