// package.json against the code: contributed settings match the server's settings and defaults, the
// rules' settings list every rule, the glossary schema knows every field the loader reads.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, SECTION } from '../../server/src/shared/settings';
import { RULES } from '../../server/src/core/rules';
import { GLOSSARY_FIELDS } from '../../server/src/core/glossary/load';

const ROOT = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'glossary', 'schema.json'), 'utf8'));

/** Flattens {hover: {enable: true}} into {"hover.enable": true}, keeping records such as rules whole. */
function flatten(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && key !== 'rules') Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = v;
  }
  return out;
}

describe('manifest and schema', () => {
  // Several sections, each with an id the Settings editor trims from its keys ("Hover: Enable", not
  // "Kpo Glossary › Hover: Enable"; the UI pass checks the labels in VS Code itself).
  const sections = manifest.contributes.configuration as Array<{ id: string; title: string; properties: Record<string, { default: unknown; type: string; properties?: Record<string, unknown> }> }>;
  const properties = Object.assign({}, ...sections.map((s) => s.properties)) as (typeof sections)[number]['properties'];

  it('contributes exactly the server settings, with the same defaults', () => {
    const expected = flatten(DEFAULT_SETTINGS as unknown as Record<string, unknown>);
    const contributed = Object.fromEntries(Object.entries(properties).filter(([k]) => !k.endsWith('.trace.server')).map(([k, v]) => [k.slice(SECTION.length + 1), v.default]));
    assert.deepStrictEqual(contributed, expected);
  });

  it('puts every setting in a section whose id starts its key, so the Settings editor can shorten its label', () => {
    for (const section of sections) {
      assert.ok(section.id === SECTION || section.id.startsWith(`${SECTION}.`), section.id);
      for (const key of Object.keys(section.properties)) assert.ok(key.startsWith(`${SECTION}.`), key);
    }
    assert.strictEqual(sections[0].title, manifest.displayName, 'the first section is the extension itself');
    for (const key of Object.keys(sections[0].properties)) assert.strictEqual(key.split('.').length, 2, `${key}: a nested key in the first section keeps "Kpo Glossary ›"`);
  });

  it('lets every rule be configured, and only the rules', () => {
    assert.deepStrictEqual(Object.keys(properties[`${SECTION}.rules`].properties!).sort(), RULES.map((r) => r.id).sort());
  });

  it('declares commands with a category and activation on Markdown', () => {
    for (const command of manifest.contributes.commands) assert.strictEqual(command.category, 'KPO Glossary');
    assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
    // The extension never changes the writer's suggestion settings: Markdown keeps VS Code's own default (no pop-ups).
    assert.strictEqual(manifest.contributes.configurationDefaults, undefined);
  });

  it('the glossary schema describes exactly the fields the loader reads', () => {
    assert.deepStrictEqual(Object.keys(schema.properties).sort(), [...GLOSSARY_FIELDS.top].sort());
    assert.deepStrictEqual(Object.keys(schema.definitions.entry.properties).sort(), [...GLOSSARY_FIELDS.entry].sort());
    assert.deepStrictEqual(Object.keys(schema.definitions.faq.properties).sort(), [...GLOSSARY_FIELDS.faq].sort());
    assert.deepStrictEqual(Object.keys(schema.definitions.aspect.properties).sort(), [...GLOSSARY_FIELDS.aspect].sort());
    assert.deepStrictEqual(Object.keys(schema.definitions.side.properties).sort(), [...GLOSSARY_FIELDS.side].sort());
    assert.deepStrictEqual(schema.definitions.entry.anyOf, [{ required: ['term', 'category', 'definition'] }, { required: ['id'] }]);
  });
});
