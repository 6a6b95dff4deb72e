// One table of requests (tests/parity/requests.json) run on the CLI and in WebAssembly: the
// JSON must be identical. Units are passed on both sides or on neither. There is no file
// system in the browser: where the CLI gets a file, the package gets its text.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { cli, root } from './fixtures.mjs';

const motcua = await import('motcua');
const table = JSON.parse(readFileSync(path.join(root, 'tests/parity/requests.json'), 'utf8')).requests;
const dir = mkdtempSync(path.join(tmpdir(), 'motcua-parity-'));
const inputs = { example: path.join(root, 'tests/data/example.csv'), sample: path.join(dir, 'sample.csv') };
const unitsFile = path.join(dir, 'units.csv');

function run(...args) {
  return execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
}

before(() => {
  assert.ok(existsSync(cli), `the CLI is built: ${cli}`);
  run('generate', '--profile', 'soc-trang-2021', '--output', inputs.sample, '--units-output', unitsFile);
});

const builtinToml = (name) => motcua.rulebooks().find((b) => b.id === name).toml;

// [what the CLI gets, what the package gets]
function value(spec) {
  if (spec.name) return [spec.name, spec.name];
  let file;
  let text;
  if (spec.builtin) {
    text = builtinToml(spec.builtin);
    file = path.join(dir, `${spec.builtin}.toml`);
    writeFileSync(file, text);
  } else {
    file = path.join(root, spec.file);
    text = readFileSync(file, 'utf8');
  }
  return [spec.as === 'file' ? file : text, text];
}

function cliArgs(req) {
  const args = [req.command, '--input', inputs[req.input]];
  for (const k of ['period', 'from', 'to', 'every', 'compare', 'count', 'agency', 'channel', 'level', 'within']) {
    if (k in req) args.push(`--${k}`, String(req[k]));
  }
  if (req.by) args.push('--by', req.by.join(','));
  for (const k of ['calendar', 'rulebook']) if (req[k]) args.push(`--${k}`, value(req[k])[0]);
  if (req.units) args.push('--units', unitsFile);
  return [...args, '--format', 'json'];
}

function packageJson(req) {
  const o = {};
  for (const k of ['period', 'from', 'to', 'by', 'every', 'compare', 'count', 'agency', 'channel', 'level', 'within']) {
    if (k in req) o[k] = req[k];
  }
  for (const k of ['calendar', 'rulebook']) if (req[k]) o[k] = value(req[k])[1];
  if (req.units) o.units = readFileSync(unitsFile);
  const bytes = readFileSync(inputs[req.input]);
  if (req.command === 'report') return motcua.report(bytes, o);
  if (req.command === 'score') return motcua.score(bytes, o);
  return motcua.list(bytes, o);
}

for (const req of table) {
  test(`parity: ${req.name}`, () => {
    assert.deepEqual(packageJson(req), JSON.parse(run(...cliArgs(req))));
  });
}

test('dossiers already read give the report of their bytes; reading options are refused for them', () => {
  const bytes = readFileSync(inputs.sample);
  const ds = motcua.parseCsv(bytes);
  const o = { period: '2021-Q3', by: 'agency', every: 'month' };
  assert.deepEqual(motcua.report(ds, o), motcua.report(bytes, o));
  assert.throws(() => motcua.report(ds, { period: '2021-Q3', calendar: 'blank' }), { name: 'ArgumentError' });
  assert.throws(() => motcua.report(bytes, { period: '2021-Q3', calendar: 'my.toml' }), { name: 'ArgumentError' });
  assert.throws(() => motcua.report(bytes, { period: '2021-Q5' }), { name: 'PeriodError' });
});

test('the error names are those of the table of kinds', () => {
  const kinds = motcua.errorKinds();
  const names = new Set(kinds.map((k) => k.js));
  assert.equal(names.size, kinds.length);
  const declared = new Set(Object.values(motcua.ErrorKinds));
  for (const n of names) assert.ok(declared.has(n), `ErrorKinds lacks ${n}`);
  for (const n of declared) assert.ok(names.has(n) || n === 'NotReadyError' || n === 'PanicError', `${n} is not in the table`);
});

test('form 06a without names shows the codes', () => {
  const csv = 'MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo\n'
    + 'H1,STP,2,2021-07-01,2021-07-05,2021-07-02,10\nH2,SYT,1,2021-07-02,2021-07-09,,4\n';
  const text = motcua.form06aCsv(motcua.parseCsv(csv), { period: '2021-Q3' });
  assert.match(text, /\n1,STP,/);
  assert.match(text, /\n2,SYT,/);
  assert.doesNotMatch(text, /Sở Tư pháp|Sở Y tế/);
});
