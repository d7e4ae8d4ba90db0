// Huge and odd documents: above kpoGlossary.maxDocumentSizeMB a document is skipped with a clear
// message and the server keeps serving; below it, odd shapes (one 10 MB line, a 100,000-row table,
// deep nesting) are answered. Mocha's timeout is the bound; nothing here asserts a duration.

import * as assert from 'assert';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient, docUri } from './client';

describe('protocol: huge and odd documents', function () {
  this.timeout(120000);
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('skips a 50 MB document with a message, clears its diagnostics, and keeps serving others', async () => {
    client = await TestClient.start();
    const big = docUri('fifty.md');
    const line = 'Our KPO desk will take over customer support tickets.\n';
    await client.open(big, line.repeat(Math.ceil((50 * 1048576) / line.length)));
    const message = await client.waitFor<{ type: number; message: string }>('window/showMessage', (p) => /does not check fifty\.md/.test(p.message), 0, 60000);
    assert.match(message.message, /50\.0 MB, above the limit of 10 MB \(setting kpoGlossary\.maxDocumentSizeMB\)/);
    assert.strictEqual(await client.hover(big, 0, 5), null);
    const small = docUri('small.md');
    await client.open(small, 'Our KPO desk will take over customer support tickets.');
    const published = await client.diagnosticsFor(small, 1);
    assert.ok(published.diagnostics.length > 0, 'other documents are still checked');
    assert.ok(!client.published(big).some((p) => p.diagnostics.length > 0), 'nothing is reported for the skipped document');
  });

  it('names an oversized document whose URI has broken %-escapes or control characters, shown not obeyed', async () => {
    client = await TestClient.start({ settings: { maxDocumentSizeMB: 0.001 } });
    const uri = docUri('broken%E0%A4%A-name%E2%80%AE.md').replace(/broken%25E0%25A4%25A-name%25E2%2580%25AE/, 'broken%E0%A4%A-name%E2%80%AE');
    await client.open(uri, 'Our KPO desk will take over customer support tickets.\n'.repeat(100));
    const message = await client.waitFor<{ type: number; message: string }>('window/showMessage', (p) => /does not check/.test(p.message), 0, 20000);
    assert.match(message.message, /does not check broken%E0%A4%A-name%E2%80%AE\.md/, 'broken escapes: the name as it is');
    const fine = `${uri.replace(/broken%E0%A4%A-name%E2%80%AE\.md$/, 'rtl%E2%80%AEdm.exe.md')}`;
    await client.open(fine, 'Our KPO desk will take over customer support tickets.\n'.repeat(100));
    const second = await client.waitFor<{ type: number; message: string }>('window/showMessage', (p) => /does not check rtl/.test(p.message), 0, 20000);
    assert.ok(!second.message.includes('\u202e'), 'no raw right-to-left override');
    assert.match(second.message, /rtl\\u202edm\.exe\.md/);
  });

  it('checks a document over the default limit when the setting allows it', async () => {
    client = await TestClient.start({ settings: { maxDocumentSizeMB: 30 } });
    const uri = docUri('twelve.md');
    const line = 'Knowledge Process Outsourcing (KPO) and our KPO desk take over customer support tickets.\n\n';
    await client.open(uri, line.repeat(Math.ceil((12 * 1048576) / line.length)));
    const published = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, 0, 100000);
    assert.ok(published.diagnostics.length > 100000);
    assert.ok(!client.received.some((r) => r.method === 'window/showMessage'));
  });

  for (const [name, text] of [
    ['a single 10 MB line', 'Our KPO desk will take over customer support tickets. '.repeat(190000)],
    ['a 100,000-row table', '| Service | Model |\n|---|---|\n' + '| data entry | KPO |\n'.repeat(100000)],
    ['lists nested 5,000 deep', Array.from({ length: 5000 }, (_, i) => ' '.repeat(Math.min(i, 200) * 2) + '- KPO data entry').join('\n')],
    ['block quotes nested 5,000 deep', '>'.repeat(5000) + ' Our KPO desk handles data entry.\n'],
  ] as const) {
    it(`answers for ${name}`, async () => {
      client = await TestClient.start();
      const uri = docUri('odd.md');
      await client.open(uri, text);
      const published = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, 0, 100000);
      assert.ok(Array.isArray(published.diagnostics));
      assert.ok((await client.hover(uri, 0, 0)) !== undefined);
      assert.ok(client.alive);
    });
  }
});
