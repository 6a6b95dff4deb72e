// The dashboard's worker: reads files and computes everything with the motcua package
// (WebAssembly), off the page's thread. It keeps the dossiers of the open file, so that a
// new period or rulebook is computed without reading the file again.
import init, * as motcua from 'motcua';

// The module comes with the page's first message ('init'): compiled by the page in the
// one-file build, else undefined and fetched from beside this file.
let moduleArrived;
const ready = new Promise((resolve) => {
  moduleArrived = resolve;
}).then((module) => init(module));
let dossiers = null;
let units = null;
let source = null;
// How to read the open table again for a dossier list (`list` reads the table itself, to
// keep each dossier's code): the sample's text, or the chosen file's bytes.
let reread = null;
let readProfile = {};

const ERRORS_SHOWN = 500;

function post(msg, transfer) {
  self.postMessage(msg, transfer ?? []);
}

function errorOf(e) {
  return {
    name: e?.name ?? 'Error',
    message: e?.message ?? String(e),
    line: e?.line ?? null,
    column: e?.column ?? null,
  };
}

/** The table's format: from the first bytes, else the file's extension; CSV otherwise. */
function formatOf(bytes, name) {
  // A workbook is a zip file ("PK\x03\x04"), an old .xls an OLE compound file.
  const starts = (...b) => bytes.length >= b.length && b.every((x, i) => bytes[i] === x);
  if (starts(0x50, 0x4b, 3, 4) || starts(0xd0, 0xcf, 0x11, 0xe0) || /\.xls[xm]?$/i.test(name ?? '')) return 'xlsx';
  if (/\.(json|jsonl|ndjson)$/i.test(name ?? '')) return 'json';
  // the portal's records: a JSON array or JSON Lines, after any byte order mark and spaces
  let i = starts(0xef, 0xbb, 0xbf) ? 3 : 0;
  while (i < bytes.length && i < 4096 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i += 1;
  return bytes[i] === 0x7b || bytes[i] === 0x5b ? 'json' : 'csv';
}

async function open(id, src) {
  const t0 = performance.now();
  post({ type: 'progress', id, phase: 'loadingModule', fraction: 0 });
  await ready;
  let bytes;
  let name;
  let unitsText = null;
  if (src.kind === 'sample') {
    name = 'soc-trang-2021.csv';
    post({ type: 'progress', id, phase: 'reading', fraction: 0.02 });
    bytes = motcua.sampleCsv('soc-trang-2021');
    unitsText = motcua.sampleUnitsCsv('soc-trang-2021');
    reread = async () => motcua.sampleCsv('soc-trang-2021');
  } else {
    name = src.file.name;
    post({ type: 'progress', id, phase: 'reading', fraction: 0.02 });
    bytes = new Uint8Array(await src.file.arrayBuffer());
    const { file } = src;
    reread = async () => new Uint8Array(await file.arrayBuffer());
  }
  post({ type: 'progress', id, phase: 'parsing', fraction: 0.1 });
  dossiers?.free();
  dossiers = null;
  const format = typeof bytes === 'string' ? 'csv' : formatOf(bytes, name);
  const onProgress = (done, total) => post({ type: 'progress', id, phase: 'parsing', fraction: 0.1 + 0.8 * (done / Math.max(total, 1)) });
  // the source profile chosen on the page ('auto': detected from the header or keys)
  const profile = src.profile && src.profile !== 'auto' ? { profile: src.profile } : {};
  if (format === 'xlsx') dossiers = motcua.parseXlsx(bytes, profile);
  else if (format === 'json') dossiers = motcua.parseJson(bytes, profile);
  else dossiers = motcua.parseCsv(bytes, { onProgress, ...profile });
  bytes = null;
  units = unitsText;
  source = { name, format, sample: src.kind === 'sample' };
  readProfile = profile;
  const input = dossiers.input;
  delete input.errors;
  post({
    type: 'opened',
    id,
    info: {
      ...source,
      input,
      errors: dossiers.errorsSlice(0, ERRORS_SHOWN),
      agencies: dossiers.agencies,
      receivedRange: dossiers.receivedRange,
      hasUnits: units !== null,
      ms: Math.round(performance.now() - t0),
    },
  });
}

function setUnits(id, text) {
  // Checked now, so that a bad units file is reported when it is chosen.
  motcua.parseUnits(text);
  units = text;
  post({ type: 'units', id });
}

/**
 * The series of the period's year by month or quarter (contract section 11), or of the
 * chosen range itself: what the trend chart draws.
 */
function trend(id, { period, every }) {
  if (!dossiers) throw Object.assign(new Error('no data'), { name: 'ArgumentError' });
  const periodInfo = motcua.parsePeriod(period);
  const scope = periodInfo.kind === 'range' ? period : periodInfo.from.slice(0, 4);
  const series = motcua.report(dossiers, { period: scope, every }).series ?? [];
  post({
    type: 'trend',
    id,
    every,
    scope: periodInfo.kind === 'range' ? null : scope,
    steps: series.map((s) => ({ from: s.period.from, to: s.period.to, received: s.total.received, resolved: s.total.resolved, on_time_rate: s.total.rates.on_time_rate })),
  });
}

/** The period counted by one key (contract section 11): procedure, field, official, channel. */
function breakdown(id, { period, by }) {
  if (!dossiers) throw Object.assign(new Error('no data'), { name: 'ArgumentError' });
  const report = motcua.report(dossiers, { period, by });
  post({ type: 'breakdown', id, breakdown: report.breakdown, total: report.total });
}

/** The dossiers behind one count of one agency in the period (contract section 12). */
async function listOf(id, { period, count, agency }) {
  if (!reread) throw Object.assign(new Error('no data'), { name: 'ArgumentError' });
  const input = await reread();
  const list = motcua.list(input, { period, count, agency, format: source.format, ...readProfile });
  post({ type: 'list', id, list });
}

function compute(id, { period, rulebook }) {
  const t0 = performance.now();
  if (!dossiers) throw Object.assign(new Error('no data'), { name: 'ArgumentError' });
  post({ type: 'progress', id, phase: 'computing', fraction: 0.92 });
  const p = { period };
  const report = motcua.report(dossiers, p);
  let score = null;
  let scoreError = null;
  try {
    score = motcua.score(dossiers, { ...p, units: units ?? undefined, rulebook });
  } catch (e) {
    scoreError = errorOf(e);
  }
  const names = {};
  for (const u of units ? motcua.parseUnits(units) : []) if (u.name) names[u.code] = u.name;
  if (source?.sample) for (const a of motcua.sampleAgencies()) names[a.code] ??= a.name;
  const form = motcua.form06a(dossiers, { ...p, names });
  // The grades go into the announcement when they could be computed.
  const graded = score ? { units: units ?? undefined, rulebook } : {};
  const announcement = {
    vi: motcua.announcement(dossiers, { ...p, ...graded, lang: 'vi' }),
    en: motcua.announcement(dossiers, { ...p, ...graded, lang: 'en' }),
  };
  const periodInfo = motcua.parsePeriod(period);
  post({ type: 'result', id, report, score, scoreError, form, names, announcement, periodInfo, ms: Math.round(performance.now() - t0) });
}

function download(id, { period, kind }) {
  const p = { period };
  const names = {};
  for (const u of units ? motcua.parseUnits(units) : []) if (u.name) names[u.code] = u.name;
  if (source?.sample) for (const a of motcua.sampleAgencies()) names[a.code] ??= a.name;
  const data = kind === 'xlsx' ? motcua.form06aXlsx(dossiers, { ...p, names }) : new TextEncoder().encode(motcua.form06aCsv(dossiers, { ...p, names }));
  post({ type: 'download', id, kind, data }, [data.buffer]);
}

self.onmessage = async (ev) => {
  const { id, type } = ev.data;
  try {
    if (type === 'open') await open(id, ev.data.source);
    else if (type === 'units') {
      await ready;
      setUnits(id, new TextDecoder().decode(await ev.data.file.arrayBuffer()));
    } else if (type === 'compute') {
      await ready;
      compute(id, ev.data);
    } else if (type === 'trend') {
      await ready;
      trend(id, { period: ev.data.period, every: ev.data.every === 'quarter' ? 'quarter' : 'month' });
    } else if (type === 'breakdown') {
      await ready;
      breakdown(id, ev.data);
    } else if (type === 'list') {
      await ready;
      await listOf(id, ev.data);
    } else if (type === 'download') {
      await ready;
      download(id, ev.data);
    } else if (type === 'init') {
      moduleArrived(ev.data.module);
      await ready;
      post({ type: 'ready', id, rulebooks: motcua.rulebooks().map(({ id: rid, name, name_en, max, bands }) => ({ id: rid, name, name_en, max, bands })) });
    }
  } catch (e) {
    post({ type: 'error', id, op: type, error: errorOf(e) });
  }
};
