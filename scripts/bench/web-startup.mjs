#!/usr/bin/env node
// Start-up in VS Code for the Web (1.91, headless Chromium, offline; scripts/e2e/web.mjs): the web
// extension (dist/web, as built: production when `npm run bench` packaged the .vsix first) in a fresh
// browser per run, a 20 KB proposal opened, and the time from the extension's activation to its first
// findings (the server's web worker started, the built-in glossary loaded from the bundle, the document
// checked); then a second document once it runs. Also the web bundles' sizes (as built, and gzipped:
// what a browser downloads). Prints one JSON line (kind "web-startup").
//
//   node scripts/bench/web-startup.mjs [--quick]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleWebTests, runWebTests } from '../e2e/web.mjs';
import { OUT, ROOT, median, round } from './lib.mjs';
import { proposal } from './vscode-startup-docs.mjs';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 1 : 3;
const log = (m) => process.stderr.write(`[web-startup] ${m}\n`);

for (const f of ['client.js', 'server.js']) if (!fs.existsSync(path.join(ROOT, 'dist', 'web', f))) throw new Error(`no dist/web/${f}: run \`npm run build\` first`);
const bundle = (f) => {
  const data = fs.readFileSync(path.join(ROOT, 'dist', 'web', f));
  return { bytes: data.length, gzipBytes: gzipSync(data).length };
};

const tests = await bundleWebTests({ entryPoint: path.join(ROOT, 'scripts', 'bench', 'web-probe.js'), outfile: path.join(OUT, 'web', 'probe.js') });
const runs = [];
for (let i = 0; i < RUNS; i++) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-web-startup-'));
  fs.writeFileSync(path.join(workspace, 'proposal-a.md'), proposal('Client A'));
  fs.writeFileSync(path.join(workspace, 'proposal-b.md'), proposal('Client B'));
  try {
    const r = await runWebTests({ extensionDevelopmentPath: ROOT, extensionTestsPath: tests, folderPath: workspace });
    const line = r.output.split('\n').find((l) => l.includes('[kpo-bench] '));
    if (!line) throw new Error('the probe reported no figures');
    runs.push(JSON.parse(line.slice(line.indexOf('[kpo-bench] ') + 12)));
    log(`run ${i + 1}: ${JSON.stringify(runs[runs.length - 1])}`);
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}
const med = (key) => round(median(runs.map((r) => r[key])), 0);
console.log(
  JSON.stringify({
    kind: 'web-startup',
    documentBytes: runs[0].documentBytes,
    runs: runs.length,
    activateMs: med('activateMs'),
    firstFindingsMs: med('firstFindingsMs'),
    runningOpenToFindingsMs: med('runningOpenToFindingsMs'),
    bundles: { client: bundle('client.js'), server: bundle('server.js') },
  }),
);
