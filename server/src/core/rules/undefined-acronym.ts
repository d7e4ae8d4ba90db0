// acronym/undefined: the first use of a glossary acronym comes before the document has given its
// expansion as "Expansion (ACR)" or "ACR (Expansion)". Headings are not counted: titles commonly use
// the short form, and the definition belongs in the prose below.

import type { DocumentAnalysis, Mention } from '../analysis';
import type { Rule } from './rule';
import { blockPairs } from './pairs';

export const undefinedAcronym: Rule = {
  id: 'acronym/undefined',
  description: 'The first use of a glossary acronym comes before its expansion has been given.',
  defaultSeverity: 'info',
  fixable: true,
  check({ analysis, index, report }) {
    const text = analysis.text;
    // Only the first use of each acronym counts: once every acronym of the glossary has been seen,
    // the rest of the document has nothing to report (this rule reads the whole document on every
    // lint, so it stops early).
    const unseen = new Set(index.acronyms.map((e) => e.id));
    const seen = new Set<string>();
    for (const mention of analysis.mentions) {
      if (unseen.size === 0) break;
      if (mention.ref.kind !== 'acronym') continue;
      if (analysis.blocks[mention.block].block.kind === 'heading') continue;
      const entry = mention.ref.entry;
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      unseen.delete(entry.id);
      // An acronym written with a parenthesised partner (right or wrong) is not an undefined use.
      if (isPairedAcronym(analysis, mention)) continue;
      const written = text.slice(mention.start, mention.end);
      const newText = `${entry.term} (${written})`;
      report({
        start: mention.start,
        end: mention.end,
        message: `“${written}” is used before it is defined: spell it out at its first use, as “${newText}”.`,
        fixes: [{ title: `Expand to “${newText}”`, edits: [{ start: mention.start, end: mention.end, newText }], preferred: true }],
        entryId: entry.id,
      });
    }
  },
};

function isPairedAcronym(analysis: DocumentAnalysis, mention: Mention): boolean {
  return blockPairs(analysis.text, analysis.blocks[mention.block]).some((pair) => pair.acronym === mention);
}
