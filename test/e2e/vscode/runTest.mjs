#!/usr/bin/env node
// Runs extension test suites through @vscode/test-electron's runTests(), as on a desktop VS Code.
//
//   node test/e2e/vscode/runTest.mjs --extension <abs dir> --tests <abs tests module> [--workspace <abs dir>]
//
// By default the "VS Code executable" is ./launcher, which runs the tests in VS Code 1.139 as
// code-server driven by headless Chromium (nothing is downloaded). Set VSCODE_EXECUTABLE to the path
// of a real VS Code (e.g. /usr/share/code/code, or one fetched by @vscode/test-electron's
// downloadAndUnzipVSCode where the network allows) to run the very same suites there; on a Linux
// machine without a display run that under xvfb-run.
//
// Each run gets fresh --user-data-dir / --extensions-dir under .cache/e2e/runs/ (so nothing lands in
// ./.vscode-test). Exit code: the tests' exit code. The last stdout line is "N passed, N failed" when the
// tests printed one.
//
// As a library: `import { runSuites } from './runTest.mjs'`.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, '..', '..', '..');
const require = createRequire(import.meta.url);
const { runTests } = require('@vscode/test-electron');

export const LAUNCHER = path.join(here, 'launcher');
const SUMMARY_RE = /^(?:\w+:\s*)?\d+ passed, \d+ failed(?:, \d+ skipped)?\s*$/;

/**
 * @param {{ extensionDevelopmentPath: string | string[], extensionTestsPath: string, workspace?: string,
 *           launchArgs?: string[], extensionTestsEnv?: Record<string,string>, vscodeExecutablePath?: string }} o
 * @returns {Promise<{ code: number, summary: string | null }>}
 */
export async function runSuites(o) {
  const vscodeExecutablePath = o.vscodeExecutablePath || process.env.VSCODE_EXECUTABLE || LAUNCHER;
  if (vscodeExecutablePath === LAUNCHER) {
    // runTests spawns the executable directly: make sure the launcher kept its executable bit.
    try {
      fs.accessSync(LAUNCHER, fs.constants.X_OK);
    } catch {
      fs.chmodSync(LAUNCHER, 0o755);
    }
  }
  const profile = path.join(REPO, '.cache', 'e2e', 'runs', `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-runTests-${process.pid}`);
  fs.mkdirSync(profile, { recursive: true });
  const launchArgs = [
    ...(o.workspace ? [o.workspace] : []),
    `--user-data-dir=${path.join(profile, 'user-data')}`,
    `--extensions-dir=${path.join(profile, 'extensions')}`,
    ...(o.launchArgs ?? []),
  ];
  // runTests pipes the executable's stdout to ours: watch it for the summary line to re-print it last.
  let summary = null;
  let partial = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    const lines = (partial + String(chunk)).split('\n');
    partial = lines.pop();
    for (const l of lines) if (SUMMARY_RE.test(l.trim())) summary = l.trim();
    return write(chunk, ...rest);
  };
  let code;
  try {
    code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: o.extensionDevelopmentPath,
      extensionTestsPath: o.extensionTestsPath,
      extensionTestsEnv: o.extensionTestsEnv,
      launchArgs,
    });
  } catch (e) {
    code = typeof e?.code === 'number' ? e.code : 1;
    if (typeof e?.code !== 'number') process.stderr.write(`runTests failed: ${e?.message ?? e}\n`);
  } finally {
    process.stdout.write = write;
  }
  if (code === 0 && process.env.KPO_E2E_KEEP !== '1') fs.rmSync(profile, { recursive: true, force: true });
  return { code, summary };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const argv = process.argv.slice(2);
  const get = (n) => {
    const i = argv.findIndex((a) => a === `--${n}` || a.startsWith(`--${n}=`));
    if (i < 0) return undefined;
    return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
  };
  const extension = get('extension');
  const tests = get('tests');
  if (!extension || !tests) {
    process.stderr.write('usage: node test/e2e/vscode/runTest.mjs --extension <abs dir> --tests <abs tests module> [--workspace <abs dir>]\n');
    process.exit(2);
  }
  const { code, summary } = await runSuites({
    extensionDevelopmentPath: path.resolve(extension),
    extensionTestsPath: path.resolve(tests),
    workspace: get('workspace') && path.resolve(get('workspace')),
  });
  if (summary) process.stdout.write(`${summary}\n`);
  process.exitCode = code;
}
