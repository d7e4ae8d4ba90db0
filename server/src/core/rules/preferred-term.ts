// term/preferred: a non-standard variant of a glossary term ("Knowledge Processing Outsourcing").
// The fix writes the preferred term in the writer's capitalisation style.

import { blocksToCheck, type Rule } from './rule';
import { matchCase, pluralize } from '../match/normalize';

export const preferredTerm: Rule = {
  id: 'term/preferred',
  description: 'A non-standard variant of a glossary term; the glossary’s preferred term replaces it.',
  defaultSeverity: 'warning',
  fixable: true,
  local: true,
  check(context) {
    const { analysis, report } = context;
    const text = analysis.text;
    for (const block of blocksToCheck(context)) for (const mention of block.mentions) {
      if (mention.ref.kind !== 'avoid') continue;
      const entry = mention.ref.entry;
      const written = text.slice(mention.start, mention.end);
      const cased = matchCase(entry.term, written);
      const newText = mention.ref.plural ? pluralize(cased) : cased;
      report({
        start: mention.start,
        end: mention.end,
        message: `Use the standard term “${entry.term}” instead of “${written}”.`,
        fixes: [{ title: `Replace with “${newText}”`, edits: [{ start: mention.start, end: mention.end, newText }], preferred: true }],
        entryId: entry.id,
      });
    }
  },
};
