// Where the cursor is in a half-written YAML glossary: the mapping, key or value, and the word there.
// `|` marks the cursor in each case.

import * as assert from 'assert';
import { yamlSpot } from '../../server/src/core/glossary/yaml-spot';

function spot(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const s = yamlSpot(text, offset);
  return s && { path: s.path.join('/'), mapping: s.mapping, role: s.role, key: s.key, text: s.text, siblings: [...s.siblings].sort().join(',') };
}

const ENTRY = 'terms:\n  - term: Widget audit\n    category: kpo-service\n';

/** [description, marked text, expected (fields compared only when given)] */
const CASES: Array<[string, string, Partial<NonNullable<ReturnType<typeof spot>>> | undefined]> = [
  ['a top-level key being typed', 'ter|', { path: '', mapping: 'top', role: 'key', text: 'ter' }],
  ['a top-level key on an empty line after the list', ENTRY + '|', { mapping: 'top', role: 'key', text: '', siblings: 'terms' }],
  ['an entry key being typed on a new line', ENTRY + '    def|', { path: 'terms', mapping: 'entry', role: 'key', text: 'def', siblings: 'category,term' }],
  ['an empty line inside an entry', ENTRY + '    |', { mapping: 'entry', role: 'key', text: '', siblings: 'category,term' }],
  ['the first key of a new item', ENTRY + '  - te|', { mapping: 'entry', role: 'key', text: 'te', siblings: '' }],
  ['just a dash', ENTRY + '  - |', { mapping: 'entry', role: 'key', text: '' }],
  ['on an existing key', 'terms:\n  - term: A\n    cate|gory: concept\n    definition: x\n', { mapping: 'entry', role: 'key', text: 'category', siblings: 'definition,term' }],
  ['on the first key after the dash', 'terms:\n  - te|rm: A\n', { mapping: 'entry', role: 'key', text: 'term' }],
  ['an unindented list', 'terms:\n- term: A\n  cat|', { mapping: 'entry', role: 'key', text: 'cat' }],
  ['a category value', ENTRY.replace('kpo-service', 'kpo-|'), { mapping: 'entry', role: 'value', key: 'category', text: 'kpo-' }],
  ['an empty value', 'terms:\n  - term: A\n    category: |', { mapping: 'entry', role: 'value', key: 'category', text: '' }],
  ['an item of a flow list', 'terms:\n  - term: A\n    related: [kpo, b|]\n', { mapping: 'entry', role: 'value', key: 'related', text: 'b' }],
  ['the first item of a flow list', 'terms:\n  - term: A\n    related: [|]\n', { mapping: 'entry', role: 'value', key: 'related', text: '' }],
  ['an item of a block list', 'terms:\n  - term: A\n    related:\n      - kpo\n      - da|\n', { path: 'terms', mapping: 'entry', role: 'value', key: 'related', text: 'da' }],
  ['an empty item of a block list', 'terms:\n  - term: A\n    faq:\n      - |', { mapping: 'entry', role: 'value', key: 'faq', text: '' }],
  ['a key after a nested list and a block scalar', 'terms:\n  - term: A\n    aliases:\n      - a\n    definition: >\n      Long text: with a colon\n    no|', { mapping: 'entry', role: 'key', text: 'no', siblings: 'aliases,definition,term' }],
  ['a key of the second entry', 'terms:\n  - term: A\n    category: x\n  - term: B\n    de|\n    notes: [n]\n', { mapping: 'entry', role: 'key', siblings: 'notes,term' }],
  ['inside tests', 'terms:\n  - term: A\n    tests:\n      fl|', { path: 'terms/tests', mapping: 'tests', role: 'key' }],
  ['an FAQ item key', 'faq:\n  - question: Why?\n    ans|', { mapping: 'faq', role: 'key', siblings: 'question' }],
  ['FAQ terms', 'faq:\n  - question: Why?\n    terms: [k|]', { mapping: 'faq', role: 'value', key: 'terms', text: 'k' }],
  ['a comparison side', 'comparison:\n  - aspect: cost\n    kpo:\n      su|', { path: 'comparison/kpo', mapping: 'side', role: 'key' }],
  ['a value with a comment after it', ENTRY.replace('kpo-service', 'kpo-serv|ice # ours'), { role: 'value', key: 'category', text: 'kpo-service' }],
  ['in a comment', 'terms: # the li|st\n', undefined],
  ['in the indentation', 'terms:\n | - term: A\n', undefined],
  ['a badly indented line', 'terms:\n  - term: A\n   cat|', undefined],
  ['CRLF lines', 'terms:\r\n  - term: A\r\n    cat|\r\n', { mapping: 'entry', role: 'key', text: 'cat' }],
];

describe('YAML glossary spots', () => {
  for (const [what, marked, expected] of CASES) {
    it(what, () => {
      const actual = spot(marked);
      if (expected === undefined) {
        assert.strictEqual(actual, undefined, JSON.stringify(actual));
        return;
      }
      assert.ok(actual, 'a spot');
      for (const [k, v] of Object.entries(expected)) assert.deepStrictEqual((actual as Record<string, unknown>)[k], v, `${k} in ${JSON.stringify(actual)}`);
    });
  }
});
