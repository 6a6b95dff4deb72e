// The trend: a series of months or quarters (the package's `report(…, {every})`, contract
// section 11) for the year of the chosen period, or the chosen range itself. Bars for the
// dossiers received and resolved, a line for the on-time rate (right axis).
import { BarController, BarElement, Chart, LineController, LineElement, PointElement } from 'chart.js';
import * as motcua from 'motcua';
import { formatNumber } from './charts.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement);

/** The label of a step: `T7/2021` or `Quý 3/2021` (`t.stepMonth`, `t.stepQuarter`). */
function stepLabel(step, every, t) {
  const y = Number(step.from.slice(0, 4));
  const m = Number(step.from.slice(5, 7));
  return every === 'quarter' ? t.stepQuarter(Math.ceil(m / 3), y) : t.stepMonth(m, y);
}

/** Draws `trend` (from the worker: `{every, steps: [{from, to, received, resolved, on_time_rate}]}`). */
export function drawTrend(canvas, trend, { lang, t }) {
  const fmt = (v) => formatNumber(v, lang);
  const rate = (r) => (r ? (100 * r.numerator) / r.denominator : null);
  return new Chart(canvas, {
    data: {
      labels: trend.steps.map((s) => stepLabel(s, trend.every, t)),
      datasets: [
        { type: 'bar', label: t.counts.received, data: trend.steps.map((s) => s.received), backgroundColor: '#2f6db5', yAxisID: 'y' },
        { type: 'bar', label: t.counts.resolved, data: trend.steps.map((s) => s.resolved), backgroundColor: '#5cb85c', yAxisID: 'y' },
        {
          type: 'line', label: t.counts.on_time_rate, data: trend.steps.map((s) => rate(s.on_time_rate)), borderColor: '#b8262b', backgroundColor: '#b8262b', yAxisID: 'rate', spanGaps: true,
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: lang === 'en' ? 'en-US' : 'vi-VN',
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (c) => {
              if (c.dataset.yAxisID !== 'rate') return `${c.dataset.label}: ${fmt(c.parsed.y)}`;
              const r = trend.steps[c.dataIndex].on_time_rate;
              return `${c.dataset.label}: ${r ? motcua.formatPercent(r.numerator, r.denominator, lang) : '–'}`;
            },
          },
        },
      },
      scales: {
        y: { beginAtZero: true, ticks: { callback: (v) => fmt(v) } },
        rate: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, title: { display: true, text: t.rateAxis }, ticks: { callback: (v) => fmt(v) } },
      },
    },
  });
}
