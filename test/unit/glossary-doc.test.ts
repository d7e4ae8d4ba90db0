// docs/glossary.md is generated from the YAML (families with counts), never written by hand: this
// fails when the file is not what `node scripts/glossary-doc.mjs` writes for the current glossary.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { builtinEngine } from './helpers/engine';
import { glossaryDoc, glossaryFamilies } from '../../server/src/core/glossary/families';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('docs/glossary.md', () => {
  it('is up to date with glossary/kpo.glossary.yaml (regenerate with node scripts/glossary-doc.mjs)', () => {
    assert.strictEqual(fs.readFileSync(path.join(ROOT, 'docs', 'glossary.md'), 'utf8'), glossaryDoc(builtinEngine().glossary));
  });

  it('covers the families the glossary must have, with at least 150 entries in all', () => {
    const glossary = builtinEngine().glossary;
    assert.ok(glossary.entries.length >= 150, `${glossary.entries.length} entries`);
    const titles = glossaryFamilies(glossary).map((f) => f.title);
    for (const t of ['Outsourcing models', 'Delivery models', 'Proposal and contract vocabulary', 'KPO services', 'BPO tasks']) assert.ok(titles.includes(t), t);
  });
});
