// The server's life cycle over stdio: capabilities, the glossary status after initialization, the
// transports on the command line, and handlers that answer empty rather than fail.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ROOT, TestClient, docUri, ensureBuilt } from './client';

describe('protocol: life cycle', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('declares incremental sync, hover, definition, completion, code actions and push diagnostics', async () => {
    client = await TestClient.start();
    const caps = client.initializeResult.capabilities;
    assert.deepStrictEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.strictEqual(caps.hoverProvider, true);
    assert.strictEqual(caps.definitionProvider, true);
    assert.ok(caps.completionProvider);
    assert.deepStrictEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.kpo-glossary', 'source.kpo-glossary.appendix']);
    assert.strictEqual(caps.diagnosticProvider, undefined, 'no pull diagnostics for a client without them');
    assert.strictEqual(client.initializeResult.serverInfo?.name, 'kpo-language-server');
  });

  it('declares pull diagnostics to a client that has them', async () => {
    client = await TestClient.start({ pull: true });
    assert.deepStrictEqual(client.initializeResult.capabilities.diagnosticProvider, { identifier: 'kpo-glossary', interFileDependencies: false, workspaceDiagnostics: false });
  });

  it('sends the glossary status after initialization', async () => {
    client = await TestClient.start();
    const status = await client.waitFor('kpo/glossaryStatus');
    assert.ok(status.entries >= 50, `entries: ${status.entries}`);
    assert.strictEqual(status.files.length, 1);
    assert.match(status.files[0], /kpo\.glossary\.yaml$/);
    assert.deepStrictEqual(status.problems, []);
  });

  it('answers the custom requests for the glossary entries and the FAQ', async () => {
    client = await TestClient.start();
    const entries = await client.connection.sendRequest<Array<{ id: string; term: string; acronym?: string }>>('kpo/glossaryEntries', {});
    assert.ok(entries.some((e) => e.id === 'kpo' && e.acronym === 'KPO' && e.term === 'Knowledge Process Outsourcing'));
    const faq = await client.connection.sendRequest<Array<{ question: string; terms: string[] }>>('kpo/faq', { uri: docUri('any.md') });
    assert.ok(faq.some((q) => /difference between KPO and BPO/.test(q.question)));
  });

  it('answers requests about documents it was never sent with empty results, and keeps serving', async () => {
    client = await TestClient.start({ pull: true });
    const never = docUri('never-opened.md');
    assert.strictEqual(await client.hover(never, 0, 0), null);
    assert.strictEqual(await client.completion(never, 0, 0), null);
    assert.deepStrictEqual(await client.codeActions(never, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, []), []);
    assert.deepStrictEqual(await client.pullDiagnostics(never), { kind: 'full', items: [] });
    // Positions far past the end of an open document are clamped, not an error.
    const uri = docUri('lifecycle.md');
    await client.open(uri, 'KPO is growing.');
    assert.strictEqual(await client.hover(uri, 99, 99), null);
    const hover = await client.hover(uri, 0, 1);
    assert.ok(hover, 'the server still serves after the odd requests');
    assert.ok(client.alive);
  });

  it('answers a malformed request with an error and keeps serving', async () => {
    client = await TestClient.start();
    const uri = docUri('malformed.md');
    await client.open(uri, 'KPO is growing.');
    // Missing position: the handler fails inside, logs, and answers empty.
    const answer = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri } });
    assert.strictEqual(answer, null);
    const log = await client.waitFor<{ type: number; message: string }>('window/logMessage', (p) => /Hover failed/.test(p.message));
    assert.strictEqual(log.type, 1);
    await assert.rejects(client.connection.sendRequest('kpo/noSuchMethod', {}), /Unhandled method|not found/i);
    assert.ok(await client.hover(uri, 0, 1));
  });

  for (const transport of ['node-ipc', 'socket'] as const) {
    it(`serves over --${transport} too`, async () => {
      client = await TestClient.start({ transport });
      const uri = docUri(`transport-${transport}.md`);
      await client.open(uri, 'Our KPO desk will take over customer support tickets.');
      const published = await client.diagnosticsFor(uri, 1);
      assert.ok(published.diagnostics.some((d) => d.code === 'kpo-bpo/task-mismatch'));
      assert.ok(await client.hover(uri, 0, 30));
    });
  }

  it('shuts down and exits when asked', async () => {
    client = await TestClient.start();
    await client.stop();
    assert.strictEqual(client.alive, false);
  });

  it('explains the transports when started without one, and prints its version', () => {
    ensureBuilt();
    const bin = path.join(ROOT, 'bin', 'kpo-language-server.js');
    const none = spawnSync(process.execPath, [bin], { encoding: 'utf8', timeout: 10000 });
    assert.strictEqual(none.status, 2);
    assert.match(none.stderr, /--stdio/);
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8', timeout: 10000 });
    assert.strictEqual(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  });
});
