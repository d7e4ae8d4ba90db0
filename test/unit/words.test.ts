// The packed words of an analysis (match/tokens.ts `Words`, one Int32Array per analysis): what they
// read as, and that an analysis holds no object per word until a rule or a request reads a block.
// (test/unit/incremental.test.ts checks that moved words equal a fresh analysis after every edit.)

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { Words } from '../../server/src/core/match/tokens';
import { builtinEngine } from './helpers/engine';
import { generateDocument } from './markdown/corpus';

const ROOT = path.join(__dirname, '..', '..', '..');
const DOCUMENTS: Array<[string, string]> = [
  ['the sample proposal', fs.readFileSync(path.join(ROOT, 'samples', 'proposal.md'), 'utf8')],
  ['the CRLF and emoji fixture', fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'crlf-emoji.md'), 'utf8')],
  ['a table, curly apostrophes, possessives and a long word', "| KPO | BPO’s side |\n|---|---|\n| Investment research | Data entry |\n\nThe firm’s analysts don’t use antidisestablishmentarianism-level jargon; “KPO” (**knowledge** process outsourcing) isn't BPO's."],
  ['a generated Markdown document', generateDocument(7)],
];

describe('packed words', () => {
  const engine = builtinEngine();

  for (const [name, text] of DOCUMENTS) {
    it(`read as the same words, offsets, gaps, joins and cells as their tokens: ${name}`, () => {
      const analysis = engine.analyze(text);
      let words = 0;
      for (const block of analysis.blocks) {
        const w = block.words;
        const tokens = block.tokens;
        assert.strictEqual(w.length, tokens.length);
        tokens.forEach((t, i) => {
          assert.deepStrictEqual(
            { start: w.start(i), end: w.end(i), text: w.text(i), lower: w.lower(i), joins: w.joins(i), before: w.before(i), cell: w.cell(i) },
            { start: t.start, end: t.end, text: t.text, lower: t.lower, joins: t.joins, before: t.before, cell: t.cell },
          );
          // A token is the word as written in the document (a possessive "'s" left out).
          assert.strictEqual(text.slice(t.start, t.end), t.text);
        });
        words += w.length;
      }
      assert.ok(words > 0);
    });
  }

  it('a table row, curly apostrophes and possessives, word by word', () => {
    const analysis = engine.analyze(DOCUMENTS[2][1]);
    const read = (b: number) => {
      const w = analysis.blocks[b].words;
      return Array.from({ length: w.length }, (_, i) => [w.text(i), w.lower(i), w.before(i), w.joins(i), w.cell(i)]);
    };
    // The header row: the cell of each word, and the pipe between cells in the gap.
    assert.deepStrictEqual(read(0), [['KPO', 'kpo', '', false, 0], ['BPO', 'bpo', '|', false, 1], ['side', 'side', '', true, 1]]);
    const prose = read(analysis.blocks.length - 1);
    assert.deepStrictEqual(prose.find((x) => x[0] === 'don’t'), ['don’t', "don't", '', true, undefined]);
    // Emphasis markers and spaces are not in a gap; the closing quote and the parenthesis are.
    assert.deepStrictEqual(prose.find((x) => x[1] === 'knowledge'), ['knowledge', 'knowledge', '”(', false, undefined]);
    assert.deepStrictEqual(prose.find((x) => x[1] === 'process'), ['process', 'process', '', true, undefined]);
    assert.ok(prose.some((x) => x[0] === 'antidisestablishmentarianism'));
    assert.deepStrictEqual(prose.at(-1), ['BPO', 'bpo', '', true, undefined]);
  });

  it('a closed document is not kept alive by the blocks whose tokens were read last', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const read = (() => {
      const analysis = engine.analyze(DOCUMENTS[0][1]);
      engine.lint(analysis);
      void analysis.blocks[3].tokens;
      return { block: new WeakRef(analysis.blocks[3]), words: new WeakRef(analysis.blocks[3].words) };
    })();
    // Weak references hold their target until the current job ends; a collection may also find the
    // block still referenced from a frame that has just returned, so give it a few rounds.
    for (let round = 0; round < 10 && (read.block.deref() !== undefined || read.words.deref() !== undefined); round++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    assert.strictEqual(read.block.deref(), undefined, 'the block outlived its analysis');
    assert.strictEqual(read.words.deref(), undefined, 'the words outlived their analysis');
  });

  it('an analysis makes no Token object: they are made when a block is read', () => {
    const made = { blocks: 0 };
    const toTokens = Words.prototype.toTokens;
    Words.prototype.toTokens = function (this: Words) {
      made.blocks++;
      return toTokens.call(this);
    };
    try {
      const analysis = engine.analyze(DOCUMENTS[0][1]);
      assert.strictEqual(made.blocks, 0, 'analyze made Token objects');
      void analysis.blocks[3].tokens;
      void analysis.blocks[3].tokens;
      assert.strictEqual(made.blocks, 1, 'a block read twice in a row makes its tokens once');
    } finally {
      Words.prototype.toTokens = toTokens;
    }
  });
});
