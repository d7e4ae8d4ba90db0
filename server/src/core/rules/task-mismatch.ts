// kpo-bpo/task-mismatch: a routine BPO task presented as KPO work, or a KPO service presented as BPO
// work. Whether the unit presents it so, and which words say it, comes from claims.ts; contested
// entries (services the market sells both ways, such as medical coding) never count. The only fix is
// a suggestion: switch the side mention, when it is in the same unit.

import type { Mention } from '../analysis';
import { otherSide, sideOfCategory, type Side } from '../glossary/index';
import type { Fix } from '../types';
import { blocksToCheck, type Rule } from './rule';
import { taskClaim } from './claims';
import type { SideClaim } from './side-claim';
import { switchSideFix } from './fixes';
import { quote, wordsAt } from './messages';

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
      // Tasks of one side that one claim puts on the other side, side by side in a unit ("Claims
      // data entry and eligibility verification" under a KPO heading), make one finding.
      const units = block.units;
      let u = 0;
      let open: { claim: SideClaim; own: Side; mentions: Mention[]; unit: number } | undefined;
      const flush = () => {
        if (!open) return;
        const { claim, own, mentions } = open;
        const words = mentions.map((m) => `“${wordsAt(text, m.start, m.end)}”`);
        const kind = own === 'bpo' ? (words.length > 1 ? 'routine BPO tasks' : 'a routine BPO task') : words.length > 1 ? 'KPO services' : 'a KPO service';
        const listed = words.length === 1 ? `${words[0]} is` : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]} are`;
        const message = `${listed} ${kind}, but ${where(text, claim)} presents ${words.length > 1 ? 'them' : 'it'} as ${claim.side.toUpperCase()} work.`;
        const fixes: Fix[] = [];
        if (claim.marker) {
          const fix = switchSideFix(analysis, index, claim.marker, otherSide(claim.side));
          if (fix) fixes.push(fix);
        }
        report({ start: mentions[0].start, end: mentions[mentions.length - 1].end, message, fixes, entryId: mentions[0].ref.entry.id });
        open = undefined;
      };
      for (const mention of block.mentions) {
        const entry = mention.ref.entry;
        const category = sideOfCategory(entry.category);
        const own = entry.contested ? undefined : category;
        if (!category || mention.ref.kind === 'avoid') continue;
        while (u < units.length && units[u].end <= mention.first) u++;
        const unit = units[u];
        if (!unit || mention.first < unit.first) continue;
        const claim = own && taskClaim(analysis, index, unit, mention);
        if (!own || !claim || claim.side === own) {
          // A task on its right side (or a contested one) between two others keeps them apart.
          if (open && open.unit === u) flush();
          continue;
        }
        if (open && open.unit === u && open.own === own && open.claim.side === claim.side && open.claim.marker === claim.marker && open.claim.from === claim.from) {
          open.mentions.push(mention);
          continue;
        }
        flush();
        open = { claim, own, mentions: [mention], unit: u };
      }
      flush();
    }
  },
};

/** The words that made the claim, for the message: “our KPO team”, the table column, the list's introduction. */
export function where(text: string, claim: SideClaim): string {
  const quoted = quote(text, claim.evidence.start, claim.evidence.end);
  switch (claim.from) {
    case 'sentence':
    case 'definition':
      return `“${quoted}”`;
    case 'row':
      return `this table row (“${quoted}”)`;
    case 'column':
      return `the table column “${quoted}”`;
    case 'list':
      return `the list's introduction, “${quoted}”,`;
    case 'heading':
      return `the heading “${quoted}”`;
    case 'part':
      return `“${quoted}” (${claim.side.toUpperCase()}, by the heading “${quote(text, claim.named!.start, claim.named!.end)}”)`;
  }
}
