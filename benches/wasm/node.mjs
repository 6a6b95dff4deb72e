// parseCsv + report in Node (WebAssembly) against the native CLI on the same file, the CLI
// on one CPU (taskset -c 0) and on all of them.
//
//   cargo build --release --bin motcua && bash bindings/wasm/build.sh
//   node benches/wasm/node.mjs [--rows 1000000] [--runs 3] [--period 2021-Q3]
// Goal: WebAssembly within 2,5 × the CLI on one thread.
import { readFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

import { arg, cli, dataFile, median, fmt } from './common.mjs';

const rows = Number(arg('rows', 1_000_000));
const runs = Number(arg('runs', 3));
const period = arg('period', '2021-Q3');
const motcua = await import('../../bindings/wasm/pkg/node.js');

const { file, bytes } = dataFile(rows);
console.log(`file: ${file} (${rows} rows, ${(bytes / 1e6).toFixed(1)} MB)`);

function timeCli(pin) {
  const args = ['report', '--input', file, '--period', period, '--format', 'json'];
  const t = performance.now();
  const out = pin ? execFileSync('taskset', ['-c', '0', cli, ...args], { maxBuffer: 1 << 30 }) : execFileSync(cli, args, { maxBuffer: 1 << 30 });
  return [performance.now() - t, JSON.parse(out)];
}

function timeWasm() {
  const t = performance.now();
  const ds = motcua.parseCsv(readFileSync(file));
  const r = motcua.report(ds, { period });
  const ms = performance.now() - t;
  ds.free();
  return [ms, r];
}

const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const one = [];
const all = [];
const wasm = [];
let same = true;
for (let i = 0; i < runs; i++) {
  const [a, ra] = timeCli(hasTaskset);
  const [b] = timeCli(false);
  const [c, rc] = timeWasm();
  one.push(a);
  all.push(b);
  wasm.push(c);
  same &&= JSON.stringify(ra) === JSON.stringify(rc);
}
const ratio = median(wasm) / median(one);
console.log(`native CLI, one CPU${hasTaskset ? '' : ' (taskset missing: all CPUs)'}: ${fmt(median(one))}  (runs: ${one.map(fmt).join(', ')})`);
console.log(`native CLI, all CPUs:  ${fmt(median(all))}  (runs: ${all.map(fmt).join(', ')})`);
console.log(`WebAssembly in Node (read + parseCsv + report): ${fmt(median(wasm))}  (runs: ${wasm.map(fmt).join(', ')})`);
console.log(`ratio WebAssembly / CLI on one CPU: ${ratio.toFixed(2)} (goal ≤ 2.5)  — same report: ${same}`);
console.log(`throughput: ${(rows / median(wasm) / 1000).toFixed(2)} M rows/s, ${(bytes / median(wasm) / 1000).toFixed(0)} MB/s`);
if (!same || ratio > 2.5) process.exitCode = 1;
