// acronym/wrong-expansion: an acronym written with words that are not its expansion: another entry's
// expansion ("KPO (Business Process Outsourcing)"), or words that read as an attempt at the expansion
// but name nothing ("Information Process Outsourcing (KPO)", "Knowledge Process Offshoring (KPO)").
// Definitions are found in every form writers use (definitions.ts), in prose, headings, lists and
// tables. A listed variant of the acronym's own term ("Knowledge Processing Outsourcing (KPO)") is
// term/preferred's, not this rule's.
//
// Fixes: words that name nothing are replaced by the acronym's term, a safe fix (the writer plainly
// meant that acronym). When the words are another entry's expansion, either half may be the mistake,
// so both corrections are offered as suggestions, the parenthesised half first.

import { blocksToCheck, type Rule } from './rule';
import { blockDefinitions } from './definitions';
import { insideLinkText, replaceWords } from './fixes';
import type { Fix } from '../types';
import { wordsAt } from './messages';
import { matchCase } from '../match/normalize';

export const wrongExpansion: Rule = {
  id: 'acronym/wrong-expansion',
  description: 'An acronym written with words that are not its expansion, such as “KPO (Business Process Outsourcing)”.',
  defaultSeverity: 'error',
  fixable: true,
  local: true,
  check(context) {
    const { analysis, report } = context;
    const text = analysis.text;
    for (const block of blocksToCheck(context)) for (const d of blockDefinitions(text, block)) {
      if (d.match !== 'other' && d.match !== 'unknown') continue;
      const { acronym } = d;
      const owner = acronym.ref.entry;
      const acr = text.slice(acronym.start, acronym.end);
      const exp = wordsAt(text, d.expansionStart, d.expansionEnd);
      const fixes: Fix[] = [];
      if (d.match === 'unknown') {
        // A term the glossary writes in lowercase takes the capitals the words were written in
        // ("Integrated Technology Outsourcing" → "Information Technology Outsourcing"); one it writes
        // with capitals keeps them.
        const term = owner.term === owner.term.toLowerCase() ? matchCase(owner.term, exp) : owner.term;
        const title = `Correct the expansion to “${term}”`;
        const edit = insideLinkText(block.block, d.expansionStart, d.expansionEnd) ? undefined : replaceWords(text, d.expansionStart, d.expansionEnd, term);
        fixes.push(edit ? { title, edits: [edit], safe: true } : { title, edits: [{ start: d.expansionStart, end: d.expansionEnd, newText: term }], preferred: true });
        report({
          start: d.start,
          end: d.end,
          message: `“${exp}” is not what “${acr}” stands for: it is “${owner.term}”.`,
          fixes,
          entryId: owner.id,
        });
        continue;
      }
      const other = d.expansion!.ref.entry;
      const fixExpansion: Fix = { title: `Correct the expansion to “${owner.term}”`, edits: [{ start: d.expansionStart, end: d.expansionEnd, newText: owner.term }] };
      const fixAcronym: Fix = { title: `Correct the acronym to “${other.acronym}”`, edits: [{ start: acronym.start, end: acronym.end, newText: acronym.ref.plural ? other.acronym + 's' : other.acronym! }] };
      // The half in parentheses is the likelier slip: its correction comes first.
      if (d.acronymFirst) fixes.push({ ...fixExpansion, preferred: true }, fixAcronym);
      else fixes.push({ ...fixAcronym, preferred: true }, fixExpansion);
      report({
        start: d.start,
        end: d.end,
        message: `“${acr}” stands for “${owner.term}”, not “${exp}” (that is “${other.acronym}”).`,
        fixes,
        entryId: owner.id,
      });
    }
  },
};
