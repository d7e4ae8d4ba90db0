// Completion over the protocol: multi-word prefixes replaced by one edit, typed capitalisation kept,
// the defining form of an acronym on first use, label details and documentation, ranking by industry,
// prose only, and the switch.

import * as assert from 'assert';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient, applyTextEdits, docUri } from './client';

function byLabel(items: CompletionItem[], label: string): CompletionItem {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no item "${label}" among ${items.map((i) => i.label).join(', ')}`);
  return item;
}

describe('protocol: completion', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('completes a partly typed multi-word service name, replacing the typed words', async () => {
    client = await TestClient.start();
    const uri = docUri('complete-multi.md');
    const text = 'Our analysts provide financial mo';
    await client.open(uri, text);
    const list = await client.completion(uri, 0, text.length);
    assert.ok(list && list.items.length > 0);
    const item = list.items[0];
    assert.strictEqual(item.label, 'financial modeling');
    const edit = item.textEdit as TextEdit;
    assert.deepStrictEqual(edit.range, { start: { line: 0, character: 21 }, end: { line: 0, character: text.length } });
    assert.strictEqual(applyTextEdits(text, [edit]), 'Our analysts provide financial modeling');
    assert.strictEqual(item.filterText, 'financial modeling');
    assert.strictEqual(item.labelDetails?.description, 'kpo-service · finance');
    assert.match((item.documentation as MarkupContent).value, /financial modeling/i);
    assert.ok(!list.items.some((i) => i.label === 'financial modelling'), 'one item per entry: the term, not also its alias');
  });

  it('keeps the capitalisation the writer typed', async () => {
    client = await TestClient.start();
    const uri = docUri('complete-case.md');
    const text = 'Financial mo';
    await client.open(uri, text);
    const list = await client.completion(uri, 0, text.length);
    const item = list!.items[0];
    assert.strictEqual((item.textEdit as TextEdit).newText, 'Financial modeling');
    assert.strictEqual(item.label, 'Financial modeling');
  });

  it('offers an acronym in its defining form on first use, and bare afterwards', async () => {
    client = await TestClient.start();
    const uri = docUri('complete-acronym.md');
    await client.open(uri, 'We offer KP');
    const first = byLabel((await client.completion(uri, 0, 11))!.items, 'KPO');
    assert.strictEqual((first.textEdit as TextEdit).newText, 'Knowledge Process Outsourcing (KPO)');
    assert.strictEqual(first.filterText, 'KPO');
    assert.strictEqual(first.labelDetails?.detail, ' → Knowledge Process Outsourcing (KPO)');

    const later = docUri('complete-acronym-later.md');
    await client.open(later, 'Knowledge Process Outsourcing (KPO) is our trade.\n\nOur KP');
    const second = byLabel((await client.completion(later, 2, 6))!.items, 'KPO');
    assert.strictEqual((second.textEdit as TextEdit).newText, 'KPO');
  });

  it('ranks the writer\'s industry first among equals', async () => {
    const text = 'We handle con';
    const first = async (industries: string[]) => {
      await client.configure({ industries });
      const items = (await client.completion(uri, 0, text.length))!.items;
      return [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1))[0].label;
    };
    client = await TestClient.start();
    const uri = docUri('complete-industry.md');
    await client.open(uri, text);
    assert.strictEqual(await first([]), 'contract review');
    assert.strictEqual(await first(['education']), 'content development');
    assert.strictEqual(await first(['legal']), 'contract review');
  });

  it('offers nothing in code, in URLs or on an empty word, and nothing when switched off', async () => {
    client = await TestClient.start();
    const uri = docUri('complete-nothing.md');
    const text = ['```', 'financial mo', '```', '', 'See `financial mo', '', 'Nothing here: '].join('\n');
    await client.open(uri, text);
    const empty = (list: { items: unknown[] } | null) => list === null || list.items.length === 0;
    assert.ok(empty(await client.completion(uri, 1, 12)), 'fenced code');
    assert.ok(empty(await client.completion(uri, 6, 14)), 'after a space');

    await client.configure({ completion: { enable: false } });
    const prose = docUri('complete-off.md');
    await client.open(prose, 'financial mo');
    assert.strictEqual(await client.completion(prose, 0, 12), null);
  });

  it('gives plain-text documentation to a client without Markdown', async () => {
    client = await TestClient.start({ markdown: false });
    const uri = docUri('complete-plain.md');
    await client.open(uri, 'market res');
    const item = (await client.completion(uri, 0, 10))!.items[0];
    assert.strictEqual((item.documentation as MarkupContent).kind, 'plaintext');
  });
});
