// The CLI and the language server make no network requests: both run with every network entry point
// of Node trapped (no-network-preload.js), through a whole session, and the trap log stays empty.

import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const PRELOAD = path.join(ROOT, 'test', 'unit', 'reliability', 'no-network-preload.js');
const SAMPLE = path.join(ROOT, 'samples', 'proposal.md');

describe('no network access', function () {
  this.timeout(30000);
  let logFile: string;
  beforeEach(() => {
    logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-net-')), 'network.log');
    fs.writeFileSync(logFile, '');
  });

  it('the trap works (a request in a trapped process is recorded)', () => {
    const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', "require('https').get('https://example.com')"], { env: { ...process.env, KPO_NETWORK_LOG: logFile }, encoding: 'utf8' });
    assert.notStrictEqual(r.status, 0);
    assert.strictEqual(fs.readFileSync(logFile, 'utf8'), 'https.request\n');
  });

  it('kpo-lint, in every format and with --fix', () => {
    const copy = path.join(path.dirname(logFile), 'p.md');
    fs.copyFileSync(SAMPLE, copy);
    for (const args of [[SAMPLE], ['--format', 'json', SAMPLE], ['--format', 'sarif', SAMPLE], ['--fix', copy]]) {
      const r = spawnSync(process.execPath, ['--require', PRELOAD, path.join(ROOT, 'bin', 'kpo-lint.js'), ...args], { env: { ...process.env, KPO_NETWORK_LOG: logFile }, encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    }
    assert.strictEqual(fs.readFileSync(logFile, 'utf8'), '');
  });

  it('the language server, through a session with hover, completion, diagnostics and code actions', async () => {
    const child = spawn(process.execPath, ['--require', PRELOAD, path.join(ROOT, 'dist', 'server.js'), '--stdio'], { env: { ...process.env, KPO_NETWORK_LOG: logFile }, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const diagnostics = new Promise<unknown[]>((resolve) => connection.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: unknown[] }) => resolve(p.diagnostics)));
    connection.onRequest('workspace/configuration', () => [null]);
    connection.listen();
    const uri = 'file://' + SAMPLE;
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    connection.sendNotification('initialized', {});
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: fs.readFileSync(SAMPLE, 'utf8') } });
    const found = await diagnostics;
    assert.ok(found.length > 0);
    // The positions come from the sample's text: the middle of "financial modeling".
    const lines = fs.readFileSync(SAMPLE, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('financial modeling'));
    const position = { line, character: lines[line].indexOf('financial modeling') + 4 };
    const hover = await connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position });
    const completion = await connection.sendRequest<{ items: Array<{ label: string }> } | null>('textDocument/completion', { textDocument: { uri }, position });
    await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 60, character: 0 } }, context: { diagnostics: [] } });
    assert.match(hover?.contents.value ?? '', /financial model/i, 'the hover answered');
    assert.ok(completion?.items.some((i) => /^financial/i.test(i.label)), 'completion answered');
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
    await new Promise((resolve) => child.on('exit', resolve));
    connection.dispose();
    assert.strictEqual(fs.readFileSync(logFile, 'utf8'), '');
  });
});
