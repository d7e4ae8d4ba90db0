// Shared helpers of the benchmark: timing with warm-up and medians, percentiles, where things are.

import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createRequire } from 'module';
import { pathToFileURL } from 'url';
import { ROOT } from './corpus.mjs';

export { ROOT };
export const require = createRequire(import.meta.url);
export const OUT = path.join(ROOT, 'out', 'bench');
export const CORPUS = path.join(OUT, 'corpus');
export const SYNTHETIC = path.join(OUT, 'glossary', 'synthetic.glossary.yaml');

/** The compiled engine (tsc output under out/). */
export function core() {
  const base = path.join(ROOT, 'out', 'server', 'src', 'core');
  if (!fs.existsSync(path.join(base, 'engine.js'))) throw new Error('out/ has no compiled engine: run `npx tsc -b` first (npm run bench does).');
  return {
    ...require(path.join(base, 'engine.js')),
    ...require(path.join(base, 'glossary', 'load.js')),
    ...require(path.join(base, 'glossary', 'index.js')),
    ...require(path.join(base, 'markdown', 'index.js')),
    ...require(path.join(base, 'analysis.js')),
    ...require(path.join(base, 'positions.js')),
  };
}

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values) => percentile(values, 50);

/**
 * Runs `fn` `warmup` times, then up to `runs` times (fewer when `budgetMs` is spent), and returns the
 * times in milliseconds. `fn` may be async.
 */
export async function measure(fn, { warmup = 3, runs = 10, budgetMs = 10000, gc = false } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < runs; i++) {
    if (gc && global.gc) global.gc();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    if (performance.now() > deadline && times.length >= Math.min(3, runs)) break;
  }
  return times;
}

export function summary(times) {
  return { median: round(median(times)), p90: round(percentile(times, 90)), p99: round(percentile(times, 99)), min: round(Math.min(...times)), runs: times.length };
}

export function round(x, digits = 3) {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A seeded PRNG (mulberry32) for reproducible positions. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Prints one JSON result line for the parent process (children talk to run.mjs this way). */
export function emit(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

export function log(message) {
  process.stderr.write(message + '\n');
}

/** Line starts, as the engine computes them (core/analysis.ts). */
export function lineStarts(text) {
  return core().lineStartsOf(text);
}

/** LSP position of an offset, as the engine converts it (core/positions.ts). */
export function positionAt(starts, offset) {
  return core().positionAt(starts, offset);
}

/** Stops a language server started over stdio: shutdown and exit, then SIGKILL after 2 s. */
export async function stopServer(connection, child) {
  try {
    await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
    await connection.sendNotification('exit');
  } catch {
    // gone already
  }
  await new Promise((r) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      r();
    }, 2000);
    child.once('exit', () => {
      clearTimeout(timer);
      r();
    });
  });
  connection.dispose();
}

/** Answers what a language server asks of its client, as an editor with everything switched on would. */
/** The bundled language server. */
export const SERVER = path.join(ROOT, 'dist', 'server.js');

/**
 * Spawns the bundled server over stdio in `cwd` (its one workspace folder, named `name`), answers what
 * it asks of the client, and initializes it with the client `capabilities` given.
 */
export async function startStdioServer({ cwd, name, capabilities, flags = [] }) {
  if (!fs.existsSync(SERVER)) throw new Error('dist/server.js is missing: run `node scripts/build.mjs` first (npm run bench does).');
  const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
  const child = spawn(process.execPath, [...flags, SERVER, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.on('data', () => undefined);
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  answerClientRequests(connection);
  connection.listen();
  const rootUri = pathToFileURL(cwd).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name }], capabilities });
  await connection.sendNotification('initialized', {});
  return { child, connection };
}

export function answerClientRequests(connection) {
  connection.onNotification(() => undefined);
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
}
