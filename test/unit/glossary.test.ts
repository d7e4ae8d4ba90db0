// Glossary loading: every kind of problem is reported at its line and column with a message that
// says what to do, and the good entries of a file still load.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { digestGlossary, loadGlossary } from '../../server/src/core/glossary/load';
import { builtinGlossaryPath, glossarySource } from '../../server/src/node/files';
import { createEngine } from '../../server/src/core/create-engine';
import { applySafeFixes } from '../../server/src/core/apply-fixes';
import { builtinSource } from './helpers/engine';

function load(text: string, file = 'g.yaml') {
  return loadGlossary([{ file, text }]);
}

/** [description, file text, expected line, expected column, a word the message must contain] */
const PROBLEMS: Array<[string, string, number, number, RegExp]> = [
  ['an unclosed quote, at the quote', 'terms:\n  - term: A\n    category: concept\n    definition: "unclosed\n', 4, 17, /never closed: add the closing "/],
  ['a colon inside a value, at the colon, in plain words', 'terms:\n  - term: A\n    category: concept\n    definition: Work: done by experts.\n', 4, 21, /colon and a space inside a value.*put the whole value in quotes \(definition: "Work: done by experts\."\)/],
  ['empty file', '', 1, 1, /empty/],
  ['top level is a list', '- term: A\n', 1, 1, /mapping with a "terms:" list/],
  ['no terms list', 'version: 1\n', 1, 1, /no "terms:" list/],
  ['terms is not a list', 'terms: hello\n', 1, 8, /must be a list/],
  ['unknown top-level field', 'terms: []\ntermz: []\n', 2, 1, /Unknown field "termz".*Did you mean "terms"/],
  ['unknown entry field, with a suggestion', 'terms:\n  - term: A\n    category: concept\n    definitoin: x\n', 4, 5, /Unknown field "definitoin".*Did you mean "definition"/],
  ['missing definition', 'terms:\n  - term: A\n    category: concept\n', 2, 5, /no "definition"/],
  ['missing category', 'terms:\n  - term: A\n    definition: x\n', 2, 5, /no "category".*kpo-service/],
  ['term of the wrong type', 'terms:\n  - term: [A, B]\n    category: concept\n    definition: x\n', 2, 11, /"term" must be text/],
  ['aliases not a list', 'terms:\n  - term: A\n    category: concept\n    definition: x\n    aliases: B\n', 5, 14, /"aliases" must be a list/],
  ['entry not a mapping', 'terms:\n  - just text\n', 2, 5, /must be a mapping/],
  ['invalid id', 'terms:\n  - id: Bad Id\n    term: A\n    category: concept\n    definition: x\n', 2, 9, /id "Bad Id" is not valid.*bad-id/],
  ['invalid acronym', 'terms:\n  - term: A thing\n    acronym: at\n    category: concept\n    definition: x\n', 3, 14, /acronym "at"/],
  ['duplicate key', 'terms:\n  - term: A\n    term: B\n    category: concept\n    definition: x\n', 3, 5, /once per entry|unique|duplicate/i],
  ['duplicate term across entries', 'terms:\n  - term: Data Entry\n    category: bpo-task\n    definition: x\n  - term: data-entry\n    category: concept\n    definition: y\n', 5, 11, /already the term of "Data Entry"/],
  ['alias clashing with another term', 'terms:\n  - term: Payroll\n    category: bpo-task\n    definition: x\n  - term: Wages\n    category: bpo-task\n    definition: y\n    aliases: [payroll]\n', 5, 11, /alias "payroll" is already the term of "Payroll"/],
  ['duplicate id', 'terms:\n  - id: a\n    term: A\n    category: concept\n    definition: x\n  - id: a\n    term: B\n    category: concept\n    definition: y\n', 7, 11, /Duplicate id "a"/],
  ['related to an unknown entry', 'terms:\n  - term: Alpha\n    category: concept\n    definition: x\n    related: [alpah]\n', 5, 15, /unknown entry "alpah".*did you mean "alpha"/],
  ['FAQ linked to an unknown entry', 'terms:\n  - term: Alpha\n    category: concept\n    definition: x\nfaq:\n  - question: Why?\n    answer: Because.\n    terms: [beta]\n', 8, 13, /unknown entry "beta"/],
  ['entry linked to an unknown FAQ', 'terms:\n  - term: Alpha\n    category: concept\n    definition: x\n    faq: [why]\n', 5, 11, /unknown FAQ item "why"/],
  ['unsupported version', 'version: 2\nterms: []\n', 1, 10, /version 1/],
  ['comparison side missing', 'terms: []\ncomparison:\n  - aspect: cost\n    kpo: { summary: dear }\n', 3, 5, /no "bpo:"/],
  ['YAML alias used as a value', 'terms:\n  - term: &t A\n    category: concept\n    definition: *t\n', 4, 17, /alias/],
  ['NUL byte', 'terms:\u0000\n', 1, 7, /NUL byte/],
  ['a short variant that is also an ordinary word', 'terms:\n  - term: information technology\n    category: concept\n    definition: x\n    avoid: [IT]\n', 5, 13, /"IT" is also the ordinary word "it" and "its": it is matched only as written/],
  ['a variant that is an ordinary word', 'terms:\n  - term: tooling\n    category: concept\n    definition: x\n    avoid:\n      - tools\n', 6, 9, /"tools" is the ordinary word "tools": every "tools" in a document would be flagged/],
];

describe('glossary loading', () => {
  for (const [what, text, line, column, message] of PROBLEMS) {
    it(`reports ${what} at ${line}:${column}`, () => {
      const { problems } = load(text);
      const match = problems.find((p) => message.test(p.message));
      assert.ok(match, `no problem matching ${message}; got: ${JSON.stringify(problems)}`);
      assert.strictEqual(match.file, 'g.yaml');
      assert.deepStrictEqual([match.line, match.column], [line, column], match.message);
    });
  }

  it('reports one problem per syntax mistake, and nothing more about the entry it breaks', () => {
    for (const text of [
      'terms:\n  - term: A\n    category: concept\n    definition: Work: done by experts.\n  - term: B\n    category: concept\n    definition: Fine.\n',
      'terms:\n  - term: A\n   category: concept\n    definition: x\n  - term: B\n    category: concept\n    definition: Fine.\n',
    ]) {
      const { glossary, problems } = load(text);
      assert.strictEqual(problems.length, 1, JSON.stringify(problems));
      assert.deepStrictEqual(glossary.entries.map((e) => e.term), ['B'], 'the other entries load');
    }
  });

  it('loads the built-in glossary without problems, with the entries the rules rely on', () => {
    const { glossary, problems } = loadGlossary([builtinSource()]);
    assert.deepStrictEqual(problems, []);
    assert.ok(glossary.entries.length >= 40);
    assert.strictEqual(glossary.byId.get('kpo')?.acronym, 'KPO');
    assert.strictEqual(glossary.byId.get('bpo')?.acronym, 'BPO');
    const categories = new Set(glossary.entries.map((e) => e.category));
    for (const c of ['kpo-service', 'bpo-task', 'concept', 'industry']) assert.ok(categories.has(c), c);
    assert.strictEqual(glossary.faq.length, 6);
    assert.deepStrictEqual(glossary.comparison.map((a) => a.id).sort(), ['cost', 'examples', 'focus', 'skill-level', 'value-addition']);
    for (const task of glossary.entries.filter((e) => e.category === 'bpo-task')) {
      assert.ok(task.related.some((id) => glossary.byId.get(id)?.category === 'kpo-service'), `${task.id} has no KPO counterpart`);
    }
    for (const item of glossary.faq) assert.ok(item.terms.length > 0, `FAQ ${item.id} links no entry`);
  });

  it('keeps the good entries of a file with bad ones', () => {
    const { glossary, problems } = load('terms:\n  - term: Good\n    category: concept\n    definition: fine\n  - term: Bad\n    category: concept\n  - term: Also good\n    category: kpo-service\n    definition: fine too\n');
    assert.deepStrictEqual(glossary.entries.map((e) => e.term), ['Good', 'Also good']);
    assert.strictEqual(problems.length, 1);
  });

  it('derives an id when absent, and takes the smallest valid entry', () => {
    const { glossary, problems } = load('terms:\n  - term: Call Centre Operations\n    category: bpo-task\n    definition: Phones.\n');
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(glossary.entries[0].id, 'call-centre-operations');
  });

  it('links FAQ items to entries in both directions', () => {
    const { glossary } = load('terms:\n  - id: a\n    term: Alpha\n    category: concept\n    definition: x\nfaq:\n  - id: q\n    question: Why?\n    answer: Because.\n    terms: [a]\n');
    assert.deepStrictEqual(glossary.byId.get('a')?.faq, ['q']);
  });

  it('reads JSON glossaries too', () => {
    const { glossary, problems } = load('{"terms": [{"term": "Alpha", "category": "concept", "definition": "x"}]}', 'g.json');
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(glossary.entries[0].term, 'Alpha');
  });

  it('reports problems of several files under their own names', () => {
    const { problems } = loadGlossary([
      { file: 'one.yaml', text: 'terms:\n  - term: Alpha\n    category: concept\n    definition: x\n' },
      { file: 'two.yaml', text: 'terms:\n  - term: Beta\n    category: concept\n    definition: y\n    aliases: [alpha]\n' },
    ]);
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].file, 'two.yaml');
    assert.match(problems[0].message, /alias "alpha" is already the term of "Alpha" \(one\.yaml:2:11\)/);
  });
});

describe('glossary fields of the precision work', () => {
  const load = (text: string) => loadGlossary([{ file: 'g.yaml', text }]);
  it('reads contested, wellKnown and side, and refuses a side that is not kpo or bpo, where it is written', () => {
    const { glossary, problems } = load('terms:\n  - term: widget review\n    category: kpo-service\n    definition: A review.\n    contested: true\n  - term: Widget Outsourcing\n    acronym: WO\n    category: concept\n    definition: W.\n    wellKnown: true\n    side: kpo\n  - term: gadget\n    category: concept\n    definition: G.\n    side: middle\n');
    assert.strictEqual(glossary.byId.get('widget-review')!.contested, true);
    assert.strictEqual(glossary.byId.get('widget-outsourcing')!.wellKnown, true);
    assert.strictEqual(glossary.byId.get('widget-outsourcing')!.side, 'kpo');
    assert.strictEqual(glossary.byId.get('gadget')!.side, undefined);
    assert.deepStrictEqual(problems.map((p) => `${p.line}:${p.column} ${p.message.slice(0, 25)}`), ['15:11 "side" must be kpo or bpo']);
  });

  it('a later glossary that gives a contested entry a category takes a side; "contested: false" also clears it', () => {
    const base = { file: 'a.yaml', text: 'terms:\n  - term: claims review\n    category: bpo-task\n    definition: R.\n    contested: true\n' };
    const firm = loadGlossary([base, { file: 'b.yaml', text: 'terms:\n  - term: claims review\n    category: bpo-task\n    definition: Ours.\n' }]);
    assert.strictEqual(firm.glossary.byId.get('claims-review')!.contested, undefined);
    const other = loadGlossary([base, { file: 'b.yaml', text: 'terms:\n  - id: claims-review\n    aliases: [claim review]\n' }]);
    assert.strictEqual(other.glossary.byId.get('claims-review')!.contested, true, 'a change without a category keeps it contested');
  });

  it('lets two entries share an acronym (RPO), and both expansions are accepted', () => {
    const { glossary, problems } = load('terms:\n  - term: Recruitment Process Outsourcing\n    acronym: RPO\n    category: concept\n    definition: R.\n  - term: Research Process Outsourcing\n    acronym: RPO\n    category: concept\n    definition: S.\n');
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(glossary.entries.filter((e) => e.acronym === 'RPO').length, 2);
  });
});

describe('glossary digests', () => {
  // The build ships the built-in glossary as a digest (dist/builtin-glossary.digest) so a new server
  // loads it without parsing YAML; whatever a file holds, its digest must load to exactly the same.
  const root = path.join(__dirname, '..', '..', '..');
  const broken = path.join(root, 'test', 'fixtures', 'broken-glossaries');
  const files = [path.join(root, 'glossary', 'kpo.glossary.yaml'), ...fs.readdirSync(broken).map((f) => path.join(broken, f))];

  for (const file of files) {
    it(`loads ${path.basename(file)} from its digest exactly as from its text, under another name and place`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const other = { file: '/elsewhere/first.yaml', text: 'terms:\n  - term: widget keying\n    category: bpo-task\n    definition: Typing widgets.\n' };
      const parsed = loadGlossary([other, { file: '/somewhere/else.yaml', text }]);
      const digested = loadGlossary([other, { file: '/somewhere/else.yaml', text, digest: digestGlossary(text) }]);
      assert.deepStrictEqual(digested, parsed);
    });
  }

  it('ignores a digest of another format version, or one that is not JSON, and parses the text', () => {
    const text = fs.readFileSync(files[0], 'utf8');
    const expected = loadGlossary([{ file: 'g.yaml', text }]);
    const old = JSON.stringify({ ...JSON.parse(digestGlossary(text)), version: 0, patches: [] });
    assert.deepStrictEqual(loadGlossary([{ file: 'g.yaml', text, digest: old }]), expected);
    assert.deepStrictEqual(loadGlossary([{ file: 'g.yaml', text, digest: '{not json' }]), expected);
  });
});

describe('the built-in glossary digest (dist/, made by the build)', () => {
  it('is used for the built-in glossary as shipped, and not for an edited copy or another file', () => {
    const file = builtinGlossaryPath();
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(glossarySource(file, text).digest, 'run `node scripts/build.mjs` (npm test does): dist/builtin-glossary.digest is missing or stale');
    assert.strictEqual(glossarySource(file, text + '\n# edited\n').digest, undefined);
    assert.strictEqual(glossarySource('/tmp/other.glossary.yaml', text).digest, undefined);
  });
});

describe('short names', () => {
  // D4 of issue 12: `avoid: [US]` and `[IT]` once turned "The team uses its own tools." into
  // "The team united stateses information technologies own tools.".
  const glossary = 'terms:\n  - term: United States\n    category: concept\n    definition: x\n    avoid: [US]\n  - term: information technology\n    category: concept\n    definition: y\n    avoid: [IT]\n';
  const { engine } = createEngine([{ file: 'g.yaml', text: glossary }]);
  const fix = (text: string) => applySafeFixes(text, engine.lint(engine.analyze(text))).text;

  it('match ordinary words neither by case nor by plural', () => {
    for (const text of ['The team uses its own tools.', 'Let us know; it is fine.', 'Its team is ours.']) {
      assert.deepStrictEqual(engine.lint(engine.analyze(text)).filter((f) => f.ruleId === 'term/preferred').map((f) => text.slice(f.start, f.end)), [], text);
      assert.strictEqual(fix(text), text);
    }
  });

  it('still match as written, in capitals', () => {
    assert.strictEqual(fix('Our IT desk serves US clients.'), 'Our information technology desk serves United States clients.');
  });
});

describe('glossaries with very many problems', () => {
  it('caps the problems of a file: the first 500, then one that counts the rest', () => {
    const text = 'terms:\n' + Array.from({ length: 2000 }, (_, i) => `  - term: thing ${i}\n`).join('');
    const { problems } = loadGlossary([{ file: 'many.yaml', text }]);
    assert.strictEqual(problems.length, 501);
    assert.strictEqual(problems[499].line, 501);
    assert.match(problems[500].message, /^… and 1500 more problems in this file, not listed: fix the ones above first/);
  });

  it('C2: 150,000 problems: kpo-lint --format json still prints its report (no stack overflow)', function () {
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-many-'));
    try {
      const glossary = path.join(dir, 'many.yaml');
      fs.writeFileSync(glossary, 'terms:\n' + '  - term: thing\n'.repeat(150_000));
      fs.writeFileSync(path.join(dir, 'doc.md'), 'We do data entry.\n');
      const root = path.join(__dirname, '..', '..', '..');
      const run = spawnSync(process.execPath, [path.join(root, 'bin', 'kpo-lint.js'), '--format', 'json', '--no-discovery', '--glossary', glossary, path.join(dir, 'doc.md')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      assert.strictEqual(run.status, 2, run.stderr.slice(0, 500));
      const report = JSON.parse(run.stdout);
      assert.ok(report.glossaryProblems.length <= 501, String(report.glossaryProblems.length));
      assert.doesNotMatch(run.stderr, /internal error|RangeError/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
