// Bundles the dashboard (app and worker, with chart.js and the motcua package) into dist/:
//
// - dist/app.js, dist/worker.js and dist/motcua_bg.wasm, for index.html served by any
//   static web server;
// - dist/motcua-dashboard.html, the one-file build: the page with its styles, both scripts
//   and the WebAssembly module (base64) inlined, which opens by double-click from a folder
//   or a USB stick (file://), with no server and no network.
//
// Run `npm run build` (or build.sh).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
  logLevel: 'warning',
};
const entries = { app: path.join(here, 'src/main.js'), worker: path.join(here, 'src/worker.js') };

// 1. Served: the glue's `new URL('motcua_bg.wasm', import.meta.url)` resolves next to the bundle.
for (const [name, entry] of Object.entries(entries)) {
  await build({ ...common, sourcemap: true, legalComments: 'linked', entryPoints: [entry], outfile: path.join(dist, `${name}.js`) });
}
const pkgDir = path.dirname(require.resolve('motcua/package.json'));
const wasmFile = path.join(pkgDir, 'motcua_bg.wasm');
copyFileSync(wasmFile, path.join(dist, 'motcua_bg.wasm'));
const version = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;

// 2. One file.
// Chromium starts no module worker from a blob: URL of a file:// page, so the worker is a
// classic script there (IIFE); it gets the module compiled by the page, and never reads the
// glue's default `import.meta.url`.
async function bundleText(entry, format) {
  const out = await build({
    ...common, format, sourcemap: false, legalComments: 'eof', entryPoints: [entry], write: false, logOverride: { 'empty-import-meta': 'silent' },
  });
  return out.outputFiles[0].text;
}

/** Script text safe inside <script>…</script>: no `</script`, no `<!--` (the parser's escapes). */
function scriptSafe(js, what) {
  const text = js.replace(/<\/(script)/gi, '<\\/$1');
  if (/<!--|<script/i.test(text)) throw new Error(`${what}: the bundle contains '<!--' or '<script', which an inline script cannot hold`);
  return text;
}

/** Replaces exactly one occurrence of `from` in `text`. */
function replaceOnce(text, from, to, what) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`index.html: expected one ${what}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const app = scriptSafe(await bundleText(entries.app, 'esm'), 'app');
const worker = scriptSafe(await bundleText(entries.worker, 'iife'), 'worker');
const css = readFileSync(path.join(here, 'style.css'), 'utf8');
if (/<\/style/i.test(css)) throw new Error('style.css contains </style');
const wasm = readFileSync(wasmFile).toString('base64');
const sha = createHash('sha256').update(app, 'utf8').digest('base64');
// No network at all: scripts only this page's own (by hash), the worker from a blob: URL.
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${sha}' 'wasm-unsafe-eval'`,
  'worker-src blob:',
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = readFileSync(path.join(here, 'index.html'), 'utf8');
html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
if (!html.includes(csp)) throw new Error('index.html: expected the Content-Security-Policy meta element');
html = replaceOnce(html, '<link rel="stylesheet" href="style.css">', `<style>\n${css}</style>`, 'stylesheet link');
html = replaceOnce(html, '<script type="module" src="dist/app.js"></script>', `<script type="module">${app}</script>`, 'app script');
html = replaceOnce(
  html,
  '</body>',
  `<script type="text/plain" id="motcua-worker">${worker}</script>\n<script type="application/wasm+base64" id="motcua-wasm">${wasm}</script>\n</body>`,
  '</body>',
);
const oneFile = path.join(dist, 'motcua-dashboard.html');
writeFileSync(oneFile, html);

const rel = (p) => path.relative(process.cwd(), p) || '.';
console.log(`dashboard built in ${rel(dist)} (motcua ${version}); one file: ${rel(oneFile)} (${(statSync(oneFile).size / 1e6).toFixed(1)} MB)`);
