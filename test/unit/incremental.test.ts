// Incremental re-analysis (core/incremental.ts, Engine.update): after every edit of random edit
// sequences, the updated analysis and its findings must equal a fresh full analysis of the new text
// and its findings. The documents are the Markdown cross-check corpus (every construct the scanner
// knows: fences, HTML blocks and comments, directives, reference definitions, footnotes, nested
// lists and quotes, tables, setext headings, front matter, CRLF), the fixtures and the sample
// proposal; the edits insert and delete characters, words, glossary names and the Markdown that
// changes structure far away (opening a fence or a comment, turning a line into a heading, a list
// item, a table row, a definition). Only correctness is checked here: speed is measured by
// `npm run bench` (scripts/bench), never asserted in tests.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { BlockAnalysis, DocumentAnalysis } from '../../server/src/core/analysis';
import type { Engine, TextChange } from '../../server/src/core/engine';
import { RULES } from '../../server/src/core/rules';
import { builtinEngine, fixture } from './helpers/engine';
import { generateDocument, Rng } from './markdown/corpus';

const ROOT = path.join(__dirname, '..', '..', '..');

const SNIPPETS = [
  ' ', 'a', 'KPO', 'BPO', 'data entry', ' market research', 'Knowledge Processing Outsourcing', ' (Business Process Outsourcing)',
  'KPO (', ')', ' is routine', 'highly skilled', '.', ', while ', ' not ', '\n', '\n\n', '\r\n', '\r', '\t', '    ',
  '# ', '## KPO services\n', 'Title\n===\n', '---\n', '- ', '* ', '1. ', '  - ', '> ', '| a | KPO |\n|---|---|\n', '|', ':',
  '```', '```\n', '~~~\n', '`', '<!--', '-->', '<!-- kpo-disable -->', '<!-- kpo-enable -->', '<!-- kpo-disable-next-line -->\n',
  '<div>\n', '</div>', '<script>', '[x]: https://example.com\n', '[x]', '[^1]', '[^1]: note\n', '[KPO](https://example.com)',
  'https://example.com/BPO', '+++\n', '\\', '*', '_', '[ ] ', '![alt](i.png)', '’s', 'é',
];

function randomEdit(rng: Rng, text: string): TextChange {
  const start = rng.int(0, text.length);
  const kind = rng.int(0, 9);
  let end = start;
  if (kind <= 3) end = Math.min(text.length, start + rng.int(0, kind === 3 ? 200 : 6));
  let inserted = '';
  if (kind >= 2) inserted = rng.pick(SNIPPETS);
  if (kind === 9) inserted = rng.pick(SNIPPETS) + rng.pick(SNIPPETS) + rng.pick(SNIPPETS);
  // Now and then, a line break into the middle of a CRLF pair or a surrogate pair: never mind, the
  // engine must cope with any text.
  return { start, end, text: inserted };
}

function apply(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}

/** A readable account of the first difference, instead of a deep-equal dump of two large objects. */
function compare(actual: DocumentAnalysis, expected: DocumentAnalysis, where: string): void {
  assert.strictEqual(actual.text, expected.text, `${where}: text`);
  assert.deepStrictEqual(actual.lineStarts, expected.lineStarts, `${where}: line starts`);
  assert.deepStrictEqual(actual.markdown.directives, expected.markdown.directives, `${where}: directives`);
  assert.strictEqual(actual.markdown.blocks.length, expected.markdown.blocks.length, `${where}: number of blocks`);
  for (let b = 0; b < expected.blocks.length; b++) {
    assert.strictEqual(actual.markdown.blocks[b], actual.blocks[b].block, `${where}: block ${b} is shared by markdown and analysis`);
    // A block's words are packed with ids into its analysis's string table (which differs between a
    // re-read window and a full analysis): compare what they read as, the tokens.
    const { words: _a, ...actualBlock } = actual.blocks[b] as BlockAnalysis & { words?: unknown };
    const { words: _e, ...expectedBlock } = expected.blocks[b] as BlockAnalysis & { words?: unknown };
    assert.deepStrictEqual(actualBlock, expectedBlock, `${where}: block ${b}`);
    // Tokens are an accessor (made from the words when read): compare them explicitly.
    assert.deepStrictEqual(actual.blocks[b].tokens, expected.blocks[b].tokens, `${where}: tokens of block ${b}`);
  }
  assert.deepStrictEqual(actual.contexts, expected.contexts, `${where}: contexts`);
  assert.deepStrictEqual(actual.mentions, expected.mentions, `${where}: mentions`);
  assert.deepStrictEqual({ ...actual, blocks: undefined }, { ...expected, blocks: undefined }, `${where}: analysis`);
}

function run(engine: Engine, name: string, initial: string, seed: number, steps: number, options: { lintEvery?: number; rules?: Record<string, 'off' | 'warning' | 'error'> } = {}): { incremental: number } {
  const rng = new Rng(seed);
  let text = initial;
  let analysis = engine.analyze(text);
  let findings = engine.lint(analysis, { rules: options.rules });
  let reused = 0;
  for (let step = 0; step < steps; step++) {
    const change = randomEdit(rng, text);
    const next = apply(text, change);
    const where = `${name}, seed ${seed}, step ${step}, change ${JSON.stringify(change)}`;
    const updated = engine.update(analysis, next, change);
    const fresh = engine.analyze(next);
    compare(updated, fresh, where);
    if (updated.blocks.length > 0 && fresh.blocks.length > 0 && updated.blocks[updated.blocks.length - 1] !== fresh.blocks[fresh.blocks.length - 1]) reused++;
    if (step % (options.lintEvery ?? 1) === 0) {
      findings = engine.lint(updated, { rules: options.rules });
      assert.deepStrictEqual(findings, engine.lint(fresh, { rules: options.rules }), `${where}: findings`);
    }
    text = next;
    analysis = updated;
  }
  void findings;
  return { incremental: reused };
}

describe('incremental analysis', function () {
  this.timeout(120000);
  const engine = builtinEngine();

  it('equals a full analysis after every edit of random edit sequences (cross-check corpus)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const doc = generateDocument(seed);
      run(engine, `corpus document ${seed}`, doc, 1000 + seed, 60);
    }
  });

  it('equals a full analysis on the fixtures and the sample proposal, with lint every step or now and then', () => {
    const files = [fixture('memo.md'), fixture('rfp-answer.md'), fixture('crlf-emoji.md'), path.join(ROOT, 'samples', 'proposal.md'), path.join(ROOT, 'test', 'eval', 'dev', 'i-rfp-singapore-research-backoffice.md')];
    files.forEach((file, i) => {
      const text = fs.readFileSync(file, 'utf8');
      run(engine, path.basename(file), text, 7 + i, 200);
      run(engine, path.basename(file), text, 70 + i, 200, { lintEvery: 7 });
    });
  });

  it('re-checks with the rule settings of each lint (a changed setting is not served from the previous lint)', () => {
    const text = fs.readFileSync(path.join(ROOT, 'samples', 'proposal.md'), 'utf8');
    const off = Object.fromEntries(RULES.map((r) => [r.id, r.id === 'kpo-bpo/task-mismatch' ? ('off' as const) : ('error' as const)]));
    let analysis = engine.analyze(text);
    engine.lint(analysis);
    const change = { start: text.length, end: text.length, text: '\nOur KPO team does data entry.\n' };
    const next = text + change.text;
    analysis = engine.update(analysis, next, change);
    assert.deepStrictEqual(engine.lint(analysis, { rules: off }), engine.lint(engine.analyze(next), { rules: off }));
  });

  it('re-reads only a neighbourhood of the edit in a long document, and the rest is reused', () => {
    const section = fs.readFileSync(path.join(ROOT, 'samples', 'proposal.md'), 'utf8').replace(/^---[\s\S]*?---\n/, '');
    const text = Array.from({ length: 40 }, (_, i) => section.replace('# Proposal', `# Proposal ${i}`)).join('\n');
    const before = engine.analyze(text);
    engine.lint(before);
    const kept = before.blocks[before.blocks.length - 1];
    const at = text.indexOf('Our KPO desk will take over', text.length / 2);
    const change = { start: at, end: at + 3, text: 'The BPO' };
    const next = apply(text, change);
    const after = engine.update(before, next, change);
    assert.strictEqual(after.blocks[after.blocks.length - 1], kept, 'the blocks after the edit are the previous objects, moved');
    compare(after, engine.analyze(next), 'long document');
    assert.deepStrictEqual(engine.lint(after), engine.lint(engine.analyze(next)));
  });

  it('falls back to a full analysis when the edit changes what the whole document depends on', () => {
    const text = 'Intro with [KPO guide][g] link.\n\nA paragraph about BPO.\n\n# Heading\n\nMore text.\n';
    const cases: TextChange[] = [
      // A new reference definition changes how the first paragraph reads.
      { start: text.indexOf('More'), end: text.indexOf('More'), text: '[g]: https://example.com\n\n' },
      // An unclosed fence swallows everything after it.
      { start: text.indexOf('A paragraph'), end: text.indexOf('A paragraph'), text: '```\n' },
      // An unclosed comment too.
      { start: text.indexOf('A paragraph'), end: text.indexOf('A paragraph'), text: '<!--\n' },
    ];
    for (const change of cases) {
      const next = apply(text, change);
      const previous = engine.analyze(text);
      engine.lint(previous);
      const updated = engine.update(previous, next, change);
      compare(updated, engine.analyze(next), JSON.stringify(change));
      assert.deepStrictEqual(engine.lint(updated), engine.lint(engine.analyze(next)));
    }
  });

  it('re-checks the section under a heading that names a lot when the heading changes, or blocks are added above it', () => {
    const text = 'Knowledge Process Outsourcing (KPO) and Business Process Outsourcing (BPO).\n\n### Lot 2: Research services (KPO)\n\nLot 2 services are rule-based.\n\nLot 2 will also cover data entry.\n';
    const kpo = text.indexOf('(KPO)\n\nLot');
    const changes: TextChange[] = [
      // The heading now names the other side: the lot's findings go.
      { start: kpo + 1, end: kpo + 4, text: 'BPO' },
      // A new paragraph above the heading moves every block after it.
      { start: text.indexOf('### Lot'), end: text.indexOf('### Lot'), text: 'A new paragraph.\n\nAnother one.\n\n' },
      // The part's name in the heading changes: "Lot 2" under it no longer stands for a side.
      { start: text.indexOf('Lot 2:') + 4, end: text.indexOf('Lot 2:') + 5, text: '3' },
    ];
    for (const change of changes) {
      const previous = engine.analyze(text);
      const before = engine.lint(previous);
      assert.strictEqual(before.filter((f) => f.ruleId.startsWith('kpo-bpo/')).length, 2);
      const next = apply(text, change);
      const updated = engine.update(previous, next, change);
      compare(updated, engine.analyze(next), JSON.stringify(change));
      assert.deepStrictEqual(engine.lint(updated), engine.lint(engine.analyze(next)), JSON.stringify(change));
    }
  });

  it('rejects a change that does not describe the new text by analysing it in full', () => {
    const text = 'KPO does data entry.\n';
    const previous = engine.analyze(text);
    const wrong = engine.update(previous, 'BPO does market research.\n', { start: 0, end: 1, text: 'X' });
    compare(wrong, engine.analyze('BPO does market research.\n'), 'inconsistent change');
  });
});
