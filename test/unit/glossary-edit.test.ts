// Growing a glossary file: adding an entry or an alias keeps everything already in the file (comments,
// blank lines, quoting, indentation, line endings) and yields a file the loader reads with the change.

import * as assert from 'assert';
import { addAlias, addEntry, formatOf, type EditResult } from '../../server/src/core/glossary/edit';
import { loadGlossary } from '../../server/src/core/glossary/load';
import { builtinSource } from './helpers/engine';

const ENTRY = { term: 'Patent landscaping', category: 'kpo-service', definition: 'Mapping the patents of a field.' };

function ok(result: EditResult): string {
  assert.ok('text' in result, 'error' in result ? result.error : '');
  return result.text;
}

/** Loads the text after the built-in glossary and returns the entries and problems. */
function load(text: string, file = 'w.yaml') {
  return loadGlossary([builtinSource(), { file, text }]);
}

describe('glossary edits: adding an entry', () => {
  it('creates a file with a terms list from nothing', () => {
    const text = ok(addEntry('', ENTRY));
    assert.strictEqual(text, 'terms:\n  - term: Patent landscaping\n    category: kpo-service\n    definition: Mapping the patents of a field.\n');
    assert.deepStrictEqual(loadGlossary([{ file: 'w.yaml', text }]).problems, []);
  });

  it('appends to a block list, keeping comments and every byte before it', () => {
    const before = '# Our terms\nversion: 1\nterms:\n  # services\n  - term: Widget audit   # ours\n    category: kpo-service\n    definition: "Checking widgets."\n# the end\n';
    const text = ok(addEntry(before, ENTRY));
    assert.ok(text.startsWith(before.slice(0, before.indexOf('# the end'))), text);
    assert.ok(text.includes('# Our terms') && text.includes('# ours') && text.includes('# the end') && text.includes('"Checking widgets."'));
    assert.match(text, /definition: "Checking widgets."\n  - term: Patent landscaping\n    category: kpo-service\n    definition: Mapping the patents of a field.\n# the end\n$/);
    const { glossary, problems } = load(text);
    assert.deepStrictEqual(problems, []);
    assert.ok(glossary.byId.get('patent-landscaping'));
    assert.ok(glossary.byId.get('widget-audit'));
  });

  it('follows the file’s indentation (an unindented list, deeper keys)', () => {
    const text = ok(addEntry('terms:\n- term: A thing\n  category: concept\n  definition: x\n', ENTRY));
    assert.strictEqual(text, 'terms:\n- term: A thing\n  category: concept\n  definition: x\n- term: Patent landscaping\n  category: kpo-service\n  definition: Mapping the patents of a field.\n');
    const deep = ok(addEntry('terms:\n    -   term: A thing\n        category: concept\n        definition: x\n', ENTRY));
    assert.match(deep, /\n    -   term: Patent landscaping\n        category: kpo-service\n/);
    assert.deepStrictEqual(loadGlossary([{ file: 'w.yaml', text: deep }]).problems, []);
  });

  it('keeps a blank line between entries when the file has them', () => {
    const text = ok(addEntry('terms:\n  - term: A thing\n    category: concept\n    definition: x\n\n  - term: B thing\n    category: concept\n    definition: y\n', ENTRY));
    assert.match(text, /definition: y\n\n  - term: Patent landscaping\n/);
  });

  it('adds after a block scalar and before later top-level fields', () => {
    const before = 'terms:\n  - term: A thing\n    category: concept\n    definition: |\n      Long\n      text.\nfaq:\n  - question: Why?\n    answer: Because.\n';
    const text = ok(addEntry(before, ENTRY));
    assert.match(text, /      text\.\n  - term: Patent landscaping\n[^]*\nfaq:\n  - question: Why\?\n/);
    assert.deepStrictEqual(load(text).problems, []);
  });

  it('keeps CRLF line endings and a missing final newline', () => {
    const text = ok(addEntry('terms:\r\n  - term: A thing\r\n    category: concept\r\n    definition: x', ENTRY));
    assert.strictEqual(text, 'terms:\r\n  - term: A thing\r\n    category: concept\r\n    definition: x\r\n  - term: Patent landscaping\r\n    category: kpo-service\r\n    definition: Mapping the patents of a field.\r\n');
  });

  it('quotes what YAML would misread, and puts a multi-line definition on one line', () => {
    const text = ok(addEntry('', { term: 'R&D: review', category: 'concept', definition: '#1 choice\nfor "teams"' }));
    const { glossary, problems } = loadGlossary([{ file: 'w.yaml', text }]);
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(glossary.entries[0].term, 'R&D: review');
    assert.strictEqual(glossary.entries[0].definition, '#1 choice for "teams"');
  });

  it('adds a terms list to a file without one, or with an empty one', () => {
    assert.strictEqual(ok(addEntry('# only a comment\n', ENTRY)), '# only a comment\nterms:\n  - term: Patent landscaping\n    category: kpo-service\n    definition: Mapping the patents of a field.\n');
    assert.strictEqual(ok(addEntry('version: 1\nterms: []\n', ENTRY)), 'version: 1\nterms:\n  - term: Patent landscaping\n    category: kpo-service\n    definition: Mapping the patents of a field.\n');
    assert.strictEqual(ok(addEntry('terms:   # to do\nfaq: []\n', ENTRY)), 'terms: # to do\n  - term: Patent landscaping\n    category: kpo-service\n    definition: Mapping the patents of a field.\nfaq: []\n');
    assert.strictEqual(ok(addEntry('version: 1', ENTRY)), 'version: 1\nterms:\n  - term: Patent landscaping\n    category: kpo-service\n    definition: Mapping the patents of a field.\n');
  });

  it('writes a flow list through the Document', () => {
    const text = ok(addEntry('terms: [{ term: A thing, category: concept, definition: x }]\n', ENTRY));
    const { glossary, problems } = loadGlossary([{ file: 'w.yaml', text }]);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(glossary.entries.map((e) => e.term), ['A thing', 'Patent landscaping']);
  });

  it('refuses a file it cannot read, and empty fields', () => {
    assert.match((addEntry('terms:\n  - term: "open\n', ENTRY) as { error: string }).error, /syntax error/);
    assert.match((addEntry('- a\n- b\n', ENTRY) as { error: string }).error, /not a mapping/);
    assert.match((addEntry('terms: hello\n', ENTRY) as { error: string }).error, /"terms" is not a list/);
    assert.match((addEntry('', { ...ENTRY, definition: '  ' }) as { error: string }).error, /definition is empty/);
  });

  it('edits JSON glossaries as JSON', () => {
    assert.strictEqual(formatOf('x/.kpo-glossary.json'), 'json');
    assert.strictEqual(formatOf('x/team.glossary.yml'), 'yaml');
    const text = ok(addEntry('{\n    "terms": []\n}\n', ENTRY, 'json'));
    assert.deepStrictEqual(JSON.parse(text), { terms: [ENTRY] });
    assert.ok(text.startsWith('{\n    "terms"'), text);
    assert.match((addEntry('{ nope', ENTRY, 'json') as { error: string }).error, /not valid JSON/);
  });
});

describe('glossary edits: adding an alias', () => {
  const TARGET = { id: 'widget-audit', term: 'Widget audit' };

  it('adds to a block aliases list', () => {
    const before = 'terms:\n  - term: Widget audit\n    category: kpo-service\n    definition: x\n    aliases:\n      - widget review   # old\n    notes: [n]\n';
    const text = ok(addAlias(before, TARGET, 'widget check'));
    assert.strictEqual(text, 'terms:\n  - term: Widget audit\n    category: kpo-service\n    definition: x\n    aliases:\n      - widget review   # old\n      - widget check\n    notes: [n]\n');
  });

  it('adds to a flow aliases list, empty or not', () => {
    const text = ok(addAlias('terms:\n  - term: Widget audit\n    category: kpo-service\n    definition: x\n    aliases: [widget review] # c\n', TARGET, 'widget check'));
    assert.match(text, /aliases: \[widget review, widget check\] # c\n$/);
    const empty = ok(addAlias('terms:\n  - term: Widget audit\n    category: kpo-service\n    definition: x\n    aliases: []\n', TARGET, 'widget check'));
    assert.match(empty, /aliases: \[widget check\]\n$/);
  });

  it('adds an aliases field to an entry without one (also in the middle of the list)', () => {
    const before = 'terms:\n  - id: widget-audit\n    term: Widget audit\n    category: kpo-service\n    definition: x\n  - term: Other\n    category: concept\n    definition: y\n';
    const text = ok(addAlias(before, TARGET, 'widget check'));
    assert.strictEqual(text, 'terms:\n  - id: widget-audit\n    term: Widget audit\n    category: kpo-service\n    definition: x\n    aliases: [widget check]\n  - term: Other\n    category: concept\n    definition: y\n');
    const emptyField = ok(addAlias('terms:\n  - term: Widget audit\n    category: kpo-service\n    aliases:\n    definition: x\n', TARGET, 'widget check'));
    assert.strictEqual(emptyField, 'terms:\n  - term: Widget audit\n    category: kpo-service\n    aliases: [widget check]\n    definition: x\n');
  });

  it('changes an entry of an earlier glossary with a new { id, aliases } item', () => {
    const text = ok(addAlias('terms:\n  - term: Widget audit\n    category: kpo-service\n    definition: x\n', { id: 'data-entry', term: 'data entry' }, 'keying'));
    assert.match(text, /\n  - id: data-entry\n    aliases: \[keying\]\n$/);
    const { glossary, problems } = load(text);
    assert.deepStrictEqual(problems, []);
    assert.ok(glossary.byId.get('data-entry')!.aliases.includes('keying'));
    // The loader records where a later file changes an entry (go to definition shows both places).
    assert.deepStrictEqual(glossary.byId.get('data-entry')!.changedIn, [{ file: 'w.yaml', line: 5, column: 9 }]);
    const fresh = ok(addAlias('', { id: 'data-entry', term: 'data entry' }, 'keying'));
    assert.strictEqual(fresh, 'terms:\n  - id: data-entry\n    aliases: [keying]\n');
  });

  it('refuses an alias the entry has already', () => {
    const result = addAlias('terms:\n  - term: Widget audit\n    category: kpo-service\n    definition: x\n    aliases: [Widget Check]\n', TARGET, 'widget check');
    assert.match((result as { error: string }).error, /already an alias/);
  });

  it('adds aliases in JSON', () => {
    const text = ok(addAlias('{"terms": [{"term": "Widget audit", "category": "kpo-service", "definition": "x"}]}', TARGET, 'widget check', 'json'));
    assert.deepStrictEqual(JSON.parse(text).terms[0].aliases, ['widget check']);
    const patch = ok(addAlias('', { id: 'data-entry', term: 'data entry' }, 'keying', 'json'));
    assert.deepStrictEqual(JSON.parse(patch), { terms: [{ id: 'data-entry', aliases: ['keying'] }] });
  });
});
