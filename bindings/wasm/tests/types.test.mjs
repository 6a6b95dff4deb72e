// The TypeScript declarations: they compile in strict mode against a program that uses
// every function, have no `any`, and declare exactly what the package exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const motcua = await import('motcua');
const dts = readFileSync(require.resolve('motcua/package.json').replace('package.json', 'index.d.ts'), 'utf8');

test('the declarations compile with tsc --strict against a use of every function', () => {
  const tsc = path.join(here, 'node_modules/typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(here, 'types/tsconfig.json')], { stdio: 'pipe' });
});

test('no `any` in the declarations', () => {
  const code = dts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  assert.doesNotMatch(code, /\bany\b/);
  assert.doesNotMatch(code, /\bFunction\b/);
  assert.doesNotMatch(code, /\bobject\b/);
});

test('the declarations name every export, and only those', () => {
  const declared = new Set([...dts.matchAll(/^export (?:function|class|const|default function) (\w+)/gm)].map((m) => m[1]));
  const runtime = new Set(Object.keys(motcua).filter((k) => k !== 'default'));
  declared.delete('init');
  assert.deepEqual([...runtime].filter((k) => !declared.has(k)).sort(), [], 'exported but not declared');
  assert.deepEqual([...declared].filter((k) => !runtime.has(k)).sort(), [], 'declared but not exported');
  assert.equal(typeof motcua.default, 'function');
});
