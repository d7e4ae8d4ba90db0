// The whole test suite, as the README's `npm test` runs it and CI runs it on a fresh machine:
//   1. type-check and compile (tsc), bundle (esbuild);
//   2. unit, fixture and CLI tests (mocha, in-process);
//   3. protocol tests against the bundled server over stdio, and the Neovim client;
//   4. the extension's suite inside a real VS Code (code-server) and the UI pass in Chromium.
// Each suite ends with a line "N passed, N failed"; this script adds them up and ends with one
// line totalling every suite. Set KPO_TEST_SUITES=unit,protocol to run a subset.
import { spawnSync } from 'child_process';
import * as fs from 'fs';

const selected = process.env.KPO_TEST_SUITES ? process.env.KPO_TEST_SUITES.split(',') : undefined;
const want = (name) => !selected || selected.includes(name);

function step(title, command, args, options = {}) {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024, ...options });
  process.stdout.write(result.stdout ?? '');
  console.log(`=== ${title}: exit ${result.status ?? result.signal} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function counts(output) {
  const lines = (output ?? '').split('\n').reverse();
  for (const line of lines) {
    const m = /^(\d+) passed, (\d+) failed/.exec(line.trim());
    if (m) return { passed: Number(m[1]), failed: Number(m[2]) };
  }
  return undefined;
}

let passed = 0;
let failed = 0;
let broken = false;

const build = step('build: tsc and esbuild', 'sh', ['-c', 'npx tsc -p . && node scripts/build.mjs']);
if (build.status !== 0) {
  console.log('\nThe build failed: no tests were run.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const suites = [];
if (want('unit')) suites.push(['unit, fixture and CLI tests', 'npx', ['mocha']]);
if (want('protocol') && fs.existsSync('test/protocol/.mocharc.json')) suites.push(['language server over stdio, and Neovim', 'npx', ['mocha', '--config', 'test/protocol/.mocharc.json']]);
const e2e = fs.existsSync('scripts/e2e/run-all.mjs');
if (want('vscode') && e2e) suites.push(['VS Code (code-server) extension tests and UI pass', 'node', ['scripts/e2e/run-all.mjs']]);

for (const [title, command, args] of suites) {
  const result = step(title, command, args);
  const c = counts(result.stdout);
  if (!c) {
    console.log(`(${title}: no "N passed, N failed" line; counted as one failure)`);
    failed += 1;
    broken = true;
    continue;
  }
  passed += c.passed;
  failed += c.failed;
  if (result.status !== 0 && c.failed === 0) {
    failed += 1;
    broken = true;
  }
}

if (broken) console.log('\nA suite ended abnormally (see above); it counts as a failure.');
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
