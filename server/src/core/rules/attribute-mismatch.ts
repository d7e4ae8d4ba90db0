// kpo-bpo/attribute-mismatch: a trait from the other column of the KPO vs BPO comparison (skill
// level, cost, value addition, focus) attributed to KPO or BPO. Sentences that compare the two
// ("than", "compared with", "whereas") are left alone: they state the difference on purpose.

import type { Fix } from '../types';
import { blocksToCheck, type Rule } from './rule';
import { otherSide, sideOf, switchIsSafe } from './sides';
import { switchSideFix } from './fixes';

const COMPARING = new Set(['than', 'compared', 'comparison', 'comparing', 'unlike', 'versus', 'vs', 'whereas', 'while', 'whilst', 'contrast', 'both', 'differ', 'differs', 'difference']);

export const attributeMismatch: Rule = {
  id: 'kpo-bpo/attribute-mismatch',
  description: 'A trait of the other side of the KPO vs BPO comparison (skill level, cost, value addition, focus) attributed to KPO or BPO.',
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
      let checked = -1;
      let comparing = false;
      for (const trait of block.traits) {
        while (u < units.length && units[u].end <= trait.first) u++;
        const unit = units[u];
        if (!unit || trait.first < unit.first) continue;
        if (checked !== u) {
          checked = u;
          comparing = false;
          for (let i = unit.first; i < unit.end && !comparing; i++) comparing = COMPARING.has(block.tokens[i].lower);
        }
        if (comparing) continue;
        const claim = sideOf(analysis, index, unit, trait.first);
        if (!claim || claim.side === trait.ref.side) continue;
        const { aspect, side } = trait.ref;
        const written = text.slice(trait.start, trait.end);
        const message =
          `“${written}” is a ${side.toUpperCase()} trait, but it is said of ${claim.side.toUpperCase()}. ` +
          `The comparison, ${aspect.label}: KPO — “${aspect.kpo.summary}”; BPO — “${aspect.bpo.summary}”.`;
        const fixes: Fix[] = [];
        if (claim.marker) {
          const fix = switchSideFix(analysis, index, claim.marker, otherSide(claim.side), switchIsSafe(analysis, index, unit, claim.marker));
          if (fix) fixes.push(fix);
        }
        report({ start: trait.start, end: trait.end, message, fixes, entryId: index.sides[claim.side]?.id });
      }
    }
  },
};
