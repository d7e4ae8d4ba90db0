#!/usr/bin/env node
// Writes docs/glossary.md from glossary/kpo.glossary.yaml (families and counts). Run after `tsc -b`;
// test/unit/glossary-doc.test.ts fails when the file is not what this writes.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { loadGlossary } = require(path.join(ROOT, 'out/server/src/core/glossary/load.js'));
const { glossaryDoc } = require(path.join(ROOT, 'out/server/src/core/glossary/families.js'));
const file = path.join(ROOT, 'glossary', 'kpo.glossary.yaml');
const { glossary } = loadGlossary([{ file, text: fs.readFileSync(file, 'utf8') }]);
fs.writeFileSync(path.join(ROOT, 'docs', 'glossary.md'), glossaryDoc(glossary));
console.log(`wrote docs/glossary.md (${glossary.entries.length} entries)`);
