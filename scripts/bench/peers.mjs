// The tools people run today, on the same documents, in-process, medians after warm-up (the same
// method as engine.mjs):
//   textlint + textlint-rule-terminology: the closest peer, a term list checked in Markdown prose
//     (given the same names: every term, alias and acronym, and each variant to avoid → its term);
//   markdownlint: Markdown structure, all default rules (a different job, the linter most Markdown
//     writers already run);
//   cspell-lib: spelling, with the glossary's words added (a different job, the checker most VS Code
//     users already run).
// Each size is skipped when the previous one says it would take too long. Prints JSON lines.
//
//   node scripts/bench/peers.mjs PEER [--quick]     PEER: textlint | textlint-10k | markdownlint | cspell

import * as fs from 'fs';
import * as path from 'path';
import { SIZES, glossaryWords, terminologyTerms } from './corpus.mjs';
import { CORPUS, ROOT, emit, log, measure, require, round, summary } from './lib.mjs';

const quick = process.argv.includes('--quick');
const peer = process.argv.slice(2).find((a) => !a.startsWith('--'));
const doc = (key) => fs.readFileSync(path.join(CORPUS, `doc-${key}.md`), 'utf8');
/** A package's installed version (read from node_modules: some packages do not export their package.json). */
const version = (name) => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
/** A size is skipped when its estimated run (previous median × size ratio) exceeds this. */
const LIMIT_MS = quick ? 4000 : 20000;

async function setup() {
  if (peer === 'textlint' || peer === 'textlint-10k') {
    const { TextlintKernel } = require('@textlint/kernel');
    const markdown = require('@textlint/textlint-plugin-markdown');
    const terminology = require('textlint-rule-terminology');
    const kernel = new TextlintKernel();
    const terms = terminologyTerms(peer === 'textlint-10k');
    const options = {
      filePath: path.join(CORPUS, 'doc.md'),
      ext: '.md',
      plugins: [{ pluginId: 'markdown', plugin: markdown.default ?? markdown }],
      rules: [{ ruleId: 'terminology', rule: terminology.default ?? terminology, options: { defaultTerms: false, terms } }],
    };
    return {
      name: 'textlint + textlint-rule-terminology',
      versions: { textlint: version('textlint'), 'textlint-rule-terminology': version('textlint-rule-terminology') },
      terms: terms.length,
      run: async (text) => (await kernel.lintText(text, options)).messages.length,
    };
  }
  if (peer === 'markdownlint') {
    const { lint } = await import('markdownlint/sync');
    return { name: 'markdownlint', versions: { markdownlint: version('markdownlint') }, run: (text) => lint({ strings: { doc: text } }).doc.length };
  }
  if (peer === 'cspell') {
    const cspell = await import('cspell-lib');
    const words = glossaryWords(false);
    return {
      name: 'cspell-lib',
      versions: { 'cspell-lib': version('cspell-lib') },
      words: words.length,
      run: async (text) => {
        const result = await cspell.spellCheckDocument({ uri: pathToUri(path.join(CORPUS, 'doc.md')), text, languageId: 'markdown', locale: 'en' }, { generateSuggestions: false, noConfigSearch: true }, { words });
        return result.issues.length;
      },
    };
  }
  throw new Error(`unknown peer ${peer}: textlint, textlint-10k, markdownlint or cspell`);
}

function pathToUri(file) {
  return 'file://' + file.split(path.sep).map(encodeURIComponent).join('/');
}

const tool = await setup();
// The first run: loading the rules, dictionaries or term list, on the smallest document.
const t0 = performance.now();
await tool.run(doc('10k'));
const firstMs = round(performance.now() - t0, 1);
emit({ kind: 'peer-info', peer, name: tool.name, versions: tool.versions, terms: tool.terms, words: tool.words, firstRunMs: firstMs });

let previous;
for (const s of SIZES) {
  if (quick && s.key === '10m') continue;
  if (peer === 'textlint-10k' && quick && s.key !== '10k' && s.key !== '100k') continue;
  const text = doc(s.key);
  const estimate = previous ? previous.median * (s.bytes / previous.bytes) : 0;
  if (estimate > LIMIT_MS) {
    emit({ kind: 'peer', peer, size: s.key, skipped: true, estimateMs: round(estimate, 0) });
    previous = { median: estimate, bytes: s.bytes };
    continue;
  }
  log(`peers: ${peer}, ${s.name}`);
  // Slow runs are repeated less: one run past 8 s, three past 2 s.
  const slow = estimate > 8000;
  const big = s.key === '10m' || estimate > 2000;
  let issues = 0;
  const times = await measure(async () => (issues = await tool.run(text)), { warmup: slow ? 0 : big ? 1 : 3, runs: slow ? 1 : big ? 3 : quick ? 5 : 15, budgetMs: big ? 30000 : 10000 });
  const result = summary(times);
  emit({ kind: 'peer', peer, size: s.key, ...result, issues });
  previous = { median: result.median, bytes: s.bytes };
}
