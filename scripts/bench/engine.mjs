// In-process benchmarks of the engine: full analysis by size and glossary, glossary loading and
// indexing, one keystroke (incremental re-analysis and lint), hover and completion, and the heap an
// analysis holds. run.mjs runs each task in a process of its own (so that one task's heap does not
// slow the next one's garbage collection) and reads the JSON lines it prints.
//
//   node --expose-gc scripts/bench/engine.mjs TASK [--quick]
//   TASK: glossary | full:SIZE:GLOSSARY | keystroke:SIZE | hover | heap   (SIZE: 10k 100k 1m 10m; GLOSSARY: builtin synthetic)

import * as fs from 'fs';
import * as path from 'path';
import { BUILTIN, SIZES } from './corpus.mjs';
import { CORPUS, SYNTHETIC, core, emit, log, measure, random, require, round, summary } from './lib.mjs';

const quick = process.argv.includes('--quick');
const [task, taskSize, taskGlossary] = (process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '').split(':');
const { Engine, loadGlossary, parseMarkdown } = core();
const { TextDocument } = require('vscode-languageserver-textdocument');

const source = (file) => ({ file, text: fs.readFileSync(file, 'utf8') });
const doc = (key) => fs.readFileSync(path.join(CORPUS, `doc-${key}.md`), 'utf8');
const syntheticFile = SYNTHETIC;
const engineFor = (glossary) => new Engine(loadGlossary(glossary === 'synthetic' ? [source(BUILTIN), source(syntheticFile)] : [source(BUILTIN)]).glossary);

// ---------------------------------------------------------------------------------------------
// Glossaries: loading (YAML → entries) and indexing (entries → tries), built-in and built-in + 10,000.
if (task === 'glossary') {
log('engine: glossaries');
const builtinLoad = summary(await measure(() => loadGlossary([source(BUILTIN)]), { warmup: 2, runs: quick ? 5 : 15 }));
const syntheticLoad = summary(await measure(() => loadGlossary([source(BUILTIN), source(syntheticFile)]), { warmup: 1, runs: quick ? 2 : 5, budgetMs: 15000 }));
const builtinGlossary = loadGlossary([source(BUILTIN)]).glossary;
const syntheticLoaded = loadGlossary([source(BUILTIN), source(syntheticFile)]);
const syntheticGlossary = syntheticLoaded.glossary;
const builtinIndex = summary(await measure(() => new Engine(builtinGlossary), { warmup: 3, runs: quick ? 10 : 30 }));
const syntheticIndex = summary(await measure(() => new Engine(syntheticGlossary), { warmup: 2, runs: quick ? 5 : 15, gc: true }));
emit({
  kind: 'glossary',
  builtin: { entries: builtinGlossary.entries.length, load: builtinLoad, index: builtinIndex },
  synthetic: { entries: syntheticGlossary.entries.length, problems: syntheticLoaded.problems.length, load: syntheticLoad, index: syntheticIndex },
});
}

// ---------------------------------------------------------------------------------------------
// Full analysis: Markdown, tokens, matching, units, contexts, and every rule.
if (task === 'full') {
  const s = SIZES.find((x) => x.key === taskSize);
  const glossary = taskGlossary ?? 'builtin';
  const engine = engineFor(glossary);
  const text = doc(s.key);
  const big = s.key === '10m';
  const options = { warmup: big ? 2 : 5, runs: big ? (quick ? 3 : 7) : quick ? 10 : 30, budgetMs: big ? 30000 : 8000 };
  log(`engine: full analysis, ${s.name}, ${glossary} glossary`);
  const full = summary(await measure(() => engine.lint(engine.analyze(text)), options));
  const analysis = engine.analyze(text);
  const findings = engine.lint(analysis);
  const result = { kind: 'full', size: s.key, bytes: Buffer.byteLength(text), chars: text.length, glossary, full, findings: findings.length, blocks: analysis.blocks.length, mentions: analysis.mentions.length };
  if (glossary === 'builtin') {
    result.parse = summary(await measure(() => parseMarkdown(text), options));
    result.analyze = summary(await measure(() => engine.analyze(text), options));
    result.lint = summary(await measure(() => engine.lint(analysis), options));
    result.tokens = analysis.blocks.reduce((n, b) => n + b.tokens.length, 0);
  }
  emit(result);
}

// ---------------------------------------------------------------------------------------------
// One keystroke: the server's path. The text document applies the LSP change (as
// vscode-languageserver-textdocument does in the server), then Engine.update re-analyses around it
// and Engine.lint re-checks what changed. Typing alternates inserting a letter at a random place in
// prose and deleting it again, so the document keeps its size.
if (task === 'keystroke') {
  const key = taskSize;
  log(`engine: keystrokes, ${key}`);
  const engine = engineFor('builtin');
  const document = TextDocument.create('file:///bench.md', 'markdown', 1, doc(key));
  let analysis = engine.analyze(document.getText());
  engine.lint(analysis);
  const rnd = random(11);
  const count = key === '10m' ? (quick ? 50 : 200) : quick ? 200 : 1000;
  const total = [];
  const update = [];
  const lint = [];
  let pending;
  for (let i = 0; i < count + 20; i++) {
    let change;
    if (pending !== undefined) {
      change = { start: pending, end: pending + 1, text: '' };
      pending = undefined;
    } else {
      const blocks = analysis.blocks;
      const block = blocks[Math.floor(rnd() * blocks.length)].block;
      const segment = block.segments[Math.floor(rnd() * block.segments.length)];
      const at = segment.start + Math.floor(rnd() * (segment.end - segment.start + 1));
      change = { start: at, end: at, text: 'e' };
      pending = at;
    }
    TextDocument.update(document, [{ range: { start: document.positionAt(change.start), end: document.positionAt(change.end) }, text: change.text }], document.version + 1);
    const text = document.getText();
    const t0 = performance.now();
    const updated = engine.update(analysis, text, change);
    const t1 = performance.now();
    engine.lint(updated);
    const t2 = performance.now();
    analysis = updated;
    if (i < 20) continue; // warm-up
    update.push(t1 - t0);
    lint.push(t2 - t1);
    total.push(t2 - t0);
  }
  emit({ kind: 'keystroke', size: key, total: summary(total), update: summary(update), lint: summary(lint) });
}

// ---------------------------------------------------------------------------------------------
// Hover and completion on the 1 MB document, in-process.
if (task === 'hover') {
  log('engine: hover and completion');
  const engine = engineFor('builtin');
  const text = doc('1m');
  const analysis = engine.analyze(text);
  const findings = engine.lint(analysis);
  const rnd = random(5);
  const n = quick ? 2000 : 10000;
  const hoverAt = [];
  const completeAt = [];
  for (let i = 0; i < n; i++) {
    const m = analysis.mentions[Math.floor(rnd() * analysis.mentions.length)];
    // Half on a name, half anywhere in prose (mostly plain words: no entry).
    if (i % 2 === 0) hoverAt.push(m.start + Math.floor(rnd() * (m.end - m.start)));
    else {
      const b = analysis.blocks[Math.floor(rnd() * analysis.blocks.length)];
      const t = b.tokens[Math.floor(rnd() * b.tokens.length)];
      hoverAt.push(t ? t.start : b.block.start);
    }
    // Completion after the first letters of a name, or after a plain word.
    if (i % 2 === 0) completeAt.push(Math.min(m.end, m.start + 2 + Math.floor(rnd() * 4)));
    else {
      const b = analysis.blocks[Math.floor(rnd() * analysis.blocks.length)];
      const t = b.tokens[Math.floor(rnd() * b.tokens.length)];
      completeAt.push(t ? t.end : b.block.start);
    }
  }
  const time = (list, fn) => {
    for (let i = 0; i < Math.min(500, list.length); i++) fn(list[i]); // warm-up
    return list.map((offset) => {
      const t0 = performance.now();
      fn(offset);
      return performance.now() - t0;
    });
  };
  let found = 0;
  const hover = time(hoverAt, (o) => (found += engine.entryAt(analysis, o, findings) ? 1 : 0));
  let offered = 0;
  const completion = time(completeAt, (o) => (offered += engine.complete(analysis, o).length > 0 ? 1 : 0));
  emit({ kind: 'hover', size: '1m', ...summary(hover), answered: round(found / hover.length / 2, 2) });
  emit({ kind: 'completion', size: '1m', ...summary(completion), answered: round(offered / completion.length / 2, 2) });
}

// ---------------------------------------------------------------------------------------------
// What an analysis of the 10 MB document and its findings hold on the heap.
if (task === 'heap' && global.gc) {
  log('engine: heap of a 10 MB analysis');
  const engine = engineFor('builtin');
  const text = doc('10m');
  // The packed words are an ArrayBuffer outside the JavaScript heap: count both.
  const held = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  global.gc();
  const before = held();
  const analysis = engine.analyze(text);
  const findings = engine.lint(analysis);
  global.gc();
  const after = held();
  const words = analysis.blocks.reduce((n, b) => n + b.words.length, 0);
  emit({
    kind: 'heap', size: '10m', analysisMB: round((after - before) / 1048576, 1), textMB: round((text.length * (/[^\u0000-\u00ff]/.test(text) ? 2 : 1)) / 1048576, 1),
    findings: findings.length, mentions: analysis.mentions.length, words, bytesPerWord: round((after - before) / words, 1), packedBytesPerWord: 24,
  });
}
