// Hover over the protocol: the short entry and the details setting, what backs a finding up,
// nothing outside prose, UTF-16 positions, the switch, and glossary text that cannot inject anything.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient, docUri } from './client';

function value(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  return (hover.contents as MarkupContent).value;
}

describe('protocol: hover', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('is short: term, side, the first sentence, a one-line contrast, one example and a link to the whole entry', async () => {
    client = await TestClient.start();
    const uri = docUri('hover-entry.md');
    await client.open(uri, '# Offer\n\nOur team delivers market research every quarter.\n');
    const hover = await client.hover(uri, 2, 20);
    const text = value(hover);
    assert.strictEqual((hover!.contents as MarkupContent).kind, 'markdown');
    assert.match(text, /^\*\*market research\*\*\n\n\*KPO service\*/);
    assert.match(text, /\*\*KPO vs BPO:\*\* KPO: /);
    assert.match(text, /\*e\.g\.\* “/);
    assert.match(text, /\[The whole entry and \d+ FAQ answers?\]\(file:\/\/\/.*kpo\.glossary\.yaml#L\d+\)/);
    assert.doesNotMatch(text, /\*\*FAQ\*\*|\*\*Examples\*\*|\*\*Related\*\*|\| Aspect \|/, 'the rest is behind the link');
    assert.ok(text.split('\n').filter(Boolean).length <= 6, `six paragraphs at most:\n${text}`);
    assert.deepStrictEqual(hover!.range, { start: { line: 2, character: 18 }, end: { line: 2, character: 33 } });
  });

  it('shows everything with hover.details: examples, related terms, the FAQ and the KPO vs BPO table', async () => {
    client = await TestClient.start({ settings: { hover: { enable: true, details: true } } });
    const uri = docUri('hover-details.md');
    await client.open(uri, 'Knowledge Process Outsourcing (KPO) differs from Business Process Outsourcing (BPO).\n\nOur team delivers market research every quarter.\n');
    const entry = value(await client.hover(uri, 2, 20));
    assert.match(entry, /\*\*Related:\*\* market analysis/);
    assert.match(entry, /\*\*FAQ\*\*/);
    assert.match(entry, /What are some common KPO services\?/);
    for (const [line, character] of [[0, 32], [0, 80]]) {
      const text = value(await client.hover(uri, line, character));
      assert.match(text, /\| Aspect \| KPO \| BPO \|/);
      assert.match(text, /\| Skill Level \|/);
    }
    assert.match(value(await client.hover(uri, 0, 32)), /Knowledge Process Outsourcing \(KPO\)/);
    assert.match(value(await client.hover(uri, 0, 80)), /Business Process Outsourcing \(BPO\)/);
    // Entries without a side have no comparison.
    await client.open(docUri('hover-other.md'), 'We cover GDPR obligations.');
    const other = await client.hover(docUri('hover-other.md'), 0, 10);
    if (other) assert.doesNotMatch(value(other), /KPO vs BPO/);
  });

  it('does not repeat a finding, but shows what backs it up', async () => {
    client = await TestClient.start();
    const uri = docUri('hover-flagged.md');
    await client.open(uri, 'Knowledge Process Outsourcing (KPO) is cheap and routine work.\n\nOur KPO desk will take over customer support tickets.');
    const task = value(await client.hover(uri, 2, 30));
    assert.doesNotMatch(task, /Flagged|presents it as KPO work/, 'the editor already shows the message');
    assert.match(task, /^\*\*customer service\*\*/, 'the entry of "customer support"');
    // "cheap" is no glossary term: the hover is the comparison row behind the finding, alone.
    const trait = value(await client.hover(uri, 0, 42));
    assert.match(trait, /^Cost: KPO — .*BPO — /);
    assert.doesNotMatch(trait, /traits, but/);
  });

  it('shows nothing on plain words, in code, in URLs or in link destinations', async () => {
    client = await TestClient.start();
    const uri = docUri('hover-nothing.md');
    const text = [
      'The weather is fine today.',
      '',
      '```',
      'market research in code',
      '```',
      '',
      'Run `market research` now.',
      '',
      'See https://example.com/market-research for details.',
    ].join('\n');
    await client.open(uri, text);
    assert.strictEqual(await client.hover(uri, 0, 5), null, 'plain word');
    assert.strictEqual(await client.hover(uri, 3, 3), null, 'fenced code');
    assert.strictEqual(await client.hover(uri, 6, 8), null, 'inline code');
    assert.strictEqual(await client.hover(uri, 8, 25), null, 'URL');
  });

  it('counts positions in UTF-16 code units (emoji and CJK before a term)', async () => {
    client = await TestClient.start();
    const uri = docUri('hover-utf16.md');
    // "🚀" is two UTF-16 code units, "市场" two code units of one each.
    const line = '🚀 市场 We deliver market research.';
    await client.open(uri, `# 标题 🎉\n\n${line}\n`);
    const start = line.indexOf('market research');
    assert.strictEqual([...line.slice(0, start)].length, start - 1, 'the emoji counts two UTF-16 code units');
    const hover = await client.hover(uri, 2, start + 3);
    assert.deepStrictEqual(hover!.range, { start: { line: 2, character: start }, end: { line: 2, character: start + 'market research'.length } });
    assert.strictEqual(await client.hover(uri, 2, 1), null, 'inside the emoji');
  });

  it('is off when hover.enable is false', async () => {
    client = await TestClient.start({ settings: { hover: { enable: false } } });
    const uri = docUri('hover-off.md');
    await client.open(uri, 'We deliver market research.');
    assert.strictEqual(await client.hover(uri, 0, 14), null);
    await client.configure({ hover: { enable: true } });
    assert.ok(await client.hover(uri, 0, 14));
  });

  it('gives plain text to a client without Markdown', async () => {
    client = await TestClient.start({ markdown: false });
    const uri = docUri('hover-plain.md');
    await client.open(uri, 'We deliver market research.');
    const hover = await client.hover(uri, 0, 14);
    assert.strictEqual((hover!.contents as MarkupContent).kind, 'plaintext');
    assert.doesNotMatch(value(hover), /\*\*/);
  });

  describe('with a hostile glossary from the settings', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-hostile-'));
      fs.writeFileSync(
        path.join(dir, 'hostile.glossary.yaml'),
        [
          'version: 1',
          'terms:',
          '  - id: evil-service',
          '    term: evil service',
          '    category: kpo-service',
          '    definition: "<script>alert(1)</script> <img src=http://example.com/x.png> [x](command:foo) ![i](http://example.com/i.png) <http://example.com> &lt;b&gt; **bold** `code`"',
          '    examples:',
          '      - "[click](command:workbench.action.terminal.new) <iframe src=x></iframe>"',
          '    notes:',
          '      - "# Heading\\n\\n    indented code\\n\\n| a | b |"',
          '    related: [kpo]',
        ].join('\n'),
      );
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('shows its text escaped and inert', async () => {
      client = await TestClient.start({ settings: { glossaryFiles: [path.join(dir, 'hostile.glossary.yaml')], hover: { enable: true, details: true } } });
      const uri = docUri('hover-hostile.md');
      await client.open(uri, 'Our evil service is here.');
      const text = value(await client.hover(uri, 0, 6));
      // No raw HTML tag, autolink, link or image survives unescaped.
      assert.doesNotMatch(text, /(^|[^\\])<[a-z/!]/i, 'raw HTML');
      // The one link is the hover's own "whole entry" link to the glossary file.
      const links = text.match(/(^|[^\\])\]\([^)]*\)/g) ?? [];
      assert.deepStrictEqual(links.map((l) => l.replace(/^[^\]]/, '')), [`](file://${path.join(dir, 'hostile.glossary.yaml')}#L4)`], `link syntax: ${links.join(' ')}`);
      assert.doesNotMatch(text, /(^|[^\\])!\[/, 'image syntax');
      assert.doesNotMatch(text, /(^|[^\\])&[a-z]+;/, 'entities');
      assert.doesNotMatch(text, /^#/m, 'heading');
      assert.doesNotMatch(text, /^ {4}/m, 'indented code');
      // The words themselves are still there, as text.
      assert.match(text, /\\<script\\>alert\(1\)\\<\/script\\>/);
      assert.match(text, /\\\[x\\\]\(command:foo\)/);
      assert.match(text, /\\\*\\\*bold\\\*\\\*/);
      // The built-in glossary is still there next to it.
      assert.match(text, /Knowledge Process Outsourcing \(KPO\)/);
    });
  });
});
