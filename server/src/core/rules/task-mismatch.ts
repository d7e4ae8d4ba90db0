// kpo-bpo/task-mismatch: a routine BPO task presented as KPO work, or a KPO service presented as BPO
// work. Which side a task is "presented as" comes from sides.ts.

import type { Fix } from '../types';
import { blocksToCheck, type Rule } from './rule';
import { otherSide, sideOf, sideOfCategory, switchIsSafe } from './sides';
import { replaceFix, switchSideFix } from './fixes';

const WHERE: Record<string, string> = {
  clause: 'this sentence',
  sentence: 'this sentence',
  column: 'the table column',
  parent: 'the list item above',
  intro: 'the sentence introducing this list',
  heading: 'the heading above',
};

export const taskMismatch: Rule = {
  id: 'kpo-bpo/task-mismatch',
  description: 'A routine BPO task presented as KPO work, or a KPO service presented as BPO work.',
  defaultSeverity: 'warning',
  fixable: true,
  local: true,
  check(context) {
    const { analysis, index, report } = context;
    const text = analysis.text;
    for (const block of blocksToCheck(context)) {
      // Mentions and units are both in token order: walk them together (each mention is in one unit).
      const units = block.units;
      let u = 0;
      for (const mention of block.mentions) {
        const entry = mention.ref.entry;
        const own = sideOfCategory(entry.category);
        if (!own) continue;
        while (u < units.length && units[u].end <= mention.first) u++;
        const unit = units[u];
        if (!unit || mention.first < unit.first) continue;
        const claim = sideOf(analysis, index, unit, mention.first);
        if (!claim || claim.side === own) continue;
        const written = text.slice(mention.start, mention.end);
        const said = claim.side.toUpperCase();
        const message = own === 'bpo'
          ? `“${written}” is a routine BPO task, but ${WHERE[claim.from]} presents it as ${said} work.`
          : `“${written}” is a KPO service, but ${WHERE[claim.from]} presents it as ${said} work.`;
        const fixes: Fix[] = [];
        const safe = claim.marker !== undefined && switchIsSafe(analysis, index, unit, claim.marker);
        if (claim.marker) {
          const fix = switchSideFix(analysis, index, claim.marker, otherSide(claim.side), safe);
          if (fix) fixes.push(fix);
        }
        const alternatives = entry.related
          .map((id) => index.glossary.byId.get(id)!)
          .filter((other) => sideOfCategory(other.category) === claim.side);
        alternatives.forEach((other, i) => fixes.push(replaceFix(text, mention, other, !safe && i === 0)));
        report({ start: mention.start, end: mention.end, message, fixes, entryId: entry.id });
      }
    }
  },
};
