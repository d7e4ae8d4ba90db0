// The real bundled language server (node dist/server.js --stdio) driven over stdio by a JSON-RPC
// client, as an editor drives it: start to first diagnostics, hover, completion and one keystroke's
// diagnostics on a 1 MB document, and the server's resident memory with a 10 MB document open.
// Prints JSON lines.
//
//   node scripts/bench/lsp.mjs [--quick]
//   KPO_BENCH_SERVER_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof' node scripts/bench/lsp.mjs   (profiles the server)

import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CORPUS, ROOT, core, emit, lineStarts, log, median, positionAt, random, round, summary, startStdioServer, stopServer } from './lib.mjs';

const quick = process.argv.includes('--quick');

const doc = (key) => fs.readFileSync(path.join(CORPUS, `doc-${key}.md`), 'utf8');
const uriOf = (key) => pathToFileURL(path.join(CORPUS, `doc-${key}.md`)).href;

/** Starts the server and initializes it; `pull` advertises pull diagnostics (as VS Code does). */
async function start({ pull }) {
  const t0 = performance.now();
  const flags = process.env.KPO_BENCH_SERVER_FLAGS ? process.env.KPO_BENCH_SERVER_FLAGS.split(' ') : [];
  const { child, connection } = await startStdioServer({
    cwd: CORPUS,
    name: 'corpus',
    flags,
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], labelDetailsSupport: true } },
        publishDiagnostics: { versionSupport: true },
        ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    },
  });
  // Diagnostics are pushed only after a document is opened, so listening from here misses none.
  const published = [];
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    published.push({ params, at: performance.now() });
    for (const w of waiters.splice(0)) w();
  });
  const server = {
    child,
    connection,
    t0,
    published,
    /** Resolves with the time the first push for `uri` at `version` arrived. */
    pushed(uri, version) {
      return new Promise((resolve) => {
        const check = () => {
          const p = published.find((x) => x.params.uri === uri && x.params.version === version);
          if (p) resolve(p.at);
          else waiters.push(check);
        };
        check();
      });
    },
    rss() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (name) => Number(new RegExp(`${name}:\\s*(\\d+)`).exec(status)?.[1] ?? NaN);
      return { rssMB: round(kb('VmRSS') / 1024, 1), peakMB: round(kb('VmHWM') / 1024, 1) };
    },
    stop: () => stopServer(connection, child),
  };
  return server;
}

const open = (server, key, text) => server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(key), languageId: 'markdown', version: 1, text } });
const pull = (server, key) => server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(key) } });

// ---------------------------------------------------------------------------------------------
// Start to first diagnostics, 100 KB: spawn, initialize, open, and the first diagnostics, pulled (as
// VS Code does) or pushed (other editors; the server waits 100 ms for more typing before a push).
{
  const text = doc('100k');
  const runs = quick ? 3 : 7;
  const pulled = [];
  const pushed = [];
  for (let i = 0; i < runs; i++) {
    log(`lsp: start to first diagnostics (${i + 1}/${runs})`);
    let server = await start({ pull: true });
    await open(server, '100k', text);
    const report = await pull(server, '100k');
    pulled.push(performance.now() - server.t0);
    if (!report.items || report.items.length === 0) throw new Error('no diagnostics pulled');
    await server.stop();
    server = await start({ pull: false });
    await open(server, '100k', text);
    const at = await server.pushed(uriOf('100k'), 1);
    pushed.push(at - server.t0);
    await server.stop();
  }
  emit({ kind: 'lsp-start', size: '100k', pullMs: round(median(pulled), 1), pushMs: round(median(pushed), 1), runs });
}

// ---------------------------------------------------------------------------------------------
// Hover, completion and keystrokes on the 1 MB document.
{
  const key = '1m';
  let text = doc(key);
  const { Engine, loadGlossary } = core();
  const builtin = path.join(ROOT, 'glossary', 'kpo.glossary.yaml');
  const engine = new Engine(loadGlossary([{ file: builtin, text: fs.readFileSync(builtin, 'utf8') }]).glossary);
  const analysis = engine.analyze(text);
  const starts = lineStarts(text);
  const server = await start({ pull: true });
  log('lsp: open 1 MB');
  let t0 = performance.now();
  await open(server, key, text);
  const first = await pull(server, key);
  const openMs = performance.now() - t0;
  const rnd = random(3);
  const n = quick ? 200 : 1000;
  const uri = uriOf(key);
  const time = async (fn) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  log('lsp: hover');
  const hover = [];
  let hovered = 0;
  for (let i = 0; i < n + 50; i++) {
    const m = analysis.mentions[Math.floor(rnd() * analysis.mentions.length)];
    const position = positionAt(starts, m.start + Math.floor(rnd() * (m.end - m.start)));
    let result;
    const ms = await time(async () => (result = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })));
    if (i >= 50) hover.push(ms);
    if (result) hovered++;
  }
  log('lsp: completion');
  const completion = [];
  let completed = 0;
  for (let i = 0; i < n + 50; i++) {
    const m = analysis.mentions[Math.floor(rnd() * analysis.mentions.length)];
    const position = positionAt(starts, Math.min(m.end, m.start + 2 + Math.floor(rnd() * 4)));
    let result;
    const ms = await time(async () => (result = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })));
    if (i >= 50) completion.push(ms);
    if (result && (result.items ?? result).length > 0) completed++;
  }
  log('lsp: keystrokes');
  // A letter typed at a random place in prose, then deleted: didChange, then the diagnostics pulled.
  const keystroke = [];
  let version = 1;
  const blocks = analysis.blocks;
  for (let i = 0; i < (quick ? 100 : 400) + 20; i++) {
    const block = blocks[Math.floor(rnd() * blocks.length)].block;
    const segment = block.segments[Math.floor(rnd() * block.segments.length)];
    const at = segment.start + Math.floor(rnd() * (segment.end - segment.start + 1));
    const p = positionAt(starts, at);
    for (const [range, newText] of [
      [{ start: p, end: p }, 'e'],
      [{ start: p, end: { line: p.line, character: p.character + 1 } }, ''],
    ]) {
      version++;
      t0 = performance.now();
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
      const report = await pull(server, key);
      const ms = performance.now() - t0;
      if (!report.items) throw new Error('no diagnostics after a change');
      if (i >= 20) keystroke.push(ms);
    }
  }
  emit({
    kind: 'lsp-1m',
    size: key,
    openMs: round(openMs, 1),
    diagnostics: first.items.length,
    hover: { ...summary(hover), answered: round(hovered / (n + 50), 2) },
    completion: { ...summary(completion), answered: round(completed / (n + 50), 2) },
    keystroke: summary(keystroke),
    rss: server.rss(),
  });
  await server.stop();
}

// ---------------------------------------------------------------------------------------------
// Memory: an idle server, and one with the 10 MB document open and its diagnostics computed.
{
  log('lsp: memory');
  const idle = await start({ pull: true });
  await new Promise((r) => setTimeout(r, 500));
  const idleRss = idle.rss();
  await idle.stop();
  const key = quick ? '1m' : '10m';
  const server = await start({ pull: true });
  const text = doc(key);
  const t0 = performance.now();
  await open(server, key, text);
  const report = await pull(server, key);
  const firstMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 2000));
  emit({ kind: 'lsp-memory', size: key, idle: idleRss, open: server.rss(), openToDiagnosticsMs: round(firstMs, 1), diagnostics: report.items.length });
  await server.stop();
}
