#!/usr/bin/env node
// Start-up in the real editor: the packaged .vsix in VS Code 1.139 (code-server, headless Chromium),
// a 20 KB proposal opened from the explorer, and the time until its first squiggle is drawn.
//   cold:    the first Markdown file after code-server starts (the extension activates, starts its
//            server, loads the glossary, checks the file);
//   warm:    the same after "Developer: Reload Window" (a new extension host and server, with the
//            files in the OS cache), median of several;
//   running: another 20 KB file once the extension runs.
// The extension's log gives the split: activation → server ready → glossary loaded → first findings.
// Prints one JSON line (kind "vscode-startup"), like the other benchmark scripts.
//
//   node scripts/bench/vscode-startup.mjs [--quick] [--vsix kpo-glossary.vsix]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkbench, SEL } from '../e2e/ui.mjs';
import { ROOT, median, round } from './lib.mjs';
import { proposal } from './vscode-startup-docs.mjs';

const quick = process.argv.includes('--quick');
const vsixArg = process.argv.indexOf('--vsix');
const vsix = path.resolve(vsixArg > 0 ? process.argv[vsixArg + 1] : path.join(ROOT, 'kpo-glossary.vsix'));
const WARM_RUNS = quick ? 2 : 5;
const log = (m) => process.stderr.write(`[vscode-startup] ${m}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (!fs.existsSync(vsix)) throw new Error(`no ${vsix}: run \`npm run package\` first`);

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-startup-'));
const files = ['proposal-a.md', 'proposal-b.md', 'proposal-c.md'];
for (const [i, f] of files.entries()) fs.writeFileSync(path.join(workspace, f), proposal(`Client ${String.fromCharCode(65 + i)}`));

const SQUIGGLE = `${SEL.editor} :is(${SEL.squigglyWarning}, ${SEL.squigglyError}, ${SEL.squigglyInfo})`;

/** Opens `name` from the explorer and returns the milliseconds until a squiggle is drawn in it. */
async function openAndTime(ui, name) {
  const row = ui.page.locator(SEL.explorerRow, { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  const t0 = Date.now();
  await row.click();
  await ui.page.locator(SQUIGGLE).first().waitFor({ state: 'attached', timeout: 60_000 });
  return Date.now() - t0;
}

/** The extension's own start-up marks from its latest log file (ms after activation). */
function marks(run) {
  const logs = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'KPO Glossary.log') logs.push(p);
    }
  };
  walk(path.join(run.dir, 'data', 'logs'));
  const latest = logs.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  if (!latest) return {};
  const text = fs.readFileSync(latest, 'utf8');
  const num = (re) => {
    const m = re.exec(text);
    return m ? Number(m[1]) : undefined;
  };
  return { serverReadyMs: num(/Server ready (\d+) ms after activation/), glossaryLoadMs: num(/Glossary loaded in (\d+) ms/), firstFindingsMs: num(/First findings shown (\d+) ms after activation/) };
}

let ui;
try {
  ui = await openWorkbench({ vsix, workspace, label: 'startup', settings: { 'files.autoSave': 'off' }, viewport: { width: 1280, height: 800 } });
  log('cold: the first Markdown file');
  const coldMs = await openAndTime(ui, files[0]);
  await sleep(500);
  const cold = { openToSquiggleMs: coldMs, ...marks(ui.run) };
  log(`cold ${JSON.stringify(cold)}`);
  const runningMs = await openAndTime(ui, files[1]);
  log(`running: ${runningMs} ms`);
  const warm = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    await ui.runCommand('View: Close All Editors');
    await sleep(300);
    await ui.runCommand('Developer: Reload Window');
    await ui.page.locator(SEL.workbench).waitFor({ state: 'visible', timeout: 60_000 });
    await ui.page.locator(SEL.explorerRow).first().waitFor({ state: 'visible', timeout: 60_000 });
    await sleep(1000);
    const ms = await openAndTime(ui, files[2]);
    await sleep(500);
    warm.push({ openToSquiggleMs: ms, ...marks(ui.run) });
    log(`warm ${i + 1}: ${JSON.stringify(warm[warm.length - 1])}`);
  }
  const med = (key) => round(median(warm.map((w) => w[key]).filter((v) => v !== undefined)), 0);
  console.log(JSON.stringify({
    kind: 'vscode-startup',
    documentBytes: fs.statSync(path.join(workspace, files[0])).size,
    cold,
    warm: { openToSquiggleMs: med('openToSquiggleMs'), serverReadyMs: med('serverReadyMs'), glossaryLoadMs: med('glossaryLoadMs'), firstFindingsMs: med('firstFindingsMs'), runs: warm.length },
    runningOpenToSquiggleMs: runningMs,
  }));
} finally {
  if (ui) await ui.close();
  fs.rmSync(workspace, { recursive: true, force: true });
}
