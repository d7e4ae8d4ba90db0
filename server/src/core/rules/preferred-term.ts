// term/preferred: a non-standard variant of a glossary term ("Knowledge Processing Outsourcing").
// The fix writes the preferred term in the writer's capitalisation style: a safe fix, since the variant
// is listed in the glossary as a wrong form of that very term, except inside a link's text, where it
// is only suggested (the text may quote a page title).

import { blocksToCheck, type Rule } from './rule';
import { insideLinkText, replaceWords } from './fixes';
import { matchCase, pluralize } from '../match/normalize';
import { wordsAt } from './messages';

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
      // A misspelt acronym ("HIPPA") is replaced by the acronym, not by the spelled-out term in capitals.
      // An abbreviation in capitals ("IT") is no shouting: the term is written as the glossary has it.
      const abbreviation = isAcronymLike(written) && !/\s/.test(written);
      const standard = entry.acronym && abbreviation ? entry.acronym : entry.term;
      const cased = abbreviation ? standard : matchCase(entry.term, written);
      const newText = mention.ref.plural ? pluralize(cased) : cased;
      // Safe unless the words sit in a link's text or carry markup the replacement would drop.
      const edit = insideLinkText(block.block, mention.start, mention.end) ? undefined : replaceWords(text, mention.start, mention.end, newText);
      report({
        start: mention.start,
        end: mention.end,
        message: `Use the standard term “${standard}” instead of “${wordsAt(text, mention.start, mention.end)}”.`,
        fixes: [edit ? { title: `Replace with “${newText}”`, edits: [edit], safe: true } : { title: `Replace with “${newText}”`, edits: [{ start: mention.start, end: mention.end, newText }], preferred: true }],
        entryId: entry.id,
      });
    }
  },
};

/** One word in capitals (digits and "&" allowed), as acronyms are written. */
function isAcronymLike(written: string): boolean {
  return /^[\p{Lu}\d&]{2,}s?$/u.test(written);
}
