// The whole test suite, as the README's `npm test` runs it and CI runs it on a fresh machine:
//   1. type-check and compile (tsc), bundle (esbuild);
//   2. the suites of scripts/suites.mjs, in order: unit, fixture and CLI tests; protocol tests against
//      the bundled server over stdio and the Neovim client; the extension's suite inside a real VS Code
//      (code-server) and the UI pass in Chromium.
// Before a suite runs, the external tools it needs (its `tools`: Neovim, code-server, Chromium, ...)
// are installed into the ignored cache .cache/e2e when missing (scripts/e2e/toolchain.mjs), and the
// log says so: on a fresh machine nothing is assumed to be there already.
// Each suite ends with a line "N passed, N failed"; this script adds them up and ends with one
// line totalling every suite. Set KPO_TEST_SUITES=unit,protocol to run a subset.
import { spawnSync } from 'child_process';
import { SUITES } from './suites.mjs';
import { ensureToolchain, PARTS } from './e2e/toolchain.mjs';

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

const build = step('build: tsc and esbuild', 'sh', ['-c', 'npx tsc -b && node scripts/build.mjs']);
if (build.status !== 0) {
  console.log('\nThe build failed: no tests were run.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

for (const { name, title, command, args, tools } of SUITES) {
  if (!want(name)) continue;
  if (tools.length > 0) {
    const programs = tools.flatMap((t) => PARTS[t].programs).join(', ');
    console.log(`\n=== ${title}: making sure its tools are installed (${programs}); what is missing is installed now: Debian packages with apt, the rest into .cache/e2e`);
    const started = Date.now();
    try {
      await ensureToolchain({ only: tools.join(',') });
      console.log(`=== ${title}: tools ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      console.log(`=== ${title}: could not install its tools, so it was not run: ${error.message}`);
      failed += 1;
      broken = true;
      continue;
    }
  }
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
