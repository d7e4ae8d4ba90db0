// Scaling (issue 12, "nothing is quadratic"): each case builds its input at n, 2n and 4n, times it in
// this one process (warm-up, median of runs) and prints one JSON line with the growth per doubling.
// Linear work gives a ratio of about 2, quadratic work about 4; work done once per analysis and then
// looked up gives about 1. Speed is measured here, never asserted in tests (the tests check results
// and bounds; see test/unit/scaling-guards.test.ts).
//
//   node scripts/bench/scaling.mjs [--quick] [CASE ...]
//   CASE: directives directives-line code-action fix-all backticks completion fix-all-server
//
// Cases:
// - directives (H3): n `kpo-disable`/`kpo-enable` pairs, each around a paragraph, with a finding of
//   another rule between them; Engine.lint of the analysis (the directives are applied on every lint).
// - directives-line (H3): one line with n findings, each followed by `kpo-disable-line` of another rule.
// - code-action (H4): the bundled server over stdio; a code-action request over the whole document of
//   n paragraphs with every diagnostic in its context, as an editor sends for "select all, quick fix".
// - fix-all (H5): core fixAll (lint, choose the safe edits, apply, lint again) on n fixable findings.
// - backticks (H6): the Markdown scanner (parseMarkdown) on one paragraph made of runs of 1, 2, 3, …
//   backticks, none of which has a closer of its length.
// - completion (H7): a glossary of 20,000 acronyms, a document with n acronym mentions, Engine.complete
//   at the end (repeated on the same analysis, as typing asks again; `firstMs` is the first request).
// - fix-all-server (C1): source.fixAll over stdio on n fixable findings, up to about 125,000 (3.4 MB):
//   `edit` says whether the answer carried the edit.

import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { BUILTIN } from './corpus.mjs';
import { OUT, ROOT, core, emit, log, measure, median, require, round, startStdioServer, stopServer } from './lib.mjs';

const quick = process.argv.includes('--quick');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const wanted = (name) => only.length === 0 || only.includes(name);
const { Engine, loadGlossary, parseMarkdown } = core();
const { fixAll } = require(path.join(ROOT, 'out', 'server', 'src', 'core', 'apply-fixes.js'));
const builtin = { file: BUILTIN, text: fs.readFileSync(BUILTIN, 'utf8') };
const engine = new Engine(loadGlossary([builtin]).glossary);
const DIR = path.join(OUT, 'scaling');
fs.mkdirSync(DIR, { recursive: true });

/** Times `run(input)` for each size; prints and returns the result line. */
async function scaling(name, issue, sizes, build, run, { warmup = 2, runs = 7, budgetMs = 20000, extra } = {}) {
  const ms = [];
  const info = [];
  for (const n of sizes) {
    log(`scaling: ${name}, n = ${n}`);
    const input = await build(n);
    const times = await measure(() => run(input), { warmup, runs: quick ? Math.min(3, runs) : runs, budgetMs: quick ? budgetMs / 2 : budgetMs });
    ms.push(round(median(times), 2));
    if (extra) info.push(await extra(input));
    if (input.dispose) await input.dispose();
  }
  const ratios = ms.slice(1).map((t, i) => round(t / ms[i], 2));
  // Growth per doubling over the whole span (the geometric mean of the steps): sizes double each step.
  const ratio2x = round((ms[ms.length - 1] / ms[0]) ** (1 / (ms.length - 1)), 2);
  const result = { kind: 'scaling', case: name, issue, sizes, ms, ratio2x, ratios };
  if (info.length) result.info = info;
  emit(result);
  return result;
}

const repeat = (n, f) => {
  const parts = new Array(n);
  for (let i = 0; i < n; i++) parts[i] = f(i);
  return parts.join('');
};

// ---------------------------------------------------------------------------------------------
// The language server over stdio (the bundled dist/server.js), with pull diagnostics and
// documentChanges, as VS Code drives it.

async function startServer() {
  const { child, connection } = await startStdioServer({
    cwd: DIR,
    name: 'scaling',
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true } },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        diagnostic: { dynamicRegistration: false },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          isPreferredSupport: true,
          dataSupport: true,
          resolveSupport: { properties: ['edit'] },
        },
      },
    },
  });
  let version = 0;
  return {
    connection,
    async open(name, text) {
      const uri = pathToFileURL(path.join(DIR, name)).href;
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: ++version, text } });
      const report = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      return { uri, diagnostics: report.items ?? [] };
    },
    stop: () => stopServer(connection, child),
  };
}

const endOf = (text) => {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
};

// ---------------------------------------------------------------------------------------------
// The cases.

const TASK = 'Our KPO desk will take over customer support tickets.';
const VARIANT = 'Our Knowledge Processing Outsourcing unit reports weekly.';
const DEFINED = 'Knowledge Process Outsourcing (KPO) is our trade.\n\n';

if (wanted('directives')) {
  // Each pair silences the task-mismatch rule around one paragraph; the preferred-term finding after
  // it stays. Findings × pairs before issue 12.
  await scaling(
    'directives',
    'H3',
    [2000, 4000, 8000],
    (n) => {
      const text = DEFINED + repeat(n, () => `<!-- kpo-disable kpo-bpo/task-mismatch -->\n\n${TASK}\n\n<!-- kpo-enable kpo-bpo/task-mismatch -->\n\n${VARIANT}\n\n`);
      return { analysis: engine.analyze(text) };
    },
    ({ analysis }) => engine.lint(analysis),
    { extra: ({ analysis }) => ({ bytes: analysis.text.length, findings: engine.lint(analysis).length, directives: analysis.markdown.directives.length }) },
  );
}

if (wanted('directives-line')) {
  await scaling(
    'directives-line',
    'H3',
    [1000, 2000, 4000],
    (n) => {
      const text = DEFINED + repeat(n, () => 'the Knowledge Processing Outsourcing unit <!-- kpo-disable-line acronym/undefined --> and ') + 'more.\n';
      return { analysis: engine.analyze(text) };
    },
    ({ analysis }) => engine.lint(analysis),
    { extra: ({ analysis }) => ({ bytes: analysis.text.length, findings: engine.lint(analysis).length }) },
  );
}

if (wanted('code-action')) {
  await scaling(
    'code-action',
    'H4',
    [2500, 5000, 10000],
    async (n) => {
      const server = await startServer();
      const text = DEFINED + repeat(n, (i) => (i % 2 === 0 ? `${VARIANT}\n\n` : `${TASK}\n\n`));
      const { uri, diagnostics } = await server.open(`code-action-${n}.md`, text);
      const params = { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: endOf(text) }, context: { diagnostics } };
      return { server, params, diagnostics, dispose: () => server.stop() };
    },
    async ({ server, params }) => server.connection.sendRequest('textDocument/codeAction', params),
    {
      runs: 5,
      extra: async ({ server, params, diagnostics }) => {
        const actions = (await server.connection.sendRequest('textDocument/codeAction', params)) ?? [];
        return { diagnostics: diagnostics.length, actions: actions.length, replyBytes: JSON.stringify(actions).length };
      },
    },
  );
}

if (wanted('fix-all')) {
  await scaling(
    'fix-all',
    'H5',
    [20000, 40000, 80000],
    (n) => ({ text: repeat(n / 2, () => 'We use Knowledge Processing Outsourcing and Knowledge Processes Outsourcing daily.\n\n') }),
    ({ text }) => fixAll(text, (t) => engine.lint(engine.analyze(t))),
    { runs: 5, extra: ({ text }) => ({ bytes: text.length, applied: fixAll(text, (t) => engine.lint(engine.analyze(t))).applied }) },
  );
}

if (wanted('backticks')) {
  // Runs of 1, 2, …, k backticks separated by a word: no run has a closer of its length.
  const paragraph = (bytes) => {
    let out = 'Intro ';
    for (let k = 1; out.length < bytes; k++) out += '`'.repeat(k) + ' word ';
    return out + '\n';
  };
  await scaling(
    'backticks',
    'H6',
    [512 * 1024, 1024 * 1024, 2048 * 1024],
    (bytes) => ({ text: paragraph(bytes) }),
    ({ text }) => parseMarkdown(text),
    { warmup: 3, runs: 9 },
  );
}

if (wanted('completion')) {
  // A glossary of 20,000 acronyms (QZAAA, QZAAB, …); the document mentions n of them (five a
  // paragraph), defining none; the cursor is after "QZA" at its end (676 candidates). Repeated on the
  // same analysis, as typing asks again: what is known about the document is found once per analysis.
  const acronym = (i) => {
    let s = '';
    for (let k = 0; k < 3; k++) {
      s = String.fromCharCode(65 + (i % 26)) + s;
      i = Math.floor(i / 26);
    }
    return 'QZ' + s;
  };
  const count = 20000;
  const entries = repeat(count, (i) => `  - id: a${i}\n    term: Quality item ${i}\n    acronym: ${acronym(i)}\n    category: concept\n    definition: Item ${i}.\n`);
  const e = new Engine(loadGlossary([builtin, { file: 'acronyms.glossary.yaml', text: `version: 1\nterms:\n${entries}` }]).glossary);
  await scaling(
    'completion',
    'H7',
    [25000, 50000, 100000],
    (n) => {
      const at = (i) => acronym((i * 7919) % count);
      const text = repeat(n / 5, (i) => `We track ${at(5 * i)} and ${at(5 * i + 1)}, ${at(5 * i + 2)}, ${at(5 * i + 3)} and ${at(5 * i + 4)} weekly.\n\n`) + 'Next the QZA';
      const analysis = e.analyze(text);
      const t0 = performance.now();
      e.complete(analysis, text.length);
      return { analysis, offset: text.length, firstMs: performance.now() - t0 };
    },
    ({ analysis, offset }) => e.complete(analysis, offset),
    { warmup: 10, runs: 30, extra: ({ analysis, offset, firstMs }) => ({ acronyms: count, mentions: analysis.mentions.length, candidates: e.complete(analysis, offset).length, firstMs: round(firstMs, 2) }) },
  );
}

if (wanted('fix-all-server')) {
  const sizes = [31250, 62500, 125000];
  await scaling(
    'fix-all-server',
    'C1',
    sizes,
    async (n) => {
      const server = await startServer();
      const text = repeat(n / 2, () => 'Knowledge Processing Outsourcing and Knowledge Processes Outsourcing.\n');
      const { uri } = await server.open(`fix-all-${n}.md`, text);
      const params = { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } };
      return { server, params, bytes: text.length, dispose: () => server.stop() };
    },
    async ({ server, params }) => server.connection.sendRequest('textDocument/codeAction', params),
    {
      runs: 3,
      extra: async ({ server, params, bytes }) => {
        const actions = (await server.connection.sendRequest('textDocument/codeAction', params)) ?? [];
        return { bytes, actions: actions.length, edit: actions.some((a) => a.edit !== undefined) };
      },
    },
  );
}
