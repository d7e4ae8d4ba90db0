// Offsets are UTF-16 code-unit offsets into the original text: they must point at exactly the
// expected text around emoji, CJK, CRLF and a BOM, never split a surrogate pair, and the block
// fields must describe the blocks.

import * as assert from 'assert';
import { parseMarkdownStrict, ProseBlock } from '../../../server/src/core/markdown';
import { checkInvariants } from './describe';

function texts(md: string): string[][] {
  return parseMarkdownStrict(md).blocks.map((b) => b.segments.map((s) => md.slice(s.start, s.end)));
}

describe('markdown prose scanner: offsets', () => {
  it('points at words after emoji and CJK', () => {
    const md = '👍🏽 知识 **KPO** `代码` 流程外包 🚀 [BPO 🚀](https://例子.com) end';
    const parsed = parseMarkdownStrict(md);
    assert.deepStrictEqual(checkInvariants(md, parsed), []);
    assert.deepStrictEqual(texts(md), [['👍🏽 知识 **KPO**', '流程外包 🚀', 'BPO 🚀', 'end']]);
    const seg = parsed.blocks[0].segments[1];
    assert.strictEqual(seg.start, md.indexOf('流程外包'));
    assert.strictEqual(seg.end, md.indexOf('流程外包') + '流程外包 🚀'.length);
  });

  it('keeps offsets with CRLF line endings', () => {
    const md = '# Title\r\n\r\n> quoted\r\n> text\r\n\r\n- item `x` tail\r\n';
    const parsed = parseMarkdownStrict(md);
    assert.deepStrictEqual(checkInvariants(md, parsed), []);
    assert.deepStrictEqual(texts(md), [['Title'], ['quoted', 'text'], ['item', 'tail']]);
    const [h, q, li] = parsed.blocks;
    assert.strictEqual(md.slice(h.start, h.end), '# Title');
    assert.strictEqual(md.slice(q.start, q.end), 'quoted\r\n> text');
    assert.strictEqual(md.slice(li.start, li.end), '- item `x` tail');
  });

  it('counts a byte order mark as one code unit', () => {
    const md = '\ufeffHello world';
    const [b] = parseMarkdownStrict(md).blocks;
    assert.strictEqual(b.segments[0].start, 1);
    assert.strictEqual(md.slice(b.segments[0].start, b.segments[0].end), 'Hello world');
  });

  it('never splits a surrogate pair, even next to constructs', () => {
    const md = '🚀`x`🚀 www.example.com🚀 a@b.co🚀 <b>🚀</b> [🚀](u)🚀 | 🚀 |\n|-|\n|🚀|';
    assert.deepStrictEqual(checkInvariants(md, parseMarkdownStrict(md)), []);
  });

  it('handles lone surrogates', () => {
    const md = 'a \ud800 b `\udc00` c\n\n\ud83d';
    const parsed = parseMarkdownStrict(md);
    assert.deepStrictEqual(checkInvariants(md, parsed), []);
    assert.deepStrictEqual(texts(md), [['a \ud800 b', 'c'], ['\ud83d']]);
  });

  it('gives block extents and fields', () => {
    const md = [
      '## Heading ##', //
      '',
      'Setext',
      '======',
      '',
      '- item one',
      '  continued',
      '',
      '  second para',
      '  1. nested',
      '',
      '> quote',
      '',
      '| a | b |',
      '|---|---|',
      '| c | d |',
    ].join('\n');
    const blocks = parseMarkdownStrict(md).blocks;
    const view = (b: ProseBlock) => ({
      kind: b.kind,
      text: md.slice(b.start, b.end),
      level: b.headingLevel,
      depth: b.listDepth,
      header: b.tableHeader,
      quote: b.quoteDepth,
    });
    assert.deepStrictEqual(blocks.map(view), [
      { kind: 'heading', text: '## Heading ##', level: 2, depth: undefined, header: undefined, quote: undefined },
      { kind: 'heading', text: 'Setext\n======', level: 1, depth: undefined, header: undefined, quote: undefined },
      { kind: 'list-item', text: '- item one\n  continued', level: undefined, depth: 0, header: undefined, quote: undefined },
      { kind: 'paragraph', text: 'second para', level: undefined, depth: 0, header: undefined, quote: undefined },
      { kind: 'list-item', text: '1. nested', level: undefined, depth: 1, header: undefined, quote: undefined },
      { kind: 'paragraph', text: 'quote', level: undefined, depth: undefined, header: undefined, quote: 1 },
      { kind: 'table-row', text: '| a | b |', level: undefined, depth: undefined, header: true, quote: undefined },
      { kind: 'table-row', text: '| c | d |', level: undefined, depth: undefined, header: false, quote: undefined },
    ]);
  });

  it('marks which segments continue the previous one', () => {
    const md = 'a *b* <i>c</i> [d](u) e `f` g\n> h\n> i';
    const flags = parseMarkdownStrict(md).blocks.map((b) => b.segments.map((s) => [md.slice(s.start, s.end), s.continues]));
    assert.deepStrictEqual(flags, [
      [
        ['a *b*', false],
        ['c', true],
        ['d', true],
        ['e', false],
        ['g', false],
      ],
      [
        ['h', false],
        ['i', true],
      ],
    ]);
  });
});
