// Issue 12, "nothing is quadratic": the guards that can fail without timing anything. Each case
// counts the work a path does (reads of the objects it is given, characters searched) on an input
// where the quadratic version did n² of it, or checks a result that used to be lost (a stack overflow,
// an unbounded reply). How fast each path grows is measured by scripts/bench/scaling.mjs.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { chooseSafeEdits, fixAll } from '../../server/src/core/apply-fixes';
import type { DocumentAnalysis } from '../../server/src/core/analysis';
import { Engine } from '../../server/src/core/engine';
import { loadGlossary } from '../../server/src/core/glossary/load';
import { parseMarkdownStrict } from '../../server/src/core/markdown';
import type { Finding, Severity, TextEdit } from '../../server/src/core/types';
import { FIX_ALL_KIND, MAX_ACTIONS, codeActions, resolveCodeAction } from '../../server/src/lsp/code-actions';
import { readCapabilities, type ServerContext, type Snapshot } from '../../server/src/lsp/context';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { DEFAULT_SETTINGS } from '../../server/src/shared/settings';
import { builtinEngine, builtinSource } from './helpers/engine';

const TASK = 'Our KPO desk will take over customer support tickets.';
const VARIANT = 'Our Knowledge Processing Outsourcing unit reports weekly.';
const DEFINED = 'Knowledge Process Outsourcing (KPO) is our trade.\n\n';

const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');

/** An array whose element and length reads are counted (`reads.n`). */
function counted<T>(items: T[], reads: { n: number }): T[] {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string') reads.n++;
      return Reflect.get(target, key, receiver);
    },
  });
}

/** An object whose property reads are counted. */
function countedObject<T extends object>(item: T, reads: { n: number }): T {
  return new Proxy(item, {
    get(target, key, receiver) {
      reads.n++;
      return Reflect.get(target, key, receiver);
    },
  });
}

/** A server context around one document, as the language server's handlers see it. */
function serverFor(engine: Engine, text: string, options: { resolve?: boolean; documentChanges?: boolean; wrap?: (findings: Finding[]) => Finding[] } = {}) {
  const document = TextDocument.create('file:///doc.md', 'markdown', 7, text);
  const analysis = engine.analyze(text);
  const linted = engine.lint(analysis);
  const findings = options.wrap ? options.wrap(linted) : linted;
  const snapshot = { document, settings: DEFAULT_SETTINGS, glossary: undefined, engine, analysis, findings: () => findings } as unknown as Snapshot;
  const capabilities = readCapabilities({
    workspace: { workspaceEdit: { documentChanges: options.documentChanges !== false } },
    textDocument: { codeAction: options.resolve ? { dataSupport: true, resolveSupport: { properties: ['edit'] } } : {} },
  });
  const ctx = { capabilities, glossaryCommands: false, snapshot: async () => snapshot } as unknown as ServerContext;
  return { ctx, document, analysis, findings: linted };
}

const wholeDocument = (text: string): CodeActionParams['range'] => {
  const lines = text.split('\n');
  return { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(file));
    else if (entry.name.endsWith('.ts')) out.push(file);
  }
  return out;
}

/**
 * The spreads into a call on one line of TypeScript: `...x` whose innermost open bracket is the `(` of
 * a call (not an array or object literal), other than a rest parameter's declaration (`...x: T`) or
 * passing a function's own rest arguments on (`...rest`, `...args`). Comments are left out.
 */
function spreadCalls(line: string): string[] {
  const code = line.replace(/\/\/.*$/, '');
  const calls: string[] = [];
  for (let at = code.indexOf('...'); at >= 0; at = code.indexOf('...', at + 3)) {
    const name = /^\.\.\.([\w$.]+)(\s*:)?/.exec(code.slice(at));
    if (!name || name[2] || name[1] === 'rest' || name[1] === 'args') continue;
    let depth = 0;
    let opener = -1;
    for (let k = at - 1; k >= 0; k--) {
      const c = code[k];
      if (c === ')' || c === ']' || c === '}') depth++;
      else if (c === '(' || c === '[' || c === '{') {
        if (depth === 0) {
          opener = k;
          break;
        }
        depth--;
      }
    }
    if (opener >= 0 && code[opener] === '(' && /[\w$)\]]\s*$/.test(code.slice(0, opener))) calls.push(code.trim());
  }
  return calls;
}

describe('scaling guards (issue 12)', () => {
  // C1: a spread of an unbounded array into a call (Math.max(...xs), list.push(...xs), f(...xs)) overflows
  // the stack at some hundred thousand items. None in the engine, the server, the CLI or the shared code.
  it('spreads no array into a call anywhere in server/src (C1)', () => {
    const root = path.join(__dirname, '..', '..', '..', 'server', 'src');
    const found: string[] = [];
    for (const dir of ['core', 'lsp', 'shared', 'cli', 'node']) {
      for (const file of sourceFiles(path.join(root, dir))) {
        const lines = fs.readFileSync(file, 'utf8').split('\n');
        lines.forEach((line, i) => {
          for (const call of spreadCalls(line)) found.push(`${path.relative(root, file)}:${i + 1}: ${call}`);
        });
      }
    }
    assert.deepStrictEqual(found, []);
  });

  // H3: directives applied in one sweep, not findings × disable/enable pairs.
  it('applies kpo-disable/kpo-enable regions in one sweep (H3)', () => {
    const engine = builtinEngine();
    const n = 400;
    const text = DEFINED + repeat(n, () => `<!-- kpo-disable kpo-bpo/task-mismatch -->\n\n${TASK}\n\n<!-- kpo-enable kpo-bpo/task-mismatch -->\n\n${VARIANT}\n\n${TASK}\n\n`);
    const analysis = engine.analyze(text);
    const reads = { n: 0 };
    for (const d of analysis.markdown.directives) d.rules = counted(d.rules, reads);
    const findings = engine.lint(analysis);
    // Every finding outside the regions stays, every one inside goes.
    assert.strictEqual(findings.filter((f) => f.ruleId === 'term/preferred').length, n);
    assert.strictEqual(findings.filter((f) => f.ruleId === 'kpo-bpo/task-mismatch').length, n);
    // The rule lists of the directives are read a few times each, not once per finding after them.
    const directives = analysis.markdown.directives.length;
    assert.ok(reads.n <= 10 * directives, `${reads.n} reads of the rule lists of ${directives} directives`);
  });

  it('applies many kpo-disable-line comments on one line in one pass (H3)', () => {
    const engine = builtinEngine();
    const n = 300;
    const text = DEFINED + repeat(n, () => 'the Knowledge Processing Outsourcing unit <!-- kpo-disable-line acronym/undefined --> and ') + 'more.\n';
    const analysis = engine.analyze(text);
    const reads = { n: 0 };
    for (const d of analysis.markdown.directives) d.rules = counted(d.rules, reads);
    const findings = engine.lint(analysis);
    assert.strictEqual(findings.filter((f) => f.ruleId === 'term/preferred').length, n, 'another rule on the line stays');
    const directives = analysis.markdown.directives.length;
    assert.ok(reads.n <= 10 * directives, `${reads.n} reads of the rule lists of ${directives} directives`);
  });

  it('keeps the directive semantics: the later of "all rules" and "this rule" wins, lines silence their rules', () => {
    const engine = builtinEngine();
    const lint = (md: string) => engine.lint(engine.analyze(DEFINED + md)).map((f) => f.ruleId);
    assert.deepStrictEqual(lint(`<!-- kpo-disable -->\n<!-- kpo-enable term/preferred -->\n\n${VARIANT} ${TASK}\n`), ['term/preferred']);
    assert.deepStrictEqual(lint(`<!-- kpo-disable term/preferred -->\n<!-- kpo-enable -->\n\n${VARIANT} ${TASK}\n`), ['term/preferred', 'kpo-bpo/task-mismatch']);
    assert.deepStrictEqual(lint(`<!-- kpo-disable term/preferred -->\n\n${VARIANT}\n\n<!-- kpo-enable term/preferred -->\n\n${VARIANT}\n`), ['term/preferred']);
    assert.deepStrictEqual(lint(`${VARIANT} ${TASK} <!-- kpo-disable-line term/preferred -->\n`), ['kpo-bpo/task-mismatch']);
    assert.deepStrictEqual(lint(`<!-- kpo-disable-next-line -->\n${VARIANT} ${TASK}\n\n${VARIANT}\n`), ['term/preferred']);
  });

  // H6: code spans found with a linear search for closers.
  it('searches for code span closers in linear time: runs of 1, 2, 3, … backticks (H6)', () => {
    let md = 'Intro ';
    for (let k = 1; k <= 400; k++) md += '`'.repeat(k) + ' word ';
    md += '`'.repeat(401) + ' closed ' + '`'.repeat(401) + ' end';
    const searched = { n: 0 };
    const indexOf = String.prototype.indexOf;
    String.prototype.indexOf = function (this: string, search: string, position?: number) {
      const from = Math.max(0, position ?? 0);
      const found = indexOf.call(this, search, position);
      if (search === '`') searched.n += (found < 0 ? this.length : found) - from;
      return found;
    } as typeof String.prototype.indexOf;
    let parsed: ReturnType<typeof parseMarkdownStrict>;
    try {
      parsed = parseMarkdownStrict(md);
    } finally {
      String.prototype.indexOf = indexOf;
    }
    // Characters searched for backticks: a few times the text, not once per run length (400 × the text).
    assert.ok(searched.n <= 4 * md.length, `${searched.n} characters searched in a text of ${md.length}`);
    // The one matched pair is code; every unmatched run stays prose.
    const prose = parsed.blocks[0].segments.map((s) => md.slice(s.start, s.end));
    assert.strictEqual(prose.length, 2);
    assert.ok(prose[0].startsWith('Intro ` word `` word ``` word'));
    assert.ok(prose[0].endsWith('`'.repeat(400) + ' word'));
    assert.strictEqual(prose[1], 'end');
  });

  // H5: the safe edits chosen with O(log n) work each.
  it('chooses the safe edits of 20,000 findings with a bounded number of reads per edit (H5)', () => {
    const n = 20000;
    const reads = { n: 0 };
    const findings: Finding[] = [];
    const severities: Severity[] = ['info', 'warning', 'error'];
    for (let i = 0; i < n; i++) {
      // Three severities interleaved, so that later edits land between earlier ones; every tenth
      // overlaps its neighbour and is skipped.
      const start = i * 10 + (i % 10 === 9 ? -12 : 0);
      const edit: TextEdit = countedObject({ start, end: start + 4, newText: 'x' }, reads);
      findings.push({ ruleId: 'term/preferred', severity: severities[i % 3], start, end: start + 4, message: '', fixes: [{ title: 'fix', edits: [edit], safe: true }] } as Finding);
    }
    const { edits, applied } = chooseSafeEdits(findings);
    assert.strictEqual(applied, n - n / 10);
    for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].end <= edits[i].start, 'sorted and apart');
    assert.ok(reads.n <= 100 * n, `${reads.n} reads of ${n} edits`);
  });

  // C1: no spread of an unbounded array into a call anywhere on the fix-all path.
  it('fixes 125,000 fixable findings with one fix-all edit over LSP (C1)', async function () {
    this.timeout(120000);
    const engine = builtinEngine();
    const text = repeat(62500, () => 'Knowledge Processing Outsourcing and Knowledge Processes Outsourcing.\n');
    const { ctx, findings } = serverFor(engine, text);
    assert.strictEqual(findings.length, 125000);
    const actions = await codeActions(ctx, { textDocument: { uri: 'file:///doc.md' }, range: wholeDocument(text), context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepStrictEqual(actions.map((a) => a.kind), [FIX_ALL_KIND]);
    const change = actions[0].edit!.documentChanges![0] as { textDocument: { version: number }; edits: Array<{ newText: string }> };
    assert.strictEqual(change.textDocument.version, 7);
    assert.strictEqual(change.edits.length, 1);
    assert.ok(!change.edits[0].newText.includes('Processing'));
  });

  // H4: a request over the whole document: linear, and a bounded reply.
  it('answers a code action request over the whole document with at most MAX_ACTIONS actions, fix-all of each rule first among equals (H4)', async () => {
    const engine = builtinEngine();
    const n = 2000;
    const text = DEFINED + repeat(n, (i) => (i % 2 === 0 ? `${VARIANT}\n\n` : `${TASK}\n\n`));
    const reads = { n: 0 };
    const { ctx, document, analysis, findings } = serverFor(engine, text, { wrap: (fs) => fs.map((f) => countedObject(f, reads)) });
    assert.strictEqual(findings.length, n);
    const diagnostics: Diagnostic[] = findings.map((f) => toDiagnostic(f, analysis, document.version));
    reads.n = 0;
    const actions = await codeActions(ctx, { textDocument: { uri: document.uri }, range: wholeDocument(text), context: { diagnostics } });
    assert.ok(actions.length <= MAX_ACTIONS, `${actions.length} actions`);
    assert.ok(actions.some((a) => a.title === 'Fix all term/preferred problems in this document'));
    // The fixes of the first findings come first, in document order.
    const first = actions[0];
    assert.strictEqual(first.kind, 'quickfix');
    assert.deepStrictEqual(first.diagnostics, [diagnostics[0]]);
    // Reads of the findings: a bounded number per finding and per diagnostic (log n to match one), not diagnostics × findings.
    assert.ok(reads.n <= 60 * n, `${reads.n} reads for ${n} findings and ${diagnostics.length} diagnostics`);
    // The reply stays small: no action lists every diagnostic of the document.
    assert.ok(JSON.stringify(actions).length < 1_000_000, `${JSON.stringify(actions).length} bytes`);
    // The same bound without diagnostics (findings taken from the range).
    const fromRange = await codeActions(ctx, { textDocument: { uri: document.uri }, range: wholeDocument(text), context: { diagnostics: [] } });
    assert.ok(fromRange.length <= MAX_ACTIONS && fromRange.length > MAX_ACTIONS / 2, `${fromRange.length} actions`);
  });

  // H5: fix-all only when asked for, or resolved when chosen.
  it('computes fix-all only when asked for by kind; without a kind it is offered unresolved, if the client resolves (H5)', async () => {
    const base = builtinEngine();
    let analyses = 0;
    const engine = Object.create(base) as Engine;
    engine.analyze = (text: string) => {
      analyses++;
      return base.analyze(text);
    };
    const text = DEFINED + `${VARIANT}\n\n${TASK}\n\n${VARIANT}\n`;
    const at = { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } };
    const params = (only?: string[]): CodeActionParams => ({ textDocument: { uri: 'file:///doc.md' }, range: at, context: { diagnostics: [], ...(only ? { only } : {}) } });

    // A client that does not resolve: no fix-all in a request without a kind, and nothing computed.
    const plain = serverFor(engine, text);
    analyses = 0;
    let actions = await codeActions(plain.ctx, params());
    assert.ok(!actions.some((a) => a.kind === FIX_ALL_KIND), actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => a.title === 'Fix all term/preferred problems in this document'));
    assert.strictEqual(analyses, 0, 'fix-all was not computed');

    // A client that resolves: offered without its edit, computed on codeAction/resolve.
    const resolving = serverFor(engine, text, { resolve: true });
    analyses = 0;
    actions = await codeActions(resolving.ctx, params());
    const lazy = actions.find((a) => a.kind === FIX_ALL_KIND)!;
    assert.ok(lazy, actions.map((a) => a.title).join(' | '));
    assert.strictEqual(lazy.edit, undefined);
    assert.strictEqual(analyses, 0, 'fix-all was not computed');
    const resolved: CodeAction = await resolveCodeAction(resolving.ctx, JSON.parse(JSON.stringify(lazy)));
    assert.ok(analyses > 0);
    const change = resolved.edit!.documentChanges![0] as { textDocument: { version: number }; edits: Array<{ newText: string }> };
    assert.strictEqual(change.textDocument.version, 7);
    assert.ok(change.edits.length > 0);

    // Asked for by kind: computed at once, with its edit.
    analyses = 0;
    actions = await codeActions(resolving.ctx, params(['source.fixAll']));
    assert.deepStrictEqual(actions.map((a) => a.kind), [FIX_ALL_KIND]);
    assert.ok(actions[0].edit && analyses > 0);
    // Quick fixes only: not offered, not computed.
    analyses = 0;
    actions = await codeActions(resolving.ctx, params(['quickfix']));
    assert.ok(!actions.some((a) => a.kind === FIX_ALL_KIND));
    assert.strictEqual(analyses, 0);
  });

  it('resolves no edit for a fix-all offered for another version of the document', async () => {
    const engine = builtinEngine();
    const text = DEFINED + `${VARIANT}\n`;
    const { ctx } = serverFor(engine, text, { resolve: true });
    const stale = { title: 'Fix all KPO Glossary problems', kind: FIX_ALL_KIND, data: { kpoFixAll: true, uri: 'file:///doc.md', version: 6 } };
    assert.strictEqual((await resolveCodeAction(ctx, stale)).edit, undefined);
    const current = { ...stale, data: { ...stale.data, version: 7 } };
    assert.ok((await resolveCodeAction(ctx, current)).edit);
    // Anything else comes back as it is.
    const other = { title: 'x', data: { something: 1 } };
    assert.strictEqual(await resolveCodeAction(ctx, other), other);
  });

  it('uses changes, without a version, for a client without documentChanges', async () => {
    const engine = builtinEngine();
    const text = DEFINED + `${VARIANT}\n`;
    const { ctx } = serverFor(engine, text, { documentChanges: false });
    const actions = await codeActions(ctx, { textDocument: { uri: 'file:///doc.md' }, range: wholeDocument(text), context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.ok(actions[0].edit!.changes!['file:///doc.md'].length > 0);
    assert.strictEqual(actions[0].edit!.documentChanges, undefined);
  });

  // H7: what completion knows about acronyms is found once per analysis.
  it('completes among 2,000 acronyms without reading the mentions again on every request (H7)', () => {
    const acronym = (i: number) => 'QZ' + String.fromCharCode(65 + Math.floor(i / 676) % 26, 65 + Math.floor(i / 26) % 26, 65 + (i % 26));
    const entries = repeat(2000, (i) => `  - id: a${i}\n    term: Quality item ${i}\n    acronym: ${acronym(i)}\n    category: concept\n    definition: Item ${i}.\n`);
    const { glossary } = loadGlossary([builtinSource(), { file: 'acronyms.glossary.yaml', text: `version: 1\nterms:\n${entries}` }]);
    const engine = new Engine(glossary);
    // QZAAB is used; QZAAC is defined ("Quality item 2 (QZAAC)"); QZAAD is neither.
    const text = repeat(500, (i) => `We track ${acronym(1)} and ${acronym(100 + (i % 1800))} weekly.\n\n`) + `Quality item 2 (${acronym(2)}) matters.\n\nNext the QZAA`;
    const analysis = engine.analyze(text) as DocumentAnalysis;
    const reads = { n: 0 };
    analysis.mentions = counted(analysis.mentions, reads);
    const first = engine.complete(analysis, text.length);
    assert.strictEqual(first.length, 26);
    const byLabel = new Map(first.map((c) => [c.label, c.insertText]));
    assert.strictEqual(byLabel.get(acronym(1)), acronym(1), 'used before: the acronym alone');
    assert.strictEqual(byLabel.get(acronym(2)), acronym(2), 'defined before: the acronym alone');
    assert.strictEqual(byLabel.get(acronym(3)), `Quality item 3 (${acronym(3)})`, 'first use: defined');
    reads.n = 0;
    for (let i = 0; i < 20; i++) assert.deepStrictEqual(engine.complete(analysis, text.length), first);
    assert.ok(reads.n <= 100, `${reads.n} reads of ${analysis.mentions.length} mentions in 20 completions`);
    // A term whose acronym is defined before the cursor is offered as its acronym; the others whole.
    const terms = text.slice(0, text.lastIndexOf('Next the')) + 'Next the Quality ite';
    const byEntry = new Map(engine.complete(engine.analyze(terms), terms.length).map((c) => [c.entry.id, c.insertText]));
    assert.strictEqual(byEntry.get('a2'), acronym(2));
    assert.strictEqual(byEntry.get('a3'), 'Quality item 3');
  });
});
