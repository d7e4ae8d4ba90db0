#!/usr/bin/env node
// Runs an extension's mocha tests INSIDE VS Code's extension host (VS Code 1.139 as code-server, driven
// by headless Chromium), the way @vscode/test-electron does on a desktop VS Code.
//
//   node scripts/e2e/run-vscode-tests.mjs --extension <abs dir> --tests <abs path to compiled tests index.js>
//        [--workspace <abs dir | .code-workspace>] [--timeout <seconds, default 600>]
//        [--extensions-dir <dir with extra installed extensions>] [--env KEY=VALUE ...]
//        [--keep-run] [--verbose] [--no-screenshot]
//
// --extension may be given more than once. Exit code: the tests' exit code (0 = all passed), 124 on the
// overall timeout, 2 on bad arguments, 1 on any harness failure. The tests module's own summary line
// (`N passed, N failed`, printed by its run() through console.log) is relayed and re-printed as the
// last stdout line. Harness messages go to stderr, the extension host's console to stdout.
//
// As a library: `import { runVscodeTests } from './run-vscode-tests.mjs'`.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureToolchain } from './toolchain.mjs';
import { bound, launchBrowser, log, newRunDir, remoteUri, runCleanups, startCodeServer, workbenchUrl } from './code-server.mjs';

export const SUMMARY_RE = /^(?:\w+:\s*)?\d+ passed, \d+ failed(?:, \d+ skipped)?\s*$/;

const PRELOAD = fileURLToPath(new URL('./exthost-preload.cjs', import.meta.url));

// Known noise in the workbench log: no gallery, no GitHub, no network.
const NOISE_RE = /ENOTFOUND|open-vsx|gallery|marketplace|github|EAI_AGAIN|Failed to fetch|net::ERR_/i;

/** Follows a growing file (polling), calling onLine for every complete line; flush() emits the rest. */
function follow(file, onLine, intervalMs = 100) {
  let offset = 0;
  let partial = '';
  const read = () => {
    let fd;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return;
    }
    try {
      const size = fs.fstatSync(fd).size;
      if (size <= offset) return;
      const buf = Buffer.alloc(size - offset);
      fs.readSync(fd, buf, 0, buf.length, offset);
      offset = size;
      const lines = (partial + buf.toString('utf8')).split('\n');
      partial = lines.pop();
      for (const l of lines) onLine(l);
    } finally {
      fs.closeSync(fd);
    }
  };
  const timer = setInterval(read, intervalMs);
  return {
    flush() {
      clearInterval(timer);
      read();
      if (partial) onLine(partial), (partial = '');
    },
  };
}

/** A tests module path as VS Code accepts it: a file, a file without its .js, or a folder with index.js. */
export function resolveTestsModule(p) {
  if (!path.isAbsolute(p)) throw new Error(`--tests must be an absolute path: ${p}`);
  for (const c of [p, `${p}.js`, `${p}.cjs`, path.join(p, 'index.js')]) {
    try {
      if (fs.statSync(c).isFile()) return c;
    } catch {}
  }
  throw new Error(`--tests: no tests module at ${p} (nor ${p}.js or ${p}/index.js)`);
}

function asText(x) {
  if (typeof x === 'string') return x;
  if (Array.isArray(x)) return x.map(asText).join(' ');
  try {
    return JSON.stringify(x);
  } catch {
    return String(x);
  }
}

/**
 * @param {{ extensions: string[], tests: string, workspace?: string, timeoutMs?: number,
 *           extensionsDir?: string, env?: Record<string,string>, keepRun?: boolean, verbose?: boolean,
 *           screenshotOnFailure?: boolean, out?: (line: string) => void }} opts
 * @returns {Promise<{ code: number, summary: string | null, runDir: string, timings: object }>}
 */
export async function runVscodeTests(opts) {
  const t0 = Date.now();
  const timings = {};
  const mark = (k) => (timings[k] = +((Date.now() - t0) / 1000).toFixed(1));
  const out = opts.out ?? ((line) => process.stdout.write(line + '\n'));
  const timeoutMs = opts.timeoutMs ?? 600_000;
  for (const e of opts.extensions) if (!path.isAbsolute(e) || !fs.existsSync(path.join(e, 'package.json'))) throw new Error(`--extension must be an absolute folder with a package.json: ${e}`);
  const tests = resolveTestsModule(opts.tests);
  if (opts.workspace && (!path.isAbsolute(opts.workspace) || !fs.existsSync(opts.workspace))) throw new Error(`--workspace must be an absolute existing path: ${opts.workspace}`);

  await ensureToolchain({ only: 'vscode' });
  mark('toolchain');
  const run = newRunDir('tests');
  const hostLog = fs.createWriteStream(path.join(run.dir, 'workbench.log'));
  // The extension host's console, formatted by Node, captured by exthost-preload.cjs.
  const extHostOut = path.join(run.dir, 'exthost-console.log');
  fs.writeFileSync(extHostOut, '');
  let server, browser, summary = null, code = 1;
  let timer;
  const follower = follow(extHostOut, (line) => {
    if (SUMMARY_RE.test(line.trim())) summary = line.trim();
    out(line);
  });
  try {
    server = await startCodeServer({
      run,
      extensionsDir: opts.extensionsDir,
      env: { ...opts.env, KPO_E2E_EXTHOST_OUT: extHostOut },
      nodeArgs: ['--require', PRELOAD],
    });
    mark('server');
    browser = await launchBrowser({ run });
    mark('browser');
    const { page } = browser;

    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (type, message) => {
      const text = asText(message);
      hostLog.write(`[${type}] ${text}\n`);
      // The extension host's console also arrives here (unformatted); it is relayed from extHostOut.
      if (opts.verbose || (type === 'error' && !NOISE_RE.test(text))) process.stderr.write(`[workbench ${type}] ${text.split('\n')[0]}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (exitCode) => finish({ kind: 'exit', code: Number(exitCode) }));
    page.on('crash', () => finish({ kind: 'crash' }));
    page.on('close', () => finish({ kind: 'closed' }));
    page.on('pageerror', (err) => hostLog.write(`[pageerror] ${err?.stack ?? err}\n`));
    if (opts.verbose) page.on('console', (msg) => process.stderr.write(`[page ${msg.type()}] ${msg.text()}\n`));
    const remaining = timeoutMs - (Date.now() - t0);
    timer = setTimeout(() => finish({ kind: 'timeout' }), Math.max(1000, remaining));

    const payload = [
      ...opts.extensions.map((e) => ['extensionDevelopmentPath', remoteUri(e)]),
      ['extensionTestsPath', remoteUri(tests)],
      ['skipWelcome', 'true'],
      // A debugId makes the extension host also write its console natively (see exthost-preload.cjs).
      ['debugId', 'kpo-e2e'],
    ];
    const url = workbenchUrl(server, { workspace: opts.workspace, payload });
    log(`opening ${url}`);
    page.goto(url, { timeout: Math.max(1000, remaining) }).catch((e) => finish({ kind: 'goto', error: e }));

    const r = await finished;
    mark('tests');
    if (r.kind === 'exit') code = Number.isFinite(r.code) ? r.code : 1;
    else {
      code = r.kind === 'timeout' ? 124 : 1;
      log(
        r.kind === 'timeout'
          ? `TIMEOUT: no result after ${timeoutMs / 1000} s (raise it with --timeout <seconds>)`
          : `the page ${r.kind === 'goto' ? `could not load: ${r.error?.message}` : r.kind === 'crash' ? 'crashed' : 'closed'} before the tests finished`,
      );
      if (opts.screenshotOnFailure !== false) {
        const shot = path.join(run.dir, 'failure.png');
        await Promise.race([page.screenshot({ path: shot }).then(() => log(`screenshot: ${shot}`)), bound(5000)]).catch(() => {});
      }
    }
  } finally {
    clearTimeout(timer);
    follower.flush();
    if (browser) await browser.close();
    if (server) await server.stop();
    runCleanups();
    await new Promise((res) => hostLog.end(res));
    mark('total');
  }
  const keep = opts.keepRun || process.env.KPO_E2E_KEEP === '1' || code !== 0;
  if (keep) log(`run folder kept: ${run.dir} (workbench.log, code-server.log)`);
  else run.remove();
  log(`timings (s since start): ${JSON.stringify(timings)}; exit code ${code}`);
  return { code, summary, runDir: run.dir, timings };
}

export function parseArgs(argv) {
  const o = { extensions: [], env: {}, timeoutMs: 600_000 };
  const need = (i, n) => {
    if (i >= argv.length || argv[i].startsWith('--')) throw new Error(`${n} needs a value`);
    return argv[i];
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v;
    if (a.startsWith('--') && a.includes('=')) [a, v] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)];
    const val = () => v ?? need(++i, a);
    switch (a) {
      case '--extension':
      case '--extensionDevelopmentPath':
        o.extensions.push(path.resolve(val()));
        break;
      case '--tests':
      case '--extensionTestsPath':
        o.tests = path.resolve(val());
        break;
      case '--workspace':
        o.workspace = path.resolve(val());
        break;
      case '--timeout':
        o.timeoutMs = Math.round(Number(val()) * 1000);
        if (!(o.timeoutMs > 0)) throw new Error('--timeout takes seconds > 0');
        break;
      case '--extensions-dir':
        o.extensionsDir = path.resolve(val());
        break;
      case '--env': {
        const kv = val();
        const eq = kv.indexOf('=');
        if (eq < 1) throw new Error(`--env takes KEY=VALUE, got ${kv}`);
        o.env[kv.slice(0, eq)] = kv.slice(eq + 1);
        break;
      }
      case '--keep-run':
        o.keepRun = true;
        break;
      case '--verbose':
        o.verbose = true;
        break;
      case '--no-screenshot':
        o.screenshotOnFailure = false;
        break;
      default:
        throw new Error(`unknown argument: ${argv[i]}`);
    }
  }
  if (!o.extensions.length || !o.tests) throw new Error('need --extension <dir> and --tests <index.js>');
  return o;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e.message}\n\n${fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 15).join('\n')}\n`);
    process.exit(2);
  }
  try {
    const { code, summary } = await runVscodeTests(opts);
    if (summary) process.stdout.write(`${summary}\n`);
    else log('the tests printed no "N passed, N failed" line');
    process.exitCode = code;
  } catch (e) {
    log(`ERROR: ${e?.stack ?? e}`);
    runCleanups();
    process.exitCode = 1;
  }
}
