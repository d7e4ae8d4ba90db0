#!/usr/bin/env node
// The VS Code end of the test suite, as scripts/test.mjs (and so `npm test` and CI) runs it:
//   1. makes sure the pinned toolchain (code-server, Chromium, playwright-core) is in .cache/e2e;
//   2. packages the extension (`npm run package`) when kpo-glossary.vsix is missing or older than
//      what goes into it;
//   3. runs the extension's mocha suite (test/vscode, compiled to out/test/vscode) inside VS Code's
//      extension host, through @vscode/test-electron's runTests (test/e2e/vscode/runTest.mjs, whose
//      launcher runs VS Code 1.139 as code-server; VSCODE_EXECUTABLE runs a desktop VS Code instead);
//   4. runs the UI pass (test/ui/ui-pass.mjs) on the packaged .vsix installed into a clean code-server.
// Ends its stdout with ONE line `N passed, N failed` totalling both; exits 1 on any failure.
//
//   node scripts/e2e/run-all.mjs            (after `npx tsc -b`, which compiles the suite)
//   KPO_E2E_ONLY=exthost | ui               one of the two
//   KPO_UPDATE_SCREENSHOTS=1                the UI pass refreshes docs/images/ (the README's screenshots)

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureToolchain } from './toolchain.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const VSIX = path.join(ROOT, 'kpo-glossary.vsix');
const SUMMARY_RE = /^(\d+) passed, (\d+) failed/;
const only = process.env.KPO_E2E_ONLY;
const say = (m) => process.stderr.write(`[run-all] ${m}\n`);
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** Newest modification time under the given paths (files or folders). */
function newest(paths) {
  let latest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else latest = Math.max(latest, st.mtimeMs);
  };
  for (const p of paths) visit(path.join(ROOT, p));
  return latest;
}

/** What goes into the .vsix (through the bundles or as files). */
const PACKAGE_INPUTS = ['client/src', 'server/src', 'glossary', 'images', 'package.json', 'README.marketplace.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'scripts/build.mjs'];

function packageIfNeeded() {
  const have = fs.existsSync(VSIX) ? fs.statSync(VSIX).mtimeMs : 0;
  if (have && have >= newest(PACKAGE_INPUTS)) {
    say(`${path.basename(VSIX)} is up to date (${(fs.statSync(VSIX).size / 1024).toFixed(1)} KB)`);
    return;
  }
  const t0 = Date.now();
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  say(`packaged ${path.basename(VSIX)} (${(fs.statSync(VSIX).size / 1024).toFixed(1)} KB) in ${seconds(t0)}`);
}

/** A fresh workspace folder holding a copy of the sample proposal. */
function freshWorkspace(label) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kpo-${label}-`));
  fs.copyFileSync(path.join(ROOT, 'samples', 'proposal.md'), path.join(dir, 'proposal.md'));
  return dir;
}

/** Runs a node script, relaying its stdout and stderr, and returns its exit code and summary line. */
function runNode(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let summary;
    let partial = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop();
      for (const l of lines) {
        const m = SUMMARY_RE.exec(l.trim());
        if (m) summary = { passed: Number(m[1]), failed: Number(m[2]) };
      }
    });
    child.on('close', (code, signal) => {
      const m = SUMMARY_RE.exec(partial.trim());
      if (m) summary = { passed: Number(m[1]), failed: Number(m[2]) };
      resolve({ code: code ?? (signal ? 1 : 0), summary });
    });
  });
}

const t0 = Date.now();
const totals = { passed: 0, failed: 0 };
const count = (title, { code, summary }) => {
  if (!summary) {
    say(`${title}: no "N passed, N failed" line (exit ${code}); counted as one failure`);
    totals.failed += 1;
    return;
  }
  totals.passed += summary.passed;
  totals.failed += summary.failed;
  if (code !== 0 && summary.failed === 0) {
    say(`${title}: exit ${code} with no failed test; counted as one failure`);
    totals.failed += 1;
  }
};

try {
  let t = Date.now();
  await ensureToolchain({ only: 'vscode' });
  say(`toolchain ready in ${seconds(t)}`);

  if (!fs.existsSync(path.join(ROOT, 'out', 'test', 'vscode', 'index.js'))) {
    throw new Error('out/test/vscode/index.js is missing: run `npx tsc -b` first');
  }

  if (only !== 'exthost') {
    t = Date.now();
    packageIfNeeded();
  }

  if (only !== 'ui') {
    t = Date.now();
    console.log('\n--- extension tests inside VS Code (code-server 4.139.1 = VS Code 1.139.1), through @vscode/test-electron runTests');
    const workspace = freshWorkspace('exthost');
    const result = await runNode([path.join(ROOT, 'test', 'e2e', 'vscode', 'runTest.mjs'), '--extension', ROOT, '--tests', path.join(ROOT, 'out', 'test', 'vscode', 'index.js'), '--workspace', workspace]);
    fs.rmSync(workspace, { recursive: true, force: true });
    count('extension tests', result);
    say(`extension tests: exit ${result.code} in ${seconds(t)}`);
  }

  if (only !== 'exthost') {
    t = Date.now();
    console.log('\n--- UI pass on the installed .vsix (headless Chromium)');
    const args = [path.join(ROOT, 'test', 'ui', 'ui-pass.mjs'), '--vsix', VSIX];
    if (process.env.KPO_UPDATE_SCREENSHOTS === '1') args.push('--screenshots', path.join(ROOT, 'docs', 'images'));
    const result = await runNode(args);
    count('UI pass', result);
    say(`UI pass: exit ${result.code} in ${seconds(t)}`);
  }
} catch (e) {
  say(`ERROR: ${e?.stack ?? e}`);
  totals.failed += 1;
}

say(`done in ${seconds(t0)}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
