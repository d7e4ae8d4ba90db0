// kpo-bpo/attribute-mismatch: a trait from the other column of the KPO vs BPO comparison (skill
// level, cost, value addition, focus) said of KPO or BPO itself: "KPO work is repetitive", "BPO
// requires advanced degrees". Whether the unit says it of a side comes from claims.ts (a trait must be
// tied to the side it describes; a quality any vendor claims, such as innovation, counts only as a
// plain predicate). The traits of one claim make one finding. The only fix is a suggestion: switch
// the side mention.

import type { Mention } from '../analysis';
import type { TraitRef } from '../glossary/index';
import type { Fix } from '../types';
import { blocksToCheck, type Rule } from './rule';
import { otherSide, traitClaim, type SideClaim } from './claims';
import { switchSideFix } from './fixes';
import { where } from './task-mismatch';

export const attributeMismatch: Rule = {
  id: 'kpo-bpo/attribute-mismatch',
  description: 'A trait of the other side of the KPO vs BPO comparison (skill level, cost, value addition, focus) said of KPO or BPO.',
  defaultSeverity: 'warning',
  fixable: true,
  local: true,
  check(context) {
    const { analysis, index, report } = context;
    const text = analysis.text;
    for (const block of blocksToCheck(context)) {
      if (block.traits.length === 0) continue;
      // Traits and units are both in token order: walk them together (each trait is in one unit).
      const units = block.units;
      let u = 0;
      let open: { claim: SideClaim; traits: Array<Mention<TraitRef>>; unit: number } | undefined;
      const flush = () => {
        if (!open) return;
        const { claim, traits } = open;
        const first = traits[0];
        const last = traits[traits.length - 1];
        const words = traits.map((t) => `“${text.slice(t.start, t.end).replace(/\s+/g, ' ')}”`);
        const { aspect, side } = first.ref;
        const listed = words.length === 1 ? `${words[0]} is a ${side.toUpperCase()} trait` : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]} are ${side.toUpperCase()} traits`;
        const message = `${listed}, but ${where(text, claim)} says it of ${claim.side.toUpperCase()}. ${aspect.label}: KPO — ${aspect.kpo.summary} BPO — ${aspect.bpo.summary}`;
        const fixes: Fix[] = [];
        if (claim.marker) {
          const fix = switchSideFix(analysis, index, claim.marker, otherSide(claim.side));
          if (fix) fixes.push(fix);
        }
        report({ start: first.start, end: last.end, message, fixes, entryId: index.sides[claim.side]?.id });
        open = undefined;
      };
      for (const trait of block.traits) {
        while (u < units.length && units[u].end <= trait.first) u++;
        const unit = units[u];
        if (!unit || trait.first < unit.first) continue;
        const claim = traitClaim(analysis, index, unit, trait);
        if (!claim || claim.side === trait.ref.side) continue;
        // Traits of the same side said of the same words in one unit make one finding.
        if (open && open.unit === u && open.claim.side === claim.side && open.claim.marker === claim.marker && open.traits[0].ref.side === trait.ref.side) {
          open.traits.push(trait);
          continue;
        }
        flush();
        open = { claim, traits: [trait], unit: u };
      }
      flush();
    }
  },
};
