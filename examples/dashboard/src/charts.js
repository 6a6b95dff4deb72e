// The dashboard's charts (chart.js). Every number on them, axis labels and tooltips, is
// written by the motcua package's formatters in the page's language: `3.500` and `17,5`
// in Vietnamese, `3,500` and `17.5` in English.
import {
  ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip,
} from 'chart.js';
import * as motcua from 'motcua';

// Each chart leaves on its canvas the labels of its numeric axes as drawn (`data-ticks`,
// JSON: axis id → labels), its labels and values (`data-values`) and the lines of the
// last tooltip shown (`data-tooltip`), so that what a chart shows can be read back as text.
const readBack = {
  id: 'readBack',
  afterUpdate(chart) {
    const ticks = {};
    for (const [id, scale] of Object.entries(chart.scales)) {
      if (scale.type === 'linear') ticks[id] = scale.ticks.map((x) => x.label);
    }
    chart.canvas.dataset.ticks = JSON.stringify(ticks);
    chart.canvas.dataset.values = JSON.stringify({ labels: chart.data.labels, datasets: chart.data.datasets.map((d) => ({ label: d.label, data: d.data })) });
    const a = chart.chartArea;
    if (a) chart.canvas.dataset.area = JSON.stringify({ left: a.left, right: a.right, top: a.top, bottom: a.bottom });
  },
  afterTooltipDraw(chart, { tooltip }) {
    chart.canvas.dataset.tooltip = JSON.stringify(tooltip.body.flatMap((b) => b.lines));
  },
};

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale, Tooltip, readBack);

/** A number as the reports write it: whole numbers grouped (`3.500`), decimals with a comma (`17,5`) in Vietnamese. */
export function formatNumber(v, lang) {
  if (!Number.isFinite(v)) return '';
  if (Number.isInteger(v)) return motcua.formatInt(v, lang);
  const places = Math.abs(v * 10 - Math.round(v * 10)) < 1e-9 ? 1 : 2;
  const text = motcua.formatDecimal(v, places, lang);
  const sep = lang === 'en' ? '.' : ',';
  const [whole, frac] = text.split(sep);
  const sign = whole.startsWith('-') ? '-' : '';
  return `${sign}${motcua.formatInt(Math.abs(Number(whole)), lang)}${frac === undefined ? '' : sep + frac}`;
}

const COLORS = { early: '#1b7f4b', on_time: '#5cb85c', late: '#d9534f', pending: '#f0ad4e', online: '#2f6db5', person: '#8e6bbf', postal: '#c9a227' };
export const BAND_COLORS = ['#1b7f4b', '#2f6db5', '#c9a227', '#e67e22', '#d9534f'];

function common(lang) {
  const fmt = (v) => formatNumber(v, lang);
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    locale: lang === 'en' ? 'en-US' : 'vi-VN',
    plugins: {
      legend: { position: 'bottom' },
      tooltip: {
        callbacks: {
          label: (c) => {
            const v = typeof c.parsed === 'number' ? c.parsed : c.parsed.y;
            const name = c.chart.config.type === 'doughnut' ? c.label : c.dataset.label;
            return `${name}: ${fmt(v)}`;
          },
        },
      },
    },
    fmt,
  };
}

const numberAxis = (fmt, extra = {}) => ({ beginAtZero: true, ...extra, ticks: { callback: (v) => fmt(v) } });

/**
 * Draws the charts of a result: resolution by agency (stacked), the channels, and the
 * scores (when graded). `labels` are the page's words (`t().counts`); returns the charts.
 */
export function drawCharts({ report, score, bandIndex, lang, labels, scoreLabel, canvases }) {
  const { fmt, ...opts } = common(lang);
  const charts = [];
  charts.push(new Chart(canvases.resolution, {
    type: 'bar',
    data: {
      labels: report.agencies.map((a) => a.agency),
      datasets: [
        ['resolved_early', COLORS.early], ['resolved_on_time', COLORS.on_time], ['resolved_late', COLORS.late], ['pending', COLORS.pending],
      ].map(([k, color]) => ({ label: labels[k], data: report.agencies.map((a) => a[k]), backgroundColor: color, stack: 's' })),
    },
    options: { ...opts, scales: { x: { stacked: true }, y: numberAxis(fmt, { stacked: true }) } },
  }));
  charts.push(new Chart(canvases.channels, {
    type: 'doughnut',
    data: {
      labels: [labels.received_online, labels.received_in_person, labels.received_postal],
      datasets: [{ data: [report.total.received_online, report.total.received_in_person, report.total.received_postal], backgroundColor: [COLORS.online, COLORS.person, COLORS.postal] }],
    },
    options: opts,
  }));
  if (score) {
    const graded = score.agencies.filter((a) => a.total !== null);
    charts.push(new Chart(canvases.scores, {
      type: 'bar',
      data: {
        labels: graded.map((a) => a.agency),
        datasets: [{
          label: scoreLabel,
          data: graded.map((a) => a.total),
          backgroundColor: graded.map((a) => BAND_COLORS[bandIndex(a.band) % BAND_COLORS.length]),
        }],
      },
      options: { ...opts, plugins: { ...opts.plugins, legend: { display: false } }, scales: { y: numberAxis(fmt, { max: score.rulebook.max }) } },
    }));
  }
  return charts;
}
