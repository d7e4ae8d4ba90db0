// Looking an entry up by a name a person or a model types (core/glossary/lookup.ts, used by the MCP
// server's lookup_term): data-driven, against the built-in glossary.

import * as assert from 'assert';
import { lookupEntry } from '../../server/src/core';
import { builtinEngine } from './helpers/engine';

describe('lookupEntry: an entry by any of its names', () => {
  const glossary = builtinEngine().glossary;
  const found: Array<[string, string, string]> = [
    // name typed, entry id, which name matched
    ['KPO', 'kpo', 'acronym'],
    ['kpo', 'kpo', 'acronym'],
    ['Knowledge Process Outsourcing', 'kpo', 'term'],
    ['knowledge process outsourcing', 'kpo', 'term'],
    ['  Business   Process Outsourcing ', 'bpo', 'term'],
    ['data entry', 'data-entry', 'term'],
    ['data entries', 'data-entry', 'term'],
    ['Data-Entry', 'data-entry', 'term'],
    ['customer support', 'customer-service', 'alias'],
    ['call centres', 'call-center-operations', 'alias'],
    ['Knowledge Processing Outsourcing', 'kpo', 'variant'],
    ['equity-research', 'equity-research', 'term'],
    ['financial analyses', 'financial-analysis', 'term'],
  ];
  for (const [name, id, matched] of found) {
    it(`“${name}” → ${id} (${matched})`, () => {
      const r = lookupEntry(glossary, name);
      assert.ok(r.entry, `nothing for ${name}`);
      assert.deepStrictEqual([r.entry.id, 'matched' in r ? r.matched : ''], [id, matched]);
    });
  }

  const missing: Array<[string, string | undefined]> = [
    // name typed, the suggestion
    ['Knowlege Process Outsorcing', 'Knowledge Process Outsourcing'],
    ['payrol processing', 'payroll processing'],
    ['quantum gardening', undefined],
    ['', undefined],
  ];
  for (const [name, suggestion] of missing) {
    it(`“${name}” names nothing${suggestion ? `: did you mean “${suggestion}”?` : ''}`, () => {
      const r = lookupEntry(glossary, name);
      assert.strictEqual(r.entry, undefined);
      assert.strictEqual('suggestion' in r ? r.suggestion : undefined, suggestion);
    });
  }
});
