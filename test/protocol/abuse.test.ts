// Protocol abuse: broken framing and JSON on the wire, cancelled requests, and a storm of edits. The
// server answers correctly or with a proper error, keeps serving, and the last diagnostics it
// publishes always match the final text.

import * as assert from 'assert';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import { TestClient, docUri } from './client';
import { createEngine } from '../../server/src/core/create-engine';
import { builtinGlossaryPath, readGlossaryFiles } from '../../server/src/node/files';

const { engine } = createEngine(readGlossaryFiles([builtinGlossaryPath()]).sources);

/** A tiny seeded random generator, so a failing storm can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('protocol: abuse', function () {
  this.timeout(60000);
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('survives malformed JSON bodies and messages of the wrong shape on the wire', async () => {
    client = await TestClient.start();
    const uri = docUri('wire.md');
    await client.open(uri, 'KPO is growing.');
    const stdin = client.process.stdin!;
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    stdin.write(frame('{"jsonrpc":'));
    stdin.write(frame('}'));
    stdin.write(frame('[1, 2, 3]'));
    stdin.write(frame('{"jsonrpc":"2.0","id":999,"method":"textDocument/hover","params":"nonsense"}'));
    // The stream is back in step after the garbage: a normal request is answered.
    const hover = await client.hover(uri, 0, 1);
    assert.ok(hover, 'still serving after malformed JSON');
    assert.ok(client.alive);
  });

  it('answers a cancelled request with a result or a RequestCancelled error, and keeps serving', async () => {
    client = await TestClient.start();
    const uri = docUri('cancel.md');
    await client.open(uri, 'Our KPO desk will take over customer support tickets.\n'.repeat(2000));
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const source = new CancellationTokenSource();
      const request = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: i, character: 5 } }, source.token);
      source.cancel();
      outcomes.push(await request.then(() => 'answered', (error: { code?: number }) => (error.code === -32800 ? 'cancelled' : `error ${error.code}`)));
    }
    assert.ok(outcomes.every((o) => o === 'answered' || o === 'cancelled'), outcomes.join(', '));
    assert.ok(await client.hover(uri, 0, 5));
  });

  it('after a storm of 1,000 incremental edits, the last published diagnostics match the final text', async () => {
    client = await TestClient.start();
    const uri = docUri('storm.md');
    let text = 'Knowledge Process Outsourcing (KPO) and Business Process Outsourcing (BPO).\n\nOur KPO desk will take over customer support tickets.\n';
    await client.open(uri, text);
    const next = random(1234);
    const insertions = [' data entry', ' KPO', ' BPO', ' market research', '\n', ' Knowledge Processing Outsourcing', '😀', '`', ' cheap'];
    let version = 1;
    const started = Date.now();
    for (let i = 0; i < 1000; i++) {
      const lines = text.split('\n');
      const line = Math.floor(next() * lines.length);
      const character = Math.floor(next() * (lines[line].length + 1));
      const remove = next() < 0.3 ? Math.min(3, lines[line].length - character) : 0;
      const insert = next() < 0.8 ? insertions[Math.floor(next() * insertions.length)] : '';
      const offset = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
      text = text.slice(0, offset) + insert + text.slice(offset + remove);
      version++;
      void client.change(uri, version, [{ range: { start: { line, character }, end: { line, character: character + remove } }, text: insert }]);
    }
    const sendTime = Date.now() - started;
    const final = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, 0, 30000);
    // Nothing older is published after a newer version: one more change, awaited, closes the
    // sequence, and the versions published up to it never go down.
    await client.change(uri, version + 1, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    await client.diagnosticsFor(uri, version + 1);
    const versions = client.published(uri).map((p) => p.version!);
    assert.deepStrictEqual(versions, [...versions].sort((a, b) => a - b), 'published versions never go down');
    assert.strictEqual(versions.at(-1), version + 1);
    const expected = engine.lint(engine.analyze(text)).map((f) => `${f.ruleId}@${f.start}`);
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const got = final.diagnostics.map((d) => `${d.code}@${lineStarts[d.range.start.line] + d.range.start.character}`);
    assert.deepStrictEqual(got.sort(), expected.sort());
    assert.ok(sendTime < 60000);
  });
});
