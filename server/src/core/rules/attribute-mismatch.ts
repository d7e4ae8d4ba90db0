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
import { traitClaim } from './claims';
import { columnClaim } from './claim-context';
import type { SideClaim } from './side-claim';
import type { BlockAnalysis, DocumentAnalysis } from '../analysis';
import { otherSide, type GlossaryIndex, type Side } from '../glossary/index';
import type { ComparisonAspect, Finding } from '../types';

import { switchSideFix } from './fixes';
import { where } from './task-mismatch';
import { wordsAt } from './messages';

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
      if (block.block.kind === 'table-row') levelCells(analysis, index, block, report);
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
        const words = traits.map((t) => `“${wordsAt(text, t.start, t.end)}”`);
        const { side } = first.ref;
        const listed = words.length === 1 ? `${words[0]} is a ${side.toUpperCase()} trait` : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]} are ${side.toUpperCase()} traits`;
        const message = `${listed}, but ${where(text, claim)} says it of ${claim.side.toUpperCase()}.`;
        const fixes: Fix[] = [];
        if (claim.marker) {
          const fix = switchSideFix(analysis, index, claim.marker, otherSide(claim.side));
          if (fix) fixes.push(fix);
        }
        const aspects = [...new Set(traits.map((t) => t.ref.aspect))];
        report({ start: first.start, end: last.end, message, detail: aspects.map(describe).join(' '), fixes, entryId: index.sides[claim.side]?.id });
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

/** Words a comparison table's row label uses for each aspect of the comparison. */
const ASPECT_WORDS: Record<string, RegExp> = Object.assign(Object.create(null) as Record<string, RegExp>, {
  cost: /^(cost|costs|price|prices|pricing|rate|rates|fee|fees)$/,
  'skill-level': /^(skill|skills|skilled|workforce|staff|staffing|talent|people|expertise)$/,
  'value-addition': /^(value|added|addition)$/,
});
/** The level a cell gives ("Lower", "High"), when it is the cell's first word. */
const LOW = /^(low|lower|lowest|cheap|cheaper|cheapest|moderate|basic|less|minimal|limited|modest)$/;
const HIGH = /^(high|higher|highest|expensive|costlier|premium|more|advanced|deep|significant|substantial)$/;

/**
 * A comparison table that gives an aspect's level per side ("| Cost | Lower | Higher |" under "| |
 * KPO | BPO |"): a level in the other side's direction is a mismatch. Cost is high for KPO; skill and
 * value added are high for KPO.
 */
function levelCells(analysis: DocumentAnalysis, index: GlossaryIndex, block: BlockAnalysis, report: (f: Omit<Finding, 'ruleId' | 'severity'>) => void): void {
  const unit = block.units[0];
  const headerIndex = unit ? analysis.contexts[unit.block].header : undefined;
  if (headerIndex === undefined) return;
  // Levels are relative: only a table that sets the two sides against each other gives them.
  const header = analysis.blocks[headerIndex];
  const sides = new Set(header.mentions.map((m) => index.sideOf(m.ref.entry)).filter((x) => x !== undefined));
  if (sides.size < 2) return;
  const tokens = block.tokens;
  const labelCell = tokens[0].cell;
  const label: string[] = [];
  for (let i = 0; i < tokens.length && tokens[i].cell === labelCell; i++) label.push(tokens[i].lower);
  const aspect = index.glossary.comparison.find((a) => ASPECT_WORDS[a.id] && label.some((w) => ASPECT_WORDS[a.id].test(w)));
  if (!aspect) return;
  const seen = new Set<number | undefined>([labelCell]);
  for (let i = 0; i < tokens.length; i++) {
    const cell = tokens[i].cell;
    if (seen.has(cell)) continue;
    seen.add(cell);
    // Traits in the cell are the trait rule's; here only a level word that opens the cell counts.
    if (block.traits.some((t) => tokens[t.first].cell === cell)) continue;
    const level = LOW.test(tokens[i].lower) ? 'low' : HIGH.test(tokens[i].lower) ? 'high' : undefined;
    if (!level) continue;
    const claim = columnClaim(analysis, index, block, unit, i);
    if (!claim) continue;
    const meant: Side = level === 'high' ? 'kpo' : 'bpo';
    if (claim.side === meant) continue;
    const cellTokens = tokens.filter((t) => t.cell === cell);
    const end = cellTokens[cellTokens.length - 1].end;
    const written = wordsAt(analysis.text, tokens[i].start, end);
    report({
      start: tokens[i].start,
      end,
      message: `“${written}” (${aspect.label.toLowerCase()}) describes ${meant.toUpperCase()}, but it is in the “${claim.side.toUpperCase()}” column.`,
      detail: describe(aspect),
      fixes: [],
      entryId: index.sides[claim.side]?.id,
    });
  }
}

function describe(aspect: ComparisonAspect): string {
  return `${aspect.label}: KPO — ${aspect.kpo.summary} BPO — ${aspect.bpo.summary}`;
}
