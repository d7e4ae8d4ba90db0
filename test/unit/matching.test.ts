// Term matching through the whole engine: each case marks the glossary mentions expected in a text,
// [[like this]], so what is and is not matched reads at a glance.

import * as assert from 'assert';
import { builtinEngine, markFindings, parseMarked } from './helpers/engine';
import { loadGlossary } from '../../server/src/core/glossary/load';
import { Engine } from '../../server/src/core/engine';

const CASES: string[] = [
  'We offer [[market research]] and [[financial analysis]].',
  '[[Market Research]] in title case, [[MARKET RESEARCH]] in capitals.',
  'Plurals: [[simulation studies]], [[data analyses]], [[call centres]], [[KPOs]].',
  "Possessives: the [[KPO]]'s scope, the [[BPO]]\u2019s scope, [[data entry]]'s cost.",
  'Hyphen or space: [[data-entry]], [[e-learning solutions]], [[e learning solutions]].',
  'British and American: [[financial modelling]] and [[financial modeling]].',
  'Longest match wins: [[call center operations]] is one match, [[call center]] another.',
  'Acronyms are case-sensitive: [[KPO]] but not kpo or Kpo.',
  'Acronyms need word boundaries: KPOX, XKPO, KPO2 are not [[KPO]].',
  'Across a line break: [[market\nresearch]].',
  'Emoji before: 🎉🎉 [[market research]] 🚀 [[data entry]].',
  'CJK before: 知识流程外包 [[market research]]。',
  'Not across punctuation: market, research; data. entry.',
  'Not inside words: remarket researcher, metadata entryway.',
  '`market research` in code is not matched, [[market research]] in prose is.',
  'Link text [[market research]](https://example.com/data-entry) but not the URL.',
];

describe('term matching', () => {
  const engine = builtinEngine();
  for (const marked of CASES) {
    it(JSON.stringify(marked), () => {
      const { text } = parseMarked(marked);
      const analysis = engine.analyze(text);
      assert.strictEqual(markFindings(text, analysis.mentions), marked);
    });
  }

  it('works with CRLF line ends, reporting offsets in the original text', () => {
    const text = 'Intro line\r\n\r\nOur KPO desk will take over customer support tickets.\r\n';
    const findings = builtinEngine().lint(builtinEngine().analyze(text));
    const mismatch = findings.find((f) => f.ruleId === 'kpo-bpo/task-mismatch')!;
    assert.strictEqual(text.slice(mismatch.start, mismatch.end), 'customer support');
  });

  it('puts UTF-16 offsets on code-unit boundaries around astral characters', () => {
    const text = '𝒳😀 KPO 😀 data entry';
    const analysis = builtinEngine().analyze(text);
    for (const m of analysis.mentions) {
      assert.strictEqual(text.slice(m.start, m.end), m.start === 5 ? 'KPO' : 'data entry');
    }
    assert.strictEqual(analysis.mentions.length, 2);
  });

  it('matching costs do not depend on how many terms the glossary has', () => {
    // Not a timing test: the trie is walked once per word, so a lookup touches at most as many
    // nodes as the longest name has words. A 10,000-term glossary still finds the same mentions.
    const lines = ['terms:'];
    for (let i = 0; i < 10000; i++) lines.push(`  - term: synthetic term number ${i}\n    category: concept\n    definition: d`);
    const big = loadGlossary([{ file: 'big.yaml', text: lines.join('\n') }]);
    assert.deepStrictEqual(big.problems, []);
    const engine = new Engine(big.glossary);
    const analysis = engine.analyze('We use synthetic term number 9999 and synthetic term number 12.');
    assert.deepStrictEqual(analysis.mentions.map((m) => m.ref.entry.term), ['synthetic term number 9999', 'synthetic term number 12']);
  });
});

describe('hover and completion lookups', () => {
  const engine = builtinEngine();

  it('finds the entry under the cursor, including at the end of the word', () => {
    const text = 'Our market research team.';
    const analysis = engine.analyze(text);
    assert.strictEqual(engine.entryAt(analysis, 6)?.entry.id, 'market-research');
    assert.strictEqual(engine.entryAt(analysis, 19)?.entry.id, 'market-research');
    assert.strictEqual(engine.entryAt(analysis, 22), undefined);
  });

  it('finds nothing in code or URLs', () => {
    const text = '`market research` https://example.com/market-research';
    const analysis = engine.analyze(text);
    assert.strictEqual(engine.entryAt(analysis, 3), undefined);
    assert.strictEqual(engine.entryAt(analysis, 40), undefined);
  });

  it('completes a service name from a multi-word prefix, keeping the typed capitalisation', () => {
    const text = 'We deliver Financial mo';
    const items = engine.complete(engine.analyze(text), text.length);
    const first = items[0];
    assert.strictEqual(first.entry.id, 'financial-modeling');
    assert.strictEqual(first.insertText, 'Financial modeling');
    assert.strictEqual(text.slice(first.start, first.end), 'Financial mo');
  });

  it('offers one item per entry: the term when it matches, else the alias typed', () => {
    const both = 'Our financial mo';
    assert.deepStrictEqual(engine.complete(engine.analyze(both), both.length).map((c) => c.label), ['financial modeling']);
    const alias = 'Our financial modell';
    assert.deepStrictEqual(engine.complete(engine.analyze(alias), alias.length).map((c) => c.label), ['financial modelling']);
  });

  it('keeps the capitals of a proper term, and capitals typed', () => {
    const lower = 'Our knowledge pro';
    assert.strictEqual(engine.complete(engine.analyze(lower), lower.length)[0].insertText, 'Knowledge Process Outsourcing');
    const caps = 'Our MARKET RES';
    assert.strictEqual(engine.complete(engine.analyze(caps), caps.length)[0].insertText, 'MARKET RESEARCH');
  });

  it('offers the defining form of an acronym at its first use only', () => {
    const fresh = 'Our KP';
    assert.strictEqual(engine.complete(engine.analyze(fresh), fresh.length).find((c) => c.label === 'KPO')?.insertText, 'Knowledge Process Outsourcing (KPO)');
    const later = 'Knowledge Process Outsourcing (KPO) helps. Our KP';
    assert.strictEqual(engine.complete(engine.analyze(later), later.length).find((c) => c.label === 'KPO')?.insertText, 'KPO');
  });

  it('offers one item per entry, in the spelling the document uses (British or American)', () => {
    const us = 'We standardized the models. Our financial mo';
    assert.deepStrictEqual(engine.complete(engine.analyze(us), us.length).filter((c) => c.entry.id === 'financial-modeling').map((c) => c.insertText), ['financial modeling']);
    const uk = 'We standardised the modelling. Our financial mo';
    assert.deepStrictEqual(engine.complete(engine.analyze(uk), uk.length).filter((c) => c.entry.id === 'financial-modeling').map((c) => c.insertText), ['financial modelling']);
    const centre = 'Our organisation has one centre. Call cen';
    assert.deepStrictEqual(engine.complete(engine.analyze(centre), centre.length).filter((c) => c.entry.id === 'call-center-operations').map((c) => c.insertText), ['Call centre']);
  });

  it('offers nothing for ordinary typing: common words, short words, words that start no name, a whole name typed', () => {
    for (const text of ['Benchmarks against the main peers', 'Weekly call with the', 'We pe', 'Our team', 'We offer market research', 'Scope: data entry', 'Our KPO']) {
      assert.deepStrictEqual(engine.complete(engine.analyze(text), text.length).map((c) => c.label), [], text);
    }
  });

  it('offers the acronym once the document has defined it', () => {
    const text = 'Knowledge Process Outsourcing (KPO) helps. More knowledge pro';
    const [first] = engine.complete(engine.analyze(text), text.length);
    assert.strictEqual(first.entry.id, 'kpo');
    assert.strictEqual(first.insertText, 'KPO');
  });

  it('offers nothing for a common word or a word too short to be a term’s start', () => {
    for (const text of ['Weekly call with the', 'We work on', 'Benchmarks against the main pe', 'Benchmarks against the main peers']) {
      assert.deepStrictEqual(engine.complete(engine.analyze(text), text.length).map((c) => c.label), [], text);
    }
  });

  it('completes nothing in code', () => {
    const text = 'Run `market re` now';
    assert.deepStrictEqual(engine.complete(engine.analyze(text), text.indexOf('` now')), []);
  });

  it('ranks the writer\'s industry first among equal matches', () => {
    const text = 'We offer ris';
    const plain = engine.complete(engine.analyze(text), text.length).map((c) => c.entry.id);
    const legal = engine.complete(engine.analyze(text), text.length, { industries: ['finance'] }).map((c) => c.entry.id);
    assert.ok(plain.includes('risk-management'));
    assert.ok(legal.indexOf('risk-management') <= plain.indexOf('risk-management'));
  });
});
