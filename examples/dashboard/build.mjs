// Bundles the dashboard (app and worker, with chart.js and the motcua package) into dist/,
// with the WebAssembly module beside the bundles. Run `npm run build` (or build.sh).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const dist = path.join(here, 'dist');
mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  format: 'esm',
  target: ['chrome110', 'firefox115', 'safari16'],
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // The glue's `new URL('motcua_bg.wasm', import.meta.url)` resolves next to the bundle.
  external: [],
};

await build({ ...common, entryPoints: [path.join(here, 'src/main.js')], outfile: path.join(dist, 'app.js') });
await build({ ...common, entryPoints: [path.join(here, 'src/worker.js')], outfile: path.join(dist, 'worker.js') });

const pkgDir = path.dirname(require.resolve('motcua/package.json'));
copyFileSync(path.join(pkgDir, 'motcua_bg.wasm'), path.join(dist, 'motcua_bg.wasm'));
const version = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
console.log(`dashboard built in ${path.relative(process.cwd(), dist) || '.'} (motcua ${version})`);
