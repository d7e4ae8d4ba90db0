// `npm run bench`: the whole benchmark in one command. Expects the engine compiled (tsc → out/) and
// bundled (esbuild → dist/), which the npm script does first. Packages the .vsix (unless --quick),
// writes the corpus, runs every measurement in a process of its own, collects the JSON lines into
// out/bench/results.json and docs/performance.json, and writes docs/performance.md and the plot.
//
//   node scripts/bench/run.mjs [--quick]

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SIZES, writeCorpus } from './corpus.mjs';
import { OUT, ROOT, require } from './lib.mjs';

const quick = process.argv.includes('--quick');
const started = Date.now();
const results = [];
const say = (m) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${m}`);

/** Runs a measurement script and collects the JSON lines it prints. */
function step(title, args, { node = [] } = {}) {
  say(title);
  const r = spawnSync(process.execPath, [...node, ...args, ...(quick ? ['--quick'] : [])], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${title} failed (exit ${r.status ?? r.signal})`);
  for (const line of r.stdout.split('\n')) if (line.trim().startsWith('{')) results.push(JSON.parse(line));
}

const version = (name) => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

// The package first: `vscode:prepublish` bundles dist/ in production mode, so the server measured
// below is the one that ships.
const vsixFile = path.join(ROOT, 'kpo-glossary.vsix');
let vsix;
if (!quick) {
  say('npm run package (.vsix, production bundle)');
  const r = spawnSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}\n${r.stderr}`);
  vsix = { bytes: fs.statSync(vsixFile).size, built: true };
} else if (fs.existsSync(vsixFile)) {
  vsix = { bytes: fs.statSync(vsixFile).size, built: false };
}

say('corpus');
writeCorpus(OUT);

for (const s of SIZES) {
  if (quick && s.key === '10m') continue;
  step(`engine: full analysis ${s.name}`, ['scripts/bench/engine.mjs', `full:${s.key}:builtin`], { node: ['--expose-gc'] });
  if (!quick || s.key === '1m') step(`engine: full analysis ${s.name}, + 10,000 terms`, ['scripts/bench/engine.mjs', `full:${s.key}:synthetic`], { node: ['--expose-gc'] });
}
step('engine: glossaries', ['scripts/bench/engine.mjs', 'glossary'], { node: ['--expose-gc'] });
for (const key of quick ? ['1m'] : ['100k', '1m', '10m']) step(`engine: keystrokes ${key}`, ['scripts/bench/engine.mjs', `keystroke:${key}`], { node: ['--expose-gc'] });
step('engine: hover and completion', ['scripts/bench/engine.mjs', 'hover'], { node: ['--expose-gc'] });
// Issue 12: each case at n, 2n and 4n, and how its time grows when the input doubles.
step('scaling: growth per doubling (issue 12)', ['scripts/bench/scaling.mjs']);
if (!quick) step('engine: heap', ['scripts/bench/engine.mjs', 'heap'], { node: ['--expose-gc'] });
step('kpo-lint, whole process', ['scripts/bench/cli.mjs']);
step('language server over stdio', ['scripts/bench/lsp.mjs']);
for (const p of ['textlint', 'textlint-10k', 'markdownlint', 'cspell']) step(`peer: ${p}`, ['scripts/bench/peers.mjs', p]);
// The real editor needs the .vsix just packaged, and code-server and Chromium (installed on demand).
if (!quick) step('VS Code start-up (code-server)', ['scripts/bench/vscode-startup.mjs']);
// VS Code for the Web: the web bundles (production, from the package step) in headless Chromium.
if (!quick) step('VS Code for the Web start-up (test-web)', ['scripts/bench/web-startup.mjs']);

// What is in the bundled server, by input (esbuild's metafile), and that no benchmark-only package is.
say('bundle contents');
const esbuild = require('esbuild');
const meta = await esbuild.build({
  entryPoints: [path.join(ROOT, 'server', 'src', 'lsp', 'main.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  write: false,
  metafile: true,
  logLevel: 'silent',
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  outfile: path.join(OUT, 'server.js'),
});
const output = Object.values(meta.metafile.outputs)[0];
const byPackage = new Map();
for (const [input, info] of Object.entries(output.inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  const name = m ? m[1] : input.startsWith('server/') ? 'server/src (the engine and the server)' : input;
  byPackage.set(name, (byPackage.get(name) ?? 0) + info.bytesInOutput);
}
const inputs = [...byPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 8);
const peersBundled = [...byPackage.keys()].filter((n) => /textlint|markdownlint|cspell/.test(n));
const serverBytes = output.bytes;

const cpus = os.cpus();
const record = {
  meta: {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    quick,
    machine: { cpu: cpus[0]?.model?.trim() ?? 'unknown CPU', cpus: cpus.length, memoryGB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}` },
    node: process.versions.node,
    versions: {
      'kpo-glossary': pkg.version,
      textlint: version('textlint'),
      'textlint-rule-terminology': version('textlint-rule-terminology'),
      markdownlint: version('markdownlint'),
      'cspell-lib': version('cspell-lib'),
      esbuild: version('esbuild'),
    },
    vsix,
    bundle: { server: { bytes: serverBytes, inputs, peersBundled } },
    seconds: Math.round((Date.now() - started) / 1000),
  },
  results,
};
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(record, null, 2) + '\n');
fs.writeFileSync(path.join(ROOT, 'docs', 'performance.json'), JSON.stringify(record, null, 2) + '\n');
say('report');
const r = spawnSync(process.execPath, ['scripts/bench/report.mjs', path.join(OUT, 'results.json')], { cwd: ROOT, stdio: 'inherit' });
if (r.status !== 0) throw new Error('the report failed');
say(`done in ${record.meta.seconds} s`);
