// Code actions over the protocol: each diagnostic's fixes (preferred marked), fix all of a rule,
// disable for a line, and source.fixAll.kpo-glossary; edits applied give the expected text.

import * as assert from 'assert';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient, applyTextEdits, docUri, editsOf } from './client';

const LINE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

async function openAndWait(client: TestClient, name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = docUri(name);
  await client.open(uri, text);
  const published: PublishDiagnosticsParams = await client.diagnosticsFor(uri, 1);
  return { uri, diagnostics: published.diagnostics };
}

function titles(actions: CodeAction[] | null): string[] {
  return (actions ?? []).map((a) => a.title);
}

describe('protocol: code actions', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('offers a KPO/BPO switch as a suggestion, not a preferred fix, and applies it when chosen', async () => {
    client = await TestClient.start();
    const text = 'Our KPO desk will take over customer support tickets.';
    const { uri, diagnostics } = await openAndWait(client, 'ca-fixes.md', text);
    const task = diagnostics.find((d) => d.code === 'kpo-bpo/task-mismatch')!;
    const actions = (await client.codeActions(uri, task.range, [task]))!;
    // A switch is never marked preferred: "auto fix" and fix-on-save must not apply it.
    assert.deepStrictEqual(actions.filter((a) => a.isPreferred), [], titles(actions).join(' | '));
    const change = actions.find((a) => a.title === 'Change “KPO” to “BPO”')!;
    assert.ok(change, titles(actions).join(' | '));
    assert.strictEqual(change.kind, 'quickfix');
    assert.deepStrictEqual(change.diagnostics, [task]);
    assert.strictEqual(applyTextEdits(text, editsOf(change, uri)), 'Our BPO desk will take over customer support tickets.');
    // documentChanges carry the version the edit was computed for.
    assert.deepStrictEqual((change.edit!.documentChanges![0] as { textDocument: unknown }).textDocument, { uri, version: 1 });
    // A related entry is no alternative: no "Replace with “market research”".
    assert.ok(!titles(actions).some((t) => /market research/.test(t)), titles(actions).join(' | '));
    assert.ok(titles(actions).includes('Disable kpo-bpo/task-mismatch for this line'));
    // The message shows the words that make the claim.
    assert.match(String(task.message), /“Our KPO desk”/);
  });

  it('fixes an undefined acronym and a non-preferred term', async () => {
    client = await TestClient.start();
    const text = 'KPO is growing.\n\nOur Knowledge Processing Outsourcing unit reports weekly.\n';
    const { uri, diagnostics } = await openAndWait(client, 'ca-terms.md', text);
    const acronym = diagnostics.find((d) => d.code === 'acronym/undefined')!;
    const term = diagnostics.find((d) => d.code === 'term/preferred')!;
    const a = (await client.codeActions(uri, acronym.range, [acronym]))!.find((x) => x.isPreferred)!;
    assert.strictEqual(applyTextEdits(text, editsOf(a, uri)).split('\n')[0], 'Knowledge Process Outsourcing (KPO) is growing.');
    const t = (await client.codeActions(uri, term.range, [term]))!.find((x) => x.isPreferred)!;
    assert.strictEqual(applyTextEdits(text, editsOf(t, uri)).split('\n')[2], 'Our Knowledge Process Outsourcing unit reports weekly.');
  });

  it('fixes all problems of one rule in one edit', async () => {
    client = await TestClient.start();
    const text = 'The Knowledge Processing Outsourcing unit and the Knowledge Processes Outsourcing desk.\n\nOur KPO desk will take over customer support tickets.\n';
    const { uri, diagnostics } = await openAndWait(client, 'ca-fixall.md', text);
    const terms = diagnostics.filter((d) => d.code === 'term/preferred');
    assert.strictEqual(terms.length, 2, JSON.stringify(diagnostics.map((d) => d.code)));
    const actions = (await client.codeActions(uri, terms[0].range, [terms[0]]))!;
    const all = actions.find((a) => a.title === 'Fix all term/preferred problems in this document');
    assert.ok(all, titles(actions).join(' | '));
    const fixed = applyTextEdits(text, editsOf(all, uri));
    assert.strictEqual(fixed.split('\n')[0], 'The Knowledge Process Outsourcing unit and the Knowledge Process Outsourcing desk.');
    assert.strictEqual(fixed.split('\n')[2], 'Our KPO desk will take over customer support tickets.', 'other rules untouched');
    // A rule with a single problem has no fix-all.
    const task = diagnostics.find((d) => d.code === 'kpo-bpo/task-mismatch')!;
    assert.ok(!titles(await client.codeActions(uri, task.range, [task])).some((t) => t.startsWith('Fix all kpo-bpo')));
  });

  it('disables a rule for a line with a directive above it, keeping the indentation, and the finding goes', async () => {
    client = await TestClient.start();
    const text = 'Intro.\n\n- Our offer:\n  - Our KPO desk will take over customer support tickets.\n';
    const { uri, diagnostics } = await openAndWait(client, 'ca-disable.md', text);
    const task = diagnostics.find((d) => d.code === 'kpo-bpo/task-mismatch')!;
    const disable = (await client.codeActions(uri, task.range, [task]))!.find((a) => a.title === 'Disable kpo-bpo/task-mismatch for this line')!;
    const fixed = applyTextEdits(text, editsOf(disable, uri));
    assert.strictEqual(fixed, 'Intro.\n\n- Our offer:\n  <!-- kpo-disable-next-line kpo-bpo/task-mismatch -->\n  - Our KPO desk will take over customer support tickets.\n');
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } }, text: fixed }]);
    const after = await client.diagnosticsFor(uri, 2);
    assert.ok(!after.diagnostics.some((d) => d.code === 'kpo-bpo/task-mismatch'), JSON.stringify(after.diagnostics));
  });

  it('disables at the end of the line where a line above would break a table or split a paragraph', async () => {
    client = await TestClient.start();
    const text = '| Service | Model |\n|---|---|\n| Customer service | KPO |\n\nIntro line here.\nOur KPO desk will take over customer support tickets.\n';
    const { uri, diagnostics } = await openAndWait(client, 'ca-disable-inline.md', text);
    const tasks = diagnostics.filter((d) => d.code === 'kpo-bpo/task-mismatch');
    assert.strictEqual(tasks.length, 2, JSON.stringify(diagnostics));
    let fixed = text;
    for (const task of tasks.reverse()) {
      const disable = (await client.codeActions(uri, task.range, [task]))!.find((a) => a.title === 'Disable kpo-bpo/task-mismatch for this line')!;
      fixed = applyTextEdits(fixed, editsOf(disable, uri));
    }
    assert.strictEqual(
      fixed,
      '| Service | Model |\n|---|---|\n| Customer service | KPO | <!-- kpo-disable-line kpo-bpo/task-mismatch -->\n\nIntro line here.\nOur KPO desk will take over customer support tickets. <!-- kpo-disable-line kpo-bpo/task-mismatch -->\n',
    );
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } }, text: fixed }]);
    const after = await client.diagnosticsFor(uri, 2);
    assert.ok(!after.diagnostics.some((d) => d.code === 'kpo-bpo/task-mismatch'), JSON.stringify(after.diagnostics));
  });

  it('keeps CRLF line endings in the directive', async () => {
    client = await TestClient.start();
    const text = 'Intro.\r\n\r\nKPO is growing.\r\n';
    const { uri, diagnostics } = await openAndWait(client, 'ca-crlf.md', text);
    const acronym = diagnostics.find((d) => d.code === 'acronym/undefined')!;
    const disable = (await client.codeActions(uri, acronym.range, [acronym]))!.find((a) => a.title.startsWith('Disable'))!;
    assert.strictEqual(editsOf(disable, uri)[0].newText, '<!-- kpo-disable-next-line acronym/undefined -->\r\n');
  });

  it('offers source.fixAll.kpo-glossary applying every safe fix, and no KPO/BPO switch', async () => {
    client = await TestClient.start();
    const text = 'Knowledge Process Outsourcing (KPO) is our trade.\n\nOur KPO desk will take over customer support tickets.\n\nOur Knowledge Processing Outsourcing unit reports weekly.\n';
    const { uri } = await openAndWait(client, 'ca-source.md', text);
    const actions = (await client.codeActions(uri, LINE, [], ['source.fixAll']))!;
    assert.deepStrictEqual(actions.map((a) => a.kind), ['source.fixAll.kpo-glossary']);
    const fixed = applyTextEdits(text, editsOf(actions[0], uri));
    // The variant is corrected; the sentence the task-mismatch rule doubts is left for the writer.
    assert.strictEqual(fixed, 'Knowledge Process Outsourcing (KPO) is our trade.\n\nOur KPO desk will take over customer support tickets.\n\nOur Knowledge Process Outsourcing unit reports weekly.\n');
    // Asked for quick fixes only, it is not offered.
    assert.ok(!(await client.codeActions(uri, LINE, [], ['quickfix']))!.some((a) => a.kind === 'source.fixAll.kpo-glossary'));
    // A clean document has none.
    const clean = docUri('ca-clean.md');
    await client.open(clean, 'Our team delivers market research.');
    assert.deepStrictEqual(await client.codeActions(clean, LINE, [], ['source.fixAll.kpo-glossary']), []);
  });

  it('finds the findings from the range when the client sends no diagnostics, and uses changes without documentChanges', async () => {
    client = await TestClient.start({ documentChanges: false });
    const text = 'Our KPO desk will take over customer support tickets.';
    const uri = docUri('ca-range.md');
    await client.open(uri, text);
    const actions = (await client.codeActions(uri, { start: { line: 0, character: 30 }, end: { line: 0, character: 30 } }, []))!;
    const change = actions.find((a) => a.title === 'Change “KPO” to “BPO”')!;
    assert.ok(change.edit!.changes, 'changes form');
    assert.strictEqual(applyTextEdits(text, editsOf(change, uri)), 'Our BPO desk will take over customer support tickets.');
  });

  it('gives every edit the document version it was computed for, after changes too', async () => {
    client = await TestClient.start();
    const text = 'Intro.\n\nOur Knowledge Processing Outsourcing unit reports weekly.\n';
    const { uri } = await openAndWait(client, 'ca-version.md', text);
    await client.change(uri, 5, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Our ' }]);
    const after = await client.diagnosticsFor(uri, 5);
    const term = after.diagnostics.find((d) => d.code === 'term/preferred')!;
    const version = (a: CodeAction) => (a.edit!.documentChanges![0] as { textDocument: { version: number } }).textDocument.version;
    const actions = (await client.codeActions(uri, term.range, [term]))!;
    assert.ok(actions.length >= 2, titles(actions).join(' | '));
    for (const a of actions) assert.strictEqual(version(a), 5, a.title);
    const [fixAll] = (await client.codeActions(uri, LINE, [], ['source.fixAll']))!;
    assert.strictEqual(version(fixAll), 5);
  });

  it('computes fix-all only when asked for by kind, and resolves it for a client that resolves edits', async () => {
    // A client that does not resolve: a request without a kind gets no fix-all (nothing is computed).
    client = await TestClient.start();
    const text = 'Our Knowledge Processing Outsourcing unit reports weekly.\n\nOur Knowledge Processes Outsourcing desk too.\n';
    let { uri } = await openAndWait(client, 'ca-lazy.md', text);
    assert.ok(!(await client.codeActions(uri, LINE, []))!.some((a) => a.kind === 'source.fixAll.kpo-glossary'));
    await client.stop();

    client = await TestClient.start({ codeActionResolve: true });
    ({ uri } = await openAndWait(client, 'ca-lazy.md', text));
    const lazy = (await client.codeActions(uri, LINE, []))!.find((a) => a.kind === 'source.fixAll.kpo-glossary')!;
    assert.ok(lazy, 'offered');
    assert.strictEqual(lazy.edit, undefined, 'without its edit');
    const resolved: CodeAction = await client.connection.sendRequest('codeAction/resolve', lazy);
    assert.strictEqual((resolved.edit!.documentChanges![0] as { textDocument: { version: number } }).textDocument.version, 1);
    assert.strictEqual(applyTextEdits(text, editsOf(resolved, uri)), 'Our Knowledge Process Outsourcing unit reports weekly.\n\nOur Knowledge Process Outsourcing desk too.\n');
    // Once the document has changed, the old offer resolves to nothing to apply.
    await client.change(uri, 2, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'More.\n' }]);
    const stale: CodeAction = await client.connection.sendRequest('codeAction/resolve', lazy);
    assert.strictEqual(stale.edit, undefined);
  });

  it('answers a request over the whole document with at most 200 actions, fix-all of the rule included', async () => {
    client = await TestClient.start();
    const paragraphs = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 'Our Knowledge Processing Outsourcing unit reports weekly.' : 'Knowledge Process Outsourcing (KPO) desks take over customer support tickets.'));
    const text = paragraphs.join('\n\n') + '\n';
    const { uri, diagnostics } = await openAndWait(client, 'ca-whole.md', text);
    assert.ok(diagnostics.length >= 400, String(diagnostics.length));
    const range = { start: { line: 0, character: 0 }, end: { line: paragraphs.length * 2, character: 0 } };
    for (const sent of [diagnostics, []]) {
      const actions = (await client.codeActions(uri, range, sent))!;
      assert.ok(actions.length <= 200 && actions.length > 100, `${actions.length} actions`);
      const all = actions.find((a) => a.title === 'Fix all term/preferred problems in this document')!;
      assert.ok(all, 'the fix-all of the rule is kept');
      assert.ok(!applyTextEdits(text, editsOf(all, uri)).includes('Processing'), 'and fixes every one');
      // The first findings of the range come first.
      assert.strictEqual(actions[0].diagnostics![0].range.start.line, 0);
    }
  });

  it('does not act on stale diagnostics that no longer match the text', async () => {
    client = await TestClient.start();
    const text = 'Our KPO desk will take over customer support tickets.';
    const { uri, diagnostics } = await openAndWait(client, 'ca-stale.md', text);
    const task = diagnostics.find((d) => d.code === 'kpo-bpo/task-mismatch')!;
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Today ' }]);
    const actions = (await client.codeActions(uri, task.range, [task]))!;
    assert.ok(!actions.some((a) => a.diagnostics?.some((d) => d.code === 'kpo-bpo/task-mismatch')), titles(actions).join(' | '));
  });
});
