// acronym/undefined: the first use of a glossary acronym comes before the document has given its
// expansion as "Expansion (ACR)" or "ACR (Expansion)". Headings are not counted: titles commonly use
// the short form, and the definition belongs in the prose below.

import type { Mention } from '../analysis';
import type { Rule } from './rule';
import { parenthesisedPairs } from './pairs';

export const undefinedAcronym: Rule = {
  id: 'acronym/undefined',
  description: 'The first use of a glossary acronym comes before its expansion has been given.',
  defaultSeverity: 'info',
  fixable: true,
  check({ analysis, report }) {
    const text = analysis.text;
    // An acronym written with a parenthesised partner (right or wrong) is not an undefined use.
    const paired = new Set<Mention>();
    for (const pair of parenthesisedPairs(analysis)) paired.add(pair.acronym);
    const seen = new Set<string>();
    for (const mention of analysis.mentions) {
      if (mention.ref.kind !== 'acronym') continue;
      if (analysis.blocks[mention.block].block.kind === 'heading') continue;
      const entry = mention.ref.entry;
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      if (paired.has(mention)) continue;
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
