#!/usr/bin/env node
// Runs a Lua script in headless Neovim (Debian's 0.7.2) as a second, independent LSP client:
//   timeout 60 nvim --headless --clean -c 'luafile SCRIPT'
// with the given environment, captures stdout, and parses the JSON lines the script writes
// (test/e2e/nvim/lib.lua's T.emit). Fails clearly on timeout (exit 124) and on a Lua error.
//
//   node scripts/e2e/nvim.mjs SCRIPT.lua [--timeout SECONDS] [--env KEY=VALUE ...] [--cwd DIR]
//
// As a library:
//   import { runNvim } from './nvim.mjs';
//   const { results, ok } = await runNvim({ script: '/abs/test.lua', env: { SERVER: '/abs/server.js' } });
//
// The script gets KPO_E2E_NVIM_LIB (absolute path of test/e2e/nvim/lib.lua) in its environment:
//   local T = dofile(os.getenv('KPO_E2E_NVIM_LIB'))
// Neovim runs in its own session; when it ends, anything left in that session (a language server
// that did not exit) is killed.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { killGroup, onCleanup } from './code-server.mjs';
import { ensureToolchain } from './toolchain.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const RETURNED_MSG = 'nvim.mjs: the script returned without quitting Neovim (a Lua error outside T.main, or no T.main)';
export const NVIM_LIB = path.resolve(here, '..', '..', 'test', 'e2e', 'nvim', 'lib.lua');

/**
 * @param {{ script: string, env?: Record<string,string>, timeoutS?: number, cwd?: string,
 *           echo?: boolean, throwOnFailure?: boolean }} o
 * @returns {Promise<{ ok: boolean, code: number|null, signal: string|null, timedOut: boolean,
 *                     stdout: string, stderr: string, results: object[], ms: number }>}
 */
export async function runNvim(o) {
  const { nvim } = await ensureToolchain({ only: 'nvim' });
  const script = path.resolve(o.script);
  if (!fs.existsSync(script)) throw new Error(`no such Lua script: ${script}`);
  const timeoutS = o.timeoutS ?? 60;
  // A private, empty XDG home: --clean skips user config, this also keeps shada/log/state out of ~.
  const xdg = fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-nvim-'));
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
    XDG_STATE_HOME: path.join(xdg, 'state'),
    XDG_CACHE_HOME: path.join(xdg, 'cache'),
    NVIM_LOG_FILE: path.join(xdg, 'nvim.log'),
    KPO_E2E_NVIM_LIB: NVIM_LIB,
    ...o.env,
  };
  const args = [
    '-k', '2', String(timeoutS), nvim, '--headless', '--clean',
    '-c', `luafile ${script.replace(/([ \\|"])/g, '\\$1')}`,
    // Reached only when the script returned without quitting (T.main always quits): a Lua error outside
    // T.main, or no T.main at all. Without this, headless Neovim would wait forever.
    '-c', `lua io.stderr:write('\\n${RETURNED_MSG}\\n')`,
    '-c', 'cquit 2',
  ];
  const t0 = Date.now();
  // detached = setsid: nvim and the servers it starts share one session that we can kill as a whole.
  const child = spawn('timeout', args, { cwd: o.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const unregister = onCleanup(() => killGroup(child.pid));
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => {
    stdout += d;
    if (o.echo) process.stdout.write(d);
  });
  child.stderr.setEncoding('utf8').on('data', (d) => {
    stderr += d;
    if (o.echo) process.stderr.write(d);
  });
  const { code, signal } = await new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  unregister();
  killGroup(child.pid); // a language server that outlived nvim
  fs.rmSync(xdg, { recursive: true, force: true });
  const ms = Date.now() - t0;
  // GNU timeout signals its whole process group, itself included, when -k fires.
  const timedOut = code === 124 || code === 137 || signal === 'SIGKILL' || signal === 'SIGTERM' || ms >= timeoutS * 1000;
  const results = [];
  for (const line of stdout.split('\n')) {
    const t = line.trim();
    if (!t.startsWith('{')) continue;
    try {
      results.push(JSON.parse(t));
    } catch {}
  }
  const luaError = results.find((r) => r.event === 'error');
  const done = results.some((r) => r.event === 'done');
  const ok = code === 0 && !luaError && done;
  const res = { ok, code, signal, timedOut, stdout, stderr, results, ms };
  if (!ok && o.throwOnFailure !== false) {
    const why = timedOut
      ? `TIMEOUT: nvim did not finish within ${timeoutS} s (killed)`
      : luaError
        ? `Lua error: ${luaError.message}`
        : code === 2 && stderr.includes(RETURNED_MSG)
          ? `${RETURNED_MSG}. Neovim's messages:\n${stderr.slice(0, 1500)}`
          : code !== 0
          ? `nvim exited with code ${code ?? signal}`
          : 'the script ended without T.main\'s {"event":"done"} line';
    const err = new Error(`${path.basename(script)}: ${why}\n--- stdout ---\n${stdout.slice(-4000)}\n--- stderr ---\n${stderr.slice(-4000)}`);
    err.result = res;
    throw err;
  }
  return res;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const argv = process.argv.slice(2);
  const env = {};
  let script, timeoutS, cwd;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--timeout') timeoutS = Number(argv[++i]);
    else if (a === '--cwd') cwd = argv[++i];
    else if (a === '--env') {
      const kv = argv[++i] ?? '';
      env[kv.slice(0, kv.indexOf('='))] = kv.slice(kv.indexOf('=') + 1);
    } else if (!script) script = a;
    else {
      process.stderr.write(`unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  if (!script) {
    process.stderr.write('usage: node scripts/e2e/nvim.mjs SCRIPT.lua [--timeout SECONDS] [--env KEY=VALUE ...] [--cwd DIR]\n');
    process.exit(2);
  }
  try {
    const r = await runNvim({ script, env, timeoutS, cwd, echo: true });
    process.stderr.write(`[e2e nvim] ok in ${r.ms} ms\n`);
  } catch (e) {
    process.stderr.write(`[e2e nvim] FAILED: ${e.message.split('\n')[0]}\n`);
    process.exitCode = e.result?.timedOut ? 124 : 1;
  }
}
