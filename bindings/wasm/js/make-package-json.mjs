// Prints the package.json of the npm package `motcua`; the version is the workspace's.
import { readFileSync } from 'node:fs';

const cargo = readFileSync(process.argv[2], 'utf8');
const ws = cargo.slice(cargo.indexOf('[workspace.package]'));
const version = /^version\s*=\s*"([^"]+)"/m.exec(ws)?.[1];
if (!version) throw new Error('no version in [workspace.package] of ' + process.argv[2]);
const license = /^license\s*=\s*"([^"]+)"/m.exec(ws)?.[1] ?? 'MIT OR Apache-2.0';
const repository = /^repository\s*=\s*"([^"]+)"/m.exec(ws)?.[1];

const pkg = {
  name: 'motcua',
  version,
  description:
    'Figures and grades of Vietnamese public administration service centers (một cửa), in WebAssembly: reads dossier tables, counts a period, grades agencies, all in the browser or Node.',
  license,
  ...(repository ? { repository: { type: 'git', url: `git+${repository}.git`, directory: 'bindings/wasm' } } : {}),
  keywords: ['vietnam', 'public-administration', 'mot-cua', 'dossiers', 'wasm', 'webassembly'],
  type: 'module',
  main: './node.cjs',
  module: './web.js',
  browser: './web.js',
  types: './index.d.ts',
  exports: {
    '.': {
      node: {
        import: { types: './index.d.ts', default: './node.js' },
        require: { types: './index.d.cts', default: './node.cjs' },
      },
      types: './index.d.ts',
      default: './web.js',
    },
    './worker.js': './worker.js',
    './motcua_bg.wasm': './motcua_bg.wasm',
    './package.json': './package.json',
  },
  files: ['api.js', 'errors.js', 'classify.js', 'warnings.js', 'client.js', 'serve.js', 'worker.js', 'node-worker.js', 'state.js', 'node.js', 'node.cjs', 'web.js', 'motcua.js', 'motcua_bg.wasm', 'index.d.ts', 'index.d.cts', 'README.md'],
  sideEffects: ['./node.js', './node.cjs'],
  engines: { node: '>=20' },
};
process.stdout.write(JSON.stringify(pkg, null, 2) + '\n');
