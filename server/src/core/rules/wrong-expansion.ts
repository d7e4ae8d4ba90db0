// acronym/wrong-expansion: an acronym paired in parentheses with the expansion of another acronym,
// in either order: "KPO (Business Process Outsourcing)", "Business Process Outsourcing (KPO)".

import { blocksToCheck, type Rule } from './rule';
import { blockPairs } from './pairs';

export const wrongExpansion: Rule = {
  id: 'acronym/wrong-expansion',
  description: 'An acronym paired with the expansion of another acronym, such as “KPO (Business Process Outsourcing)”.',
  defaultSeverity: 'error',
  fixable: true,
  local: true,
  check(context) {
    const { analysis, report } = context;
    const text = analysis.text;
    for (const block of blocksToCheck(context)) for (const pair of blockPairs(text, block)) {
      const { acronym, expansion, acronymFirst } = pair;
      const owner = acronym.ref.entry;
      const other = expansion.ref.entry;
      if (owner === other || !other.acronym) continue;
      const acr = text.slice(acronym.start, acronym.end);
      const exp = text.slice(expansion.start, expansion.end);
      const fixExpansion = { title: `Correct the expansion to “${owner.term}”`, edits: [{ start: expansion.start, end: expansion.end, newText: owner.term }] };
      const fixAcronym = { title: `Correct the acronym to “${other.acronym}”`, edits: [{ start: acronym.start, end: acronym.end, newText: acronym.ref.plural ? other.acronym + 's' : other.acronym }] };
      // The form written first is the one the writer means; the one in parentheses is corrected.
      const fixes = acronymFirst ? [{ ...fixExpansion, preferred: true }, fixAcronym] : [{ ...fixAcronym, preferred: true }, fixExpansion];
      report({
        start: pair.start,
        end: pair.end,
        message: `“${acr}” stands for “${owner.term}”, but it is paired with “${exp}”, the expansion of “${other.acronym}”.`,
        fixes,
        entryId: owner.id,
      });
    }
  },
};
