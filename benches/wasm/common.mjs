// Shared by the benchmarks: the 1-million-row file and timing helpers.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cli = process.env.MOTCUA_CLI ?? path.join(root, 'target/release/motcua');

export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** The CSV of `rows` random dossiers made by `motcua generate` (kept between runs). */
export function dataFile(rows) {
  if (!existsSync(cli)) throw new Error(`build the CLI first: cargo build --release --bin motcua (${cli})`);
  const dir = path.join(tmpdir(), 'motcua-bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `random-${rows}.csv`);
  if (!existsSync(file)) {
    if (spawnSync(cli, ['generate', '--help']).status !== 0) throw new Error('the CLI has no generate command');
    execFileSync(cli, ['generate', '--rows', String(rows), '--seed', '1', '--output', file]);
  }
  return { file, bytes: statSync(file).size };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const fmt = (ms) => `${ms.toFixed(0)} ms`;
