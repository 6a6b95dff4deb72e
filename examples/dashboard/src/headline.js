// The headline card: the grading result at a glance ("17/17 đơn vị Xuất sắc"), then how
// many agencies fall in each other band, and the rulebook and period it is for.
import { clear, el } from './dom.js';

/** The rulebook's agency band names (Vietnamese, as the grades give them), best first. */
export function bandOrder(book) {
  return [...(book?.bands ?? [])].sort((a, b) => b.min - a.min).map((b) => b.name_vi);
}

/**
 * Fills `box` from a computed result: the number of agencies in the rulebook's best band
 * out of all agencies graded or not, the others by band, and the basis.
 */
export function renderHeadline(box, { result, rulebooks, lang, t }) {
  clear(box).append(el('h2', { text: t.headline }));
  const score = result.score;
  if (!score || score.agencies.length === 0) {
    box.dataset.grade = 'none';
    box.append(el('p', { class: 'detail', text: t.headlineNone }));
    return;
  }
  const book = rulebooks.find((b) => b.id === score.rulebook.id);
  const order = bandOrder(book);
  const english = new Map((book?.bands ?? []).map((b) => [b.name_vi, b.name_en]));
  const nameOf = (vi) => (lang === 'vi' ? vi : english.get(vi) ?? vi);
  const counts = new Map();
  for (const a of score.agencies) counts.set(a.band, (counts.get(a.band) ?? 0) + 1);
  const all = score.agencies.length;
  const best = order[0] ?? score.agencies.find((a) => a.band)?.band ?? null;
  const inBest = best === null ? 0 : counts.get(best) ?? 0;
  const rest = [
    ...order.slice(1).filter((b) => counts.get(b)).map((b) => `${nameOf(b)} ${counts.get(b)}`),
    ...(counts.get(null) ? [`${t.notGraded} ${counts.get(null)}`] : []),
  ];
  box.dataset.grade = inBest === all ? 'all-best' : 'mixed';
  const period = lang === 'vi' ? result.periodInfo.label_vi : result.periodInfo.label_en;
  box.append(el('p', { class: `value${inBest === all ? '' : ' mixed'}`, text: t.headlineOf(inBest, all, best === null ? '' : nameOf(best)) }));
  if (rest.length) box.append(el('p', { class: 'detail', text: t.headlineRest(rest.join(' · ')) }));
  box.append(el('p', { class: 'detail', text: t.headlineBasis(lang === 'vi' ? score.rulebook.name : score.rulebook.name_en, period) }));
}
