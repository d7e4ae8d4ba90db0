// Soak benchmark: 100,000 incremental edits to one open document over stdio against the bundled
// server, sampling the server's resident memory (VmRSS) every 10,000 edits. Memory must stay flat:
// the analysis cache holds one version per document. Prints a table and a JSON line.
//   node scripts/reliability/soak.mjs [--edits 100000] [--every 10000]
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EDITS = arg('edits', 100000);
const EVERY = arg('every', 10000);

const rss = (pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
};

const child = spawn(process.execPath, ['--expose-gc', path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
let lastVersion = 0;
let waiting;
connection.onNotification('textDocument/publishDiagnostics', (p) => {
  lastVersion = p.version ?? lastVersion;
  if (waiting && lastVersion >= waiting.version) waiting.resolve();
});
connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
connection.onRequest('client/registerCapability', () => null);
connection.listen();
await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
connection.sendNotification('initialized', {});

const uri = 'file:///soak/proposal.md';
const base = fs.readFileSync(path.join(ROOT, 'samples', 'proposal.md'), 'utf8');
const text = base.repeat(40); // about 100 KB
let version = 1;
connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
const settle = (v) => new Promise((resolve) => { waiting = { version: v, resolve }; if (lastVersion >= v) resolve(); });
await settle(1);

const samples = [{ edits: 0, rssMb: rss(child.pid) }];
const words = [' data entry', ' KPO', ' market research', ' x', '\n'];
const started = Date.now();
let line = 40;
for (let i = 1; i <= EDITS; i++) {
  // Type a word at the end of a line, then delete it again: the text stays the same size.
  const insert = words[i % words.length];
  version++;
  if (i % 2 === 1) {
    connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: insert }] });
  } else {
    const added = words[(i - 1) % words.length];
    const end = added === '\n' ? { line: line + 1, character: 0 } : { line, character: added.length };
    connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character: 0 }, end }, text: '' }] });
    line = 40 + ((i / 2) % 400);
  }
  if (i % 1000 === 0) await settle(version);
  if (i % EVERY === 0) samples.push({ edits: i, rssMb: rss(child.pid) });
}
const seconds = (Date.now() - started) / 1000;
await connection.sendRequest('shutdown');
connection.sendNotification('exit');
console.log('| edits | server RSS (MB) |\n|---:|---:|');
for (const s of samples) console.log(`| ${s.edits.toLocaleString('en')} | ${s.rssMb.toFixed(1)} |`);
const after = samples.slice(1);
const first = after[0]?.rssMb ?? samples[0].rssMb;
const last = samples.at(-1).rssMb;
console.log(`\n${EDITS.toLocaleString('en')} edits in ${seconds.toFixed(1)} s; RSS after the first ${EVERY.toLocaleString('en')}: ${first.toFixed(1)} MB, at the end: ${last.toFixed(1)} MB (${(last - first >= 0 ? '+' : '') + (last - first).toFixed(1)} MB).`);
console.log(JSON.stringify({ edits: EDITS, seconds, samples }));
process.exit(0);
