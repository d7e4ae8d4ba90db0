// Workspace glossaries in the core and the CLI: later files change earlier entries, examples are
// checked, the appendix lists the terms used, and kpo-lint finds glossary files upward from each
// document.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createEngine } from '../../server/src/core/create-engine';
import { loadGlossary } from '../../server/src/core/glossary/load';
import { appendixEdit, APPENDIX_END, APPENDIX_START } from '../../server/src/core/appendix';
import { applyEdits } from '../../server/src/core/apply-fixes';
import { discoverGlossaries } from '../../server/src/node/discover';
import { isGlossaryFileName } from '../../server/src/shared/glossary-files';
import { main } from '../../server/src/cli/kpo-lint';
import { builtinSource } from './helpers/engine';

function withWorkspace(yaml: string) {
  return createEngine([builtinSource(), { file: 'team.glossary.yaml', text: yaml }]);
}

function mentions(engine: ReturnType<typeof withWorkspace>['engine'], text: string): string[] {
  return engine.analyze(text).mentions.map((m) => `${text.slice(m.start, m.end)}=${m.ref.entry.id}`);
}

describe('workspace glossaries', () => {
  it('adds terms', () => {
    const { engine, problems } = withWorkspace('terms:\n  - term: patent landscaping\n    category: kpo-service\n    definition: Mapping the patents of a field.\n');
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(mentions(engine, 'We do patent landscaping.'), ['patent landscaping=patent-landscaping']);
    const findings = engine.lint(engine.analyze('Knowledge Process Outsourcing (KPO) is ours. Business Process Outsourcing (BPO) too. Our BPO team does patent landscaping.'));
    assert.ok(findings.some((f) => f.ruleId === 'kpo-bpo/task-mismatch' && f.entryId === 'patent-landscaping'));
  });

  it('adds aliases to a built-in entry, keeping the built-in ones', () => {
    const { engine, problems } = withWorkspace('terms:\n  - id: data-entry\n    aliases: [keying]\n');
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(mentions(engine, 'Keying and data entry.'), ['Keying=data-entry', 'data entry=data-entry']);
    assert.strictEqual(engine.glossary.byId.get('data-entry')!.category, 'bpo-task');
  });

  it('overrides a definition or a category, by id or by term', () => {
    const { engine, problems } = withWorkspace('terms:\n  - id: market-research\n    definition: Our house definition.\n  - term: data entry\n    category: kpo-service\n');
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(engine.glossary.byId.get('market-research')!.definition, 'Our house definition.');
    assert.strictEqual(engine.glossary.byId.get('data-entry')!.category, 'kpo-service');
    const text = 'Knowledge Process Outsourcing (KPO) does data entry.';
    assert.deepStrictEqual(engine.lint(engine.analyze(text)), [], 'data entry is a KPO service in this workspace');
  });

  it('switches a built-in entry off without breaking the links to it', () => {
    const { engine, problems } = withWorkspace('terms:\n  - id: customer-service\n    disabled: true\n');
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(engine.glossary.byId.get('customer-service'), undefined);
    assert.deepStrictEqual(mentions(engine, 'customer service'), []);
  });

  it('reports an id that changes nothing and lacks the fields of a new entry', () => {
    const { problems } = withWorkspace('terms:\n  - id: no-such-entry\n    aliases: [x]\n');
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].message, 'This entry has no "term", "category", "definition": add them. No earlier glossary has an entry "no-such-entry" to change, so this is a new entry and needs them.');
    assert.deepStrictEqual([problems[0].file, problems[0].line], ['team.glossary.yaml', 2]);
  });

  it('refuses a change whose alias belongs to another entry, keeping the entry as it was', () => {
    const { engine, problems } = withWorkspace('terms:\n  - id: data-entry\n    aliases: [payroll]\n');
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0].message, /The change to "data entry" was skipped: the alias "payroll" is already the alias of "payroll processing"/);
    assert.deepStrictEqual(engine.glossary.byId.get('data-entry')!.aliases, []);
  });

  it('checks example sentences and reports the failing ones where they are written', () => {
    const yaml = [
      'terms:',
      '  - term: patent landscaping',
      '    category: kpo-service',
      '    definition: Mapping patents.',
      '    tests:',
      '      flag:',
      '        - Our BPO team does patent landscaping.',
      '        - Our KPO team does patent landscaping.',
      '      pass:',
      '        - Our KPO team does patent landscaping.',
      '        - Our BPO team does patent landscaping.',
    ].join('\n');
    const { problems } = withWorkspace(yaml);
    assert.deepStrictEqual(problems.map((p) => `${p.line}:${p.column}`), ['8:11', '11:11']);
    assert.match(problems[0].message, /should be flagged for "patent landscaping", but no rule flags it/);
    assert.match(problems[1].message, /should not be flagged, but kpo-bpo\/task-mismatch says/);
  });

  it('the built-in glossary\'s own examples pass when written as tests', () => {
    const { glossary } = loadGlossary([builtinSource()]);
    const lines = ['terms:'];
    for (const entry of glossary.entries.filter((e) => e.examples.length > 0)) {
      lines.push(`  - id: ${entry.id}`, '    tests:', '      pass:', ...entry.examples.map((x) => `        - ${JSON.stringify(x)}`));
    }
    const { problems } = withWorkspace(lines.join('\n'));
    assert.deepStrictEqual(problems.map((p) => p.message), []);
  });
});

describe('glossary appendix', () => {
  const { engine } = createEngine([builtinSource()]);

  it('inserts a table of the terms used, and updates it in place', () => {
    const text = 'We offer market research and Knowledge Process Outsourcing (KPO).\n';
    const first = applyEdits(text, [appendixEdit(engine.analyze(text), engine.glossary)]).text;
    assert.ok(first.startsWith(text.trimEnd() + '\n\n' + APPENDIX_START));
    assert.match(first, /\| Knowledge Process Outsourcing \| KPO \| .+ \|/);
    assert.match(first, /\| market research \|  \| .+ \|/);
    assert.deepStrictEqual(engine.lint(engine.analyze(first)), [], 'the appendix itself is not checked');
    const edited = first.replace('market research', 'data entry');
    const second = applyEdits(edited, [appendixEdit(engine.analyze(edited), engine.glossary)]).text;
    assert.strictEqual(second.split(APPENDIX_START).length, 2, 'one appendix');
    assert.match(second, /\| data entry \|/);
    assert.ok(!/\| market research \|/.test(second));
    assert.ok(second.trimEnd().endsWith(APPENDIX_END));
    const again = applyEdits(second, [appendixEdit(engine.analyze(second), engine.glossary)]).text;
    assert.strictEqual(again, second, 'running it twice changes nothing');
  });
});

describe('glossary discovery', () => {
  it('recognises glossary file names', () => {
    for (const name of ['.kpo-glossary.yaml', 'team.glossary.yaml', 'a.glossary.yml', 'x.glossary.json']) assert.ok(isGlossaryFileName(name), name);
    for (const name of ['glossary.yaml', '.glossary.yaml', 'team.glossary.yaml.bak', 'kpo-glossary.yaml']) assert.ok(!isGlossaryFileName(name), name);
  });

  it('finds files from the repository root down to the document folder, and kpo-lint uses them', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-discover-'));
    fs.mkdirSync(path.join(root, '.git'));
    fs.mkdirSync(path.join(root, 'proposals', 'acme'), { recursive: true });
    fs.writeFileSync(path.join(root, '.kpo-glossary.yaml'), 'terms:\n  - term: patent landscaping\n    category: kpo-service\n    definition: Mapping patents.\n');
    fs.writeFileSync(path.join(root, 'proposals', 'acme', 'acme.glossary.yaml'), 'terms:\n  - id: patent-landscaping\n    category: bpo-task\n');
    fs.writeFileSync(path.join(root, 'proposals', 'acme', 'p.md'), 'Business Process Outsourcing (BPO) handles patent landscaping.\n');
    fs.writeFileSync(path.join(root, 'proposals', 'q.md'), 'Business Process Outsourcing (BPO) handles patent landscaping.\n');
    assert.deepStrictEqual(discoverGlossaries(path.join(root, 'proposals', 'acme')), [path.join(root, '.kpo-glossary.yaml'), path.join(root, 'proposals', 'acme', 'acme.glossary.yaml')]);
    let out = '';
    const code = main(['--format', 'json', 'proposals'], { stdout: (s) => (out += s), stderr: () => undefined, readStdin: () => '', cwd: root, color: false });
    assert.strictEqual(code, 1);
    const files = JSON.parse(out).files as Array<{ file: string; findings: Array<{ ruleId: string }> }>;
    const byFile = Object.fromEntries(files.map((f) => [f.file, f.findings.map((x) => x.ruleId)]));
    assert.deepStrictEqual(byFile[path.join('proposals', 'acme', 'p.md')], [], 'acme\'s glossary makes it a BPO task');
    assert.deepStrictEqual(byFile[path.join('proposals', 'q.md')], ['kpo-bpo/task-mismatch'], 'the root glossary alone makes it a KPO service');
  });
});
