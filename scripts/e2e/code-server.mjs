// Small library: one fresh code-server (VS Code 1.139 in a browser) per run, driven by headless Chromium.
//
//   import { ensureToolchain } from './toolchain.mjs';
//   import { newRunDir, startCodeServer, launchBrowser, installExtension } from './code-server.mjs';
//   const run = newRunDir('my-label');
//   const server = await startCodeServer({ run });          // random free port on 127.0.0.1, waits on /healthz
//   const browser = await launchBrowser({ run });           // fresh Chromium profile in RUN/chromium
//   await browser.page.goto(server.url + '?folder=' + encodeURIComponent('/abs/workspace'));
//   ...
//   await browser.close(); await server.stop();             // stop() kills code-server's whole process group
//
// Every process started here is registered for cleanup: on normal exit, on an uncaught error, and on
// SIGINT / SIGTERM / SIGHUP the code-server process group (and anything else in its session) and the
// Chromium process group are killed. code-server's remote extension host otherwise lives on for hours.

import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureToolchain, toolchainPaths } from './toolchain.mjs';

/** The user settings every run gets (the doc's list, plus a few that keep the window quiet). */
export const DEFAULT_SETTINGS = Object.freeze({
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'editor.hover.delay': 100,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'github.gitAuthentication': false,
});

export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]);

const say = (...a) => process.stderr.write(`[e2e] ${a.join(' ')}\n`);
export const log = say;

// ---------------------------------------------------------------------------------------------------
// Cleanup registry: synchronous killers, run once on exit / signal.
const cleanups = new Map(); // id -> () => void (sync)
let cleanupId = 0;
let handlersInstalled = false;

/** Registers a synchronous cleanup; returns a function that unregisters it. */
export function onCleanup(fn) {
  installHandlers();
  const id = ++cleanupId;
  cleanups.set(id, fn);
  return () => cleanups.delete(id);
}

/** Runs (and forgets) every registered cleanup now. Synchronous; safe to call more than once. */
export function runCleanups() {
  const fns = [...cleanups.values()].reverse();
  cleanups.clear();
  for (const fn of fns) {
    try {
      fn();
    } catch (e) {
      say(`cleanup failed: ${e?.message ?? e}`);
    }
  }
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', runCleanups);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      say(`${sig}: stopping everything this run started`);
      runCleanups();
      process.exit(sig === 'SIGINT' ? 130 : sig === 'SIGTERM' ? 143 : 129);
    });
  }
}

/** PIDs of all live processes whose session id or process group id is `leader` (Linux /proc). */
export function processesOf(leader) {
  const out = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid pgrp session ...   (comm may contain spaces/parens: split after the last ')')
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const state = rest[0];
      const pgrp = Number(rest[2]);
      const session = Number(rest[3]);
      if (state !== 'Z' && (pgrp === leader || session === leader)) out.push(Number(name));
    } catch {}
  }
  return out;
}

/** Kills the process group `pgid` and anything else left in its session (by pid). Synchronous. */
export function killGroup(pgid, signal = 'SIGKILL') {
  if (!pgid) return;
  try {
    process.kill(-pgid, signal);
  } catch {}
  try {
    process.kill(pgid, signal); // the leader itself, also when it does not lead a group
  } catch {}
  for (const pid of processesOf(pgid)) {
    try {
      process.kill(pid, signal);
    } catch {}
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A sleep that does not keep the process alive (for Promise.race time bounds). */
export const bound = (ms, value) => new Promise((r) => setTimeout(r, ms, value).unref());

/** Waits (bounded) until nothing of the group/session `pgid` is alive. */
async function waitGone(pgid, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (processesOf(pgid).length === 0) return true;
    await sleep(100);
  }
  return processesOf(pgid).length === 0;
}

// ---------------------------------------------------------------------------------------------------
// Run folders

/**
 * A fresh RUN folder under .cache/e2e/runs/ (pruned to the newest `keep` runs), and a short private
 * TMPDIR (/tmp/kpo-e2e-XXXXXX: unix socket paths must stay short) for code-server and Chromium, which
 * leave sockets there when killed; it is removed when the process exits.
 * @returns {{ dir: string, tmp: string, label: string, remove: () => void }}
 */
export function newRunDir(label = 'run', { keep = 8 } = {}) {
  const { runs } = toolchainPaths();
  fs.mkdirSync(runs, { recursive: true });
  pruneRuns(runs, keep);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const dir = path.join(runs, `${stamp}-${label.replace(/[^\w.-]+/g, '_')}-${crypto.randomBytes(3).toString('hex')}`);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-e2e-'));
  const rmTmp = () => fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  onCleanup(rmTmp); // registered first, so it runs after the processes using it are killed
  return { dir, tmp, label, remove: () => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 }) };
}

/**
 * Kills code-servers left behind by runners that died without cleaning up (e.g. SIGKILL): a run folder's
 * server.pid names the server and its owner; when the owner is gone and the server still runs with
 * that run folder on its command line, its session is killed.
 */
export function reapOrphans(runs = toolchainPaths().runs) {
  let reaped = 0;
  for (const name of fs.existsSync(runs) ? fs.readdirSync(runs) : []) {
    const dir = path.join(runs, name);
    try {
      const [serverPid, ownerPid] = fs.readFileSync(path.join(dir, 'server.pid'), 'utf8').trim().split(/\s+/).map(Number);
      if (!serverPid || !ownerPid || isAlive(ownerPid)) continue;
      const cmd = fs.readFileSync(`/proc/${serverPid}/cmdline`, 'utf8');
      if (!cmd.includes(dir)) continue;
      say(`reaping code-server ${serverPid} left by dead runner ${ownerPid} (${dir})`);
      killGroup(serverPid);
      reaped++;
    } catch {}
  }
  return reaped;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function pruneRuns(runs, keep) {
  reapOrphans(runs);
  try {
    const dirs = fs
      .readdirSync(runs)
      .map((n) => path.join(runs, n))
      .filter((d) => fs.statSync(d).isDirectory())
      .sort();
    for (const d of dirs.slice(0, Math.max(0, dirs.length - keep))) {
      // Never prune a run whose code-server still runs (it writes server.pid).
      let live = false;
      try {
        const pid = Number(fs.readFileSync(path.join(d, 'server.pid'), 'utf8').trim().split(/\s+/)[0]);
        live = !!pid && isAlive(pid);
      } catch {}
      if (!live) fs.rmSync(d, { recursive: true, force: true });
    }
  } catch {}
}

/** A free TCP port on 127.0.0.1 (asked from the kernel). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpGet(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(null));
  });
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Environment for code-server: drop variables that would make it act as a client of another VS Code. */
function serverEnv(run, extra) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^(VSCODE_IPC_HOOK|VSCODE_GIT_|VSCODE_CLI|VSCODE_PID|VSCODE_CWD|VSCODE_NLS|VSCODE_AMD|VSCODE_HANDLES|VSCODE_CODE_CACHE|VSCODE_CRASH|VSCODE_INJECT|CODE_SERVER_|ELECTRON_)/.test(k)) delete env[k];
    if (k === 'NODE_OPTIONS' || k === 'PASSWORD' || k === 'HASHED_PASSWORD' || k === 'NODE_V8_COVERAGE') delete env[k];
    if (k.startsWith('npm_')) delete env[k];
  }
  return {
    ...env,
    XDG_CONFIG_HOME: path.join(run.dir, 'xdg-config'),
    XDG_DATA_HOME: path.join(run.dir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(run.dir, 'xdg-cache'),
    ...(run.tmp ? { TMPDIR: run.tmp } : {}),
    ...extra,
  };
}

/**
 * Installs a .vsix into an extensions folder (`code-server --extensions-dir E --install-extension x.vsix`).
 * A folder path is refused by code-server: package first. Bounded (default 120 s).
 */
export async function installExtension({ vsix, extensionsDir, run, timeoutMs = 120_000 }) {
  const p = await ensureToolchain({ only: 'vscode' });
  if (!fs.existsSync(vsix)) throw new Error(`no such vsix: ${vsix}`);
  fs.mkdirSync(extensionsDir, { recursive: true });
  const r0 = run ?? newRunDir('install');
  const t0 = Date.now();
  const r = spawnSync(
    p.node24,
    [p.codeServer, '--user-data-dir', path.join(r0.dir, 'data'), '--extensions-dir', extensionsDir, '--install-extension', path.resolve(vsix), '--force'],
    { env: serverEnv(r0), encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (!run) r0.remove();
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.error || r.status !== 0 || !/successfully installed/i.test(out))
    throw new Error(`installing ${vsix} failed (${r.error?.message ?? `exit ${r.status}`}):\n${out}`);
  say(`installed ${path.basename(vsix)} into ${extensionsDir} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

/**
 * Starts a fresh code-server for `run` (see newRunDir). Resolves once /healthz answers.
 * @param {{ run: {dir:string}, extensionsDir?: string, settings?: object, env?: object,
 *           extraArgs?: string[], nodeArgs?: string[], healthTimeoutMs?: number }} opts
 * @returns {Promise<{ url: string, port: number, pid: number, dataDir: string, extensionsDir: string,
 *                     logFile: string, stop: () => Promise<void> }>}
 */
export async function startCodeServer(opts) {
  const { run, settings = {}, env = {}, extraArgs = [], nodeArgs = [], healthTimeoutMs = 60_000 } = opts;
  const p = await ensureToolchain({ only: 'vscode' });
  const dataDir = path.join(run.dir, 'data');
  const extensionsDir = opts.extensionsDir ?? path.join(run.dir, 'ext');
  fs.mkdirSync(path.join(dataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2) + '\n');

  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const logFile = path.join(run.dir, `code-server${attempt > 1 ? `-${attempt}` : ''}.log`);
    const fd = fs.openSync(logFile, 'a');
    const args = [
      ...nodeArgs, // e.g. ['--require', preload]: the remote extension host inherits the server's execArgv
      p.codeServer,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--user-data-dir', dataDir,
      '--extensions-dir', extensionsDir,
      '--vscode-option', 'enable-smoke-test-driver',
      ...extraArgs,
    ];
    const t0 = Date.now();
    // detached: true = setsid(): code-server leads a new session and process group, so that
    // `kill -- -PID` also reaches the extension host and every other child.
    const child = spawn(p.node24, args, { detached: true, stdio: ['ignore', fd, fd], env: serverEnv(run, env), cwd: run.dir });
    fs.closeSync(fd);
    const pid = child.pid;
    fs.writeFileSync(path.join(run.dir, 'server.pid'), `${pid} ${process.pid}\n`);
    const unregister = onCleanup(() => killGroup(pid));
    let exited = null;
    child.on('exit', (code, sig) => (exited = { code, sig }));
    child.unref();

    const stop = async () => {
      unregister();
      killGroup(pid, 'SIGTERM');
      if (!(await waitGone(pid, 3000))) killGroup(pid, 'SIGKILL');
      if (!(await waitGone(pid, 5000))) say(`warning: processes of code-server session ${pid} still alive: ${processesOf(pid).join(' ')}`);
      fs.rmSync(path.join(run.dir, 'server.pid'), { force: true });
    };

    const url = `http://127.0.0.1:${port}/`;
    const deadline = Date.now() + healthTimeoutMs;
    let healthy = false;
    while (Date.now() < deadline && !exited) {
      const r = await httpGet(`${url}healthz`);
      if (r && r.status === 200) {
        healthy = true;
        break;
      }
      await sleep(200);
    }
    if (healthy) {
      say(`code-server pid ${pid} on ${url} healthy in ${((Date.now() - t0) / 1000).toFixed(1)} s (run ${run.dir})`);
      return { url, port, pid, dataDir, extensionsDir, logFile, stop };
    }
    await stop();
    const why = exited ? `exited (${exited.code ?? exited.sig})` : `no /healthz answer within ${healthTimeoutMs / 1000} s`;
    lastError = new Error(`code-server ${why}. Log ${logFile}:\n${tail(logFile)}`);
    if (!/EADDRINUSE/.test(tail(logFile))) break; // only a lost port race is worth another try
    say(`port ${port} was taken, retrying`);
  }
  throw lastError;
}

/**
 * Launches headless Chromium (Debian's) through playwright-core with a fresh profile in RUN/chromium.
 * @returns {Promise<{ context, page, pid?: number, close: () => Promise<void> }>}
 */
export async function launchBrowser({ run, headless = true, viewport = { width: 1400, height: 900 }, extraArgs = [], launchTimeoutMs = 60_000 } = {}) {
  const p = await ensureToolchain({ only: 'vscode' });
  const { chromium } = await import(pathToFileURL(path.join(p.playwrightCore, 'index.mjs')).href);
  const profile = path.join(run.dir, 'chromium');
  fs.mkdirSync(profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: p.chromium,
    headless,
    viewport,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    timeout: launchTimeoutMs,
    // Keep Chromium's own files (crash reports, dconf, caches) inside the run folder, not in ~.
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(run.dir, 'xdg-config'),
      XDG_CACHE_HOME: path.join(run.dir, 'xdg-cache'),
      XDG_DATA_HOME: path.join(run.dir, 'xdg-data'),
      ...(run.tmp ? { TMPDIR: run.tmp } : {}),
    },
    handleSIGINT: false, // our own handler kills everything in order
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  // playwright starts Chromium detached (own process group); find its pid through the profile dir so
  // that the cleanup can kill it by id even if playwright's own exit handler does not get to run.
  const pids = chromiumPidsFor(profile);
  const unregister = onCleanup(() => {
    for (const pid of pids) killGroup(pid);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    unregister();
    await Promise.race([context.close().catch(() => {}), bound(10_000)]);
    for (const pid of pids) killGroup(pid);
  };
  return { context, page, pids, close };
}

/** Chromium browser processes (not the renderers) started with --user-data-dir=profile. */
function chromiumPidsFor(profile) {
  const out = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (cmd.some((a) => a === `--user-data-dir=${profile}`) && !cmd.some((a) => a.startsWith('--type='))) out.push(Number(name));
    } catch {}
  }
  return out;
}

/** `?folder=` or `?workspace=` query for a workspace folder / .code-workspace file, plus an optional payload. */
export function workbenchUrl(server, { workspace, payload } = {}) {
  const q = [];
  if (workspace) {
    const abs = path.resolve(workspace);
    q.push(`${abs.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(abs)}`);
  }
  if (payload) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return server.url + (q.length ? `?${q.join('&')}` : '');
}

/** vscode-remote://remote/ABS for an absolute server-side path. */
export function remoteUri(abs) {
  return `vscode-remote://remote${path.resolve(abs).split(path.sep).map(encodeURIComponent).join('/')}`;
}
