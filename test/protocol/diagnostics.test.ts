// Diagnostics over the protocol, pushed and pulled: content (source, code, link, severity, range),
// versions under rapid edits, settings changes, languages and schemes served.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Diagnostic, FullDocumentDiagnosticReport, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient, docUri } from './client';

const TASK = 'Our KPO desk will take over customer support tickets.';

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

describe('protocol: diagnostics', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  describe('pushed', () => {
    it('publishes findings with source, code, rule page, severity, range and version', async () => {
      client = await TestClient.start();
      const uri = docUri('diag-push.md');
      await client.open(uri, TASK);
      const published = await client.diagnosticsFor(uri, 1);
      const task = published.diagnostics.find((d) => d.code === 'kpo-bpo/task-mismatch');
      assert.ok(task, JSON.stringify(published));
      assert.strictEqual(task.source, 'kpo-glossary');
      assert.strictEqual(task.severity, 2);
      assert.deepStrictEqual(task.range, { start: { line: 0, character: 28 }, end: { line: 0, character: 44 } });
      assert.strictEqual(task.codeDescription?.href, 'https://github.com/kpo-glossary/kpo-glossary/blob/main/docs/rules/kpo-bpo-task-mismatch.md');
      const acronym = published.diagnostics.find((d) => d.code === 'acronym/undefined');
      assert.strictEqual(acronym?.severity, 3, 'info');
    });

    it('counts ranges in UTF-16 code units (emoji, combining marks and CJK before the finding)', async () => {
      client = await TestClient.start();
      const uri = docUri('diag-utf16.md');
      const line = '👩‍💻 市场 Café\u0301 — our KPO desk will take over customer support tickets.';
      await client.open(uri, `# 🎉 标题\n\n${line}\n`);
      const task = (await client.diagnosticsFor(uri, 1)).diagnostics.find((d) => d.code === 'kpo-bpo/task-mismatch')!;
      const start = line.indexOf('customer support');
      assert.ok([...line.slice(0, start)].length < start, 'the line has characters of two UTF-16 code units');
      assert.deepStrictEqual(task.range, { start: { line: 2, character: start }, end: { line: 2, character: start + 'customer support'.length } });
      const fix = (await client.codeActions(uri, task.range, [task]))!.find((a) => a.title.startsWith('Change'))!;
      const kpo = line.indexOf('KPO');
      assert.deepStrictEqual((fix.edit!.documentChanges![0] as { edits: Array<{ range: unknown }> }).edits[0].range, { start: { line: 2, character: kpo }, end: { line: 2, character: kpo + 3 } });
    });

    it('never publishes an older version after a newer one, and ends with the final text', async () => {
      client = await TestClient.start();
      const uri = docUri('diag-versions.md');
      let text = 'Intro.\n';
      await client.open(uri, text);
      // 40 quick edits, each appending a word; the final text has one flagged sentence.
      let version = 1;
      const words = 'Our KPO desk will take over customer support tickets .'.split(' ');
      for (let round = 0; round < 4; round++) {
        for (const word of words) {
          version++;
          const at = { line: text.split('\n').length - 1, character: text.split('\n').pop()!.length };
          const insert = (text.endsWith('\n') || word === '.' ? '' : ' ') + word;
          await client.change(uri, version, [{ range: { start: at, end: at }, text: insert }]);
          text += insert;
        }
        version++;
        const end = { line: text.split('\n').length - 1, character: text.split('\n').pop()!.length };
        await client.change(uri, version, [{ range: { start: end, end }, text: '\n' }]);
        text += '\n';
      }
      const final = await client.diagnosticsFor(uri, version);
      assert.deepStrictEqual(codes(final.diagnostics), ['acronym/undefined', 'kpo-bpo/task-mismatch', 'kpo-bpo/task-mismatch', 'kpo-bpo/task-mismatch', 'kpo-bpo/task-mismatch']);
      const versions = client.published(uri).map((p) => p.version!);
      for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `versions out of order: ${versions.join(', ')}`);
      assert.ok(versions.length < 20, `debounced: ${versions.length} publishes for ${version} versions`);
      // Nothing more arrives for an older version after the final one.
      await client.hover(uri, 0, 0);
      assert.strictEqual(client.published(uri).at(-1)!.version, version);
    });

    it('applies incremental changes correctly (the edited range is what gets checked)', async () => {
      client = await TestClient.start();
      const uri = docUri('diag-incremental.md');
      await client.open(uri, 'Our BPO desk will take over customer support tickets.');
      const first = await client.diagnosticsFor(uri, 1);
      assert.ok(!codes(first.diagnostics).includes('kpo-bpo/task-mismatch'));
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 7 } }, text: 'KPO' }]);
      const second = await client.diagnosticsFor(uri, 2);
      assert.ok(codes(second.diagnostics).includes('kpo-bpo/task-mismatch'));
    });

    it('shows control and bidirectional characters of a glossary in messages, never obeys them', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-bidi-'));
      const file = path.join(dir, 'bidi.glossary.yaml');
      fs.writeFileSync(file, 'terms:\n  - term: "widget\\u202e audit"\n    category: concept\n    definition: "Checking\\u202e widgets."\n    avoid: [widget auditing]\n');
      try {
        client = await TestClient.start({ settings: { glossaryFiles: [file] } });
        const uri = docUri('diag-bidi.md');
        await client.open(uri, 'We run widget auditing every year.');
        const { diagnostics } = await client.diagnosticsFor(uri, 1);
        const message = String(diagnostics.find((d) => d.code === 'term/preferred')?.message);
        assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(message), message);
        assert.match(message, /widget\\u202e audit/);
        const hover = String((await client.hover(uri, 0, 10))?.contents && ((await client.hover(uri, 0, 10))!.contents as { value: string }).value);
        assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(hover), hover);
        assert.match(hover, /Checking\\{1,2}u202e widgets/, "shown as an escape");
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('clears diagnostics when a document closes', async () => {
      client = await TestClient.start();
      const uri = docUri('diag-close.md');
      await client.open(uri, TASK);
      await client.diagnosticsFor(uri, 1);
      const mark = client.mark();
      await client.close(uri);
      const cleared = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, mark);
      assert.deepStrictEqual(cleared.diagnostics, []);
    });

    it('follows rule settings: a rule set to off disappears, severities change', async () => {
      client = await TestClient.start();
      const uri = docUri('diag-settings.md');
      await client.open(uri, TASK);
      await client.diagnosticsFor(uri, 1);
      const asked = client.configurationRequests.filter((r) => r.scopeUri === uri).length;
      assert.ok(asked >= 1, 'settings are asked for the document');

      let mark = client.mark();
      await client.configure({ rules: { 'kpo-bpo/task-mismatch': 'off', 'acronym/undefined': 'error' } });
      let next = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, mark);
      assert.deepStrictEqual(codes(next.diagnostics), ['acronym/undefined']);
      assert.strictEqual(next.diagnostics[0].severity, 1);

      mark = client.mark();
      await client.configure({ rules: { 'acronym/undefined': 'hint' } });
      next = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, mark);
      assert.deepStrictEqual(codes(next.diagnostics), ['acronym/undefined', 'kpo-bpo/task-mismatch']);
      assert.strictEqual(next.diagnostics.find((d) => d.code === 'acronym/undefined')!.severity, 4);
    });

    it('caches settings per document until they change', async () => {
      client = await TestClient.start();
      const uri = docUri('diag-cache.md');
      await client.open(uri, TASK);
      await client.diagnosticsFor(uri, 1);
      for (let i = 0; i < 5; i++) await client.hover(uri, 0, 30);
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      await client.diagnosticsFor(uri, 2);
      assert.strictEqual(client.configurationRequests.filter((r) => r.scopeUri === uri).length, 1);
    });

    it('serves the configured languages and file and untitled documents only', async () => {
      client = await TestClient.start({ settings: { languages: ['markdown', 'plaintext'] } });
      const text = docUri('diag-lang.txt');
      await client.open(text, TASK, 'plaintext');
      assert.ok(codes((await client.diagnosticsFor(text, 1)).diagnostics).includes('kpo-bpo/task-mismatch'));
      const untitled = 'untitled:Untitled-1';
      await client.open(untitled, TASK);
      assert.ok(codes((await client.diagnosticsFor(untitled, 1)).diagnostics).includes('kpo-bpo/task-mismatch'));
      const other = 'git:/some/file.md';
      await client.open(other, TASK);
      const yaml = docUri('diag-lang.yaml');
      await client.open(yaml, TASK, 'yaml');
      // A later document of ours proves the earlier ones have been handled.
      const last = docUri('diag-lang-last.md');
      await client.open(last, TASK);
      await client.diagnosticsFor(last, 1);
      for (const uri of [other, yaml]) {
        assert.ok(client.published(uri).every((p) => p.diagnostics.length === 0), uri);
        assert.strictEqual(await client.hover(uri, 0, 30), null);
      }
      // Dropping a language clears its diagnostics.
      const mark = client.mark();
      await client.configure({ languages: ['markdown'] });
      const cleared = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === text, mark);
      assert.deepStrictEqual(cleared.diagnostics, []);
    });

    it('uses initializationOptions and pushed settings when the client has no configuration request', async () => {
      client = await TestClient.start({ configuration: false, initializationOptions: { kpoGlossary: { rules: { 'acronym/undefined': 'off' } } } });
      const uri = docUri('diag-noconfig.md');
      await client.open(uri, TASK);
      assert.deepStrictEqual(codes((await client.diagnosticsFor(uri, 1)).diagnostics), ['kpo-bpo/task-mismatch']);
      assert.strictEqual(client.configurationRequests.length, 0);
      const mark = client.mark();
      await client.configure({}, { kpoGlossary: { rules: { 'kpo-bpo/task-mismatch': 'off' } } });
      const next = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, mark);
      assert.deepStrictEqual(codes(next.diagnostics), ['acronym/undefined']);
    });

    it('ignores settings of the wrong type', async () => {
      client = await TestClient.start({ settings: { rules: { 'acronym/undefined': 'loud', 'kpo-bpo/task-mismatch': 7 }, languages: 'markdown', hover: 'yes' } });
      const uri = docUri('diag-bad-settings.md');
      await client.open(uri, TASK);
      assert.deepStrictEqual(codes((await client.diagnosticsFor(uri, 1)).diagnostics), ['acronym/undefined', 'kpo-bpo/task-mismatch']);
      assert.ok(await client.hover(uri, 0, 30));
    });
  });

  describe('pulled', () => {
    it('answers textDocument/diagnostic with a result id per version, and unchanged when nothing changed', async () => {
      client = await TestClient.start({ pull: true });
      const uri = docUri('diag-pull.md');
      await client.open(uri, TASK);
      const first = (await client.pullDiagnostics(uri)) as FullDocumentDiagnosticReport;
      assert.strictEqual(first.kind, 'full');
      assert.deepStrictEqual(codes(first.items), ['acronym/undefined', 'kpo-bpo/task-mismatch']);
      assert.ok(first.resultId);
      const again = await client.pullDiagnostics(uri, first.resultId);
      assert.deepStrictEqual(again, { kind: 'unchanged', resultId: first.resultId });

      await client.change(uri, 2, [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 7 } }, text: 'BPO' }]);
      const second = (await client.pullDiagnostics(uri, first.resultId)) as FullDocumentDiagnosticReport;
      assert.strictEqual(second.kind, 'full');
      assert.notStrictEqual(second.resultId, first.resultId);
      assert.deepStrictEqual(codes(second.items), ['acronym/undefined'], 'BPO undefined, but no longer a task mismatch');
      assert.strictEqual(client.published(uri).length, 0, 'nothing is pushed to a pulling client');
    });

    it('does not trust a repeated version: the changed text is checked, and the report is not "unchanged"', async () => {
      client = await TestClient.start({ pull: true });
      const uri = docUri('diag-same-version.md');
      await client.open(uri, 'Our BPO desk will take over customer support tickets.');
      const first = (await client.pullDiagnostics(uri)) as FullDocumentDiagnosticReport;
      assert.ok(!codes(first.items).includes('kpo-bpo/task-mismatch'));
      // A misbehaving client sends a change with the version it already had.
      await client.change(uri, 1, [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 7 } }, text: 'KPO' }]);
      const second = (await client.pullDiagnostics(uri, first.resultId)) as FullDocumentDiagnosticReport;
      assert.strictEqual(second.kind, 'full');
      const task = second.items.find((d) => d.code === 'kpo-bpo/task-mismatch');
      assert.ok(task, JSON.stringify(second.items));
      assert.deepStrictEqual(task.range.start, { line: 0, character: 28 });
    });

    it('asks the client to refresh when settings change, and answers with the new settings', async () => {
      client = await TestClient.start({ pull: true });
      const uri = docUri('diag-refresh.md');
      await client.open(uri, TASK);
      const first = (await client.pullDiagnostics(uri)) as FullDocumentDiagnosticReport;
      const refreshes = client.refreshRequests;
      await client.configure({ rules: { 'acronym/undefined': 'off' } });
      await client.until(() => (client.refreshRequests > refreshes ? true : undefined), 5000, 'a diagnostic refresh');
      const second = (await client.pullDiagnostics(uri, first.resultId)) as FullDocumentDiagnosticReport;
      assert.strictEqual(second.kind, 'full');
      assert.deepStrictEqual(codes(second.items), ['kpo-bpo/task-mismatch']);
    });

    it('reports the final text after rapid changes', async () => {
      client = await TestClient.start({ pull: true });
      const uri = docUri('diag-pull-rapid.md');
      let text = '';
      await client.open(uri, text);
      let version = 1;
      for (const ch of TASK) {
        version++;
        const at = { line: 0, character: text.length };
        await client.change(uri, version, [{ range: { start: at, end: at }, text: ch }]);
        text += ch;
        if (version % 7 === 0) void client.pullDiagnostics(uri);
      }
      const report = (await client.pullDiagnostics(uri)) as FullDocumentDiagnosticReport;
      assert.deepStrictEqual(codes(report.items), ['acronym/undefined', 'kpo-bpo/task-mismatch']);
      assert.strictEqual(report.resultId?.split(':')[1], String(version));
      assert.strictEqual(text, TASK);
    });
  });
});
