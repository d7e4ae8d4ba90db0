// Decides which side of the comparison, KPO or BPO, a phrase in a unit is said of. Shared by the two
// KPO-vs-BPO rules so that they agree on what a sentence is about.
//
// The order of evidence: a KPO or BPO mention in the phrase's own clause; else in its sentence (when
// the sentence names one side only, or a preceding clause settles it); else, for list items and table
// rows without any mention, the table's column header, the parent list item, the list's introducing
// sentence, or the heading above. A negation in the clause ("not", "never", "instead of") means the
// sentence does not present the phrase as that side's work, so no side is returned.

import type { DocumentAnalysis, Mention, Unit } from '../analysis';
import type { GlossaryIndex, Side } from '../glossary/index';
import { countBefore } from '../search';

export interface SideClaim {
  side: Side;
  /** The KPO or BPO mention that says so, when it is in the same unit (the fix can switch it). */
  marker?: Mention;
  /** Where the side came from. */
  from: 'clause' | 'sentence' | 'column' | 'parent' | 'intro' | 'heading';
}

const NEGATIONS = new Set(['not', 'never', 'no', 'without', 'instead', 'rather', 'unlike', 'except', 'avoid', 'avoids', 'avoiding', 'avoided', 'nor', 'neither', 'cannot', 'excluding', 'excludes', 'exclude', 'beyond', 'than']);

export function isNegated(analysis: DocumentAnalysis, unit: Unit, tokenIndex: number): boolean {
  const tokens = analysis.blocks[unit.block].tokens;
  const [from, to] = clauseOf(unit, tokenIndex);
  for (let i = from; i < to; i++) {
    const word = tokens[i].lower;
    if (NEGATIONS.has(word) || word.endsWith("n't")) return true;
  }
  return false;
}

/** The token range [from, to) of the clause holding a token. */
export function clauseOf(unit: Unit, tokenIndex: number): [number, number] {
  let k = 0;
  while (k + 1 < unit.clauses.length && unit.clauses[k + 1] <= tokenIndex) k++;
  return [unit.clauses[k], k + 1 < unit.clauses.length ? unit.clauses[k + 1] : unit.end];
}

/** The KPO and BPO mentions of a unit (found once per unit and glossary: rules ask for every phrase of the unit). */
export function markersOf(analysis: DocumentAnalysis, index: GlossaryIndex, unit: Unit): Mention[] {
  const mentions = analysis.blocks[unit.block].mentions;
  const cached = markerCache.get(unit);
  if (cached && cached.index === index && cached.mentions === mentions) return cached.markers;
  const markers = inUnit(mentions, unit).filter((m) => index.sideOf(m.ref.entry) !== undefined);
  markerCache.set(unit, { index, mentions, markers });
  return markers;
}
const markerCache = new WeakMap<Unit, { index: GlossaryIndex; mentions: Mention[]; markers: Mention[] }>();

export function sideOf(analysis: DocumentAnalysis, index: GlossaryIndex, unit: Unit, tokenIndex: number): SideClaim | undefined {
  const markers = markersOf(analysis, index, unit);
  // Without a KPO or BPO mention in the unit, only list items and table rows take a side from their
  // context: anything else has no side, negated or not (checked first: it is the common case).
  if (markers.length === 0 && !takesContext(analysis.blocks[unit.block].block.kind)) return undefined;
  if (isNegated(analysis, unit, tokenIndex)) return undefined;
  if (markers.length > 0) return fromMarkers(analysis, index, unit, tokenIndex, markers);
  return fromContext(analysis, index, unit, tokenIndex);
}

function takesContext(kind: string): boolean {
  return kind === 'list-item' || kind === 'table-row';
}

function fromMarkers(analysis: DocumentAnalysis, index: GlossaryIndex, unit: Unit, tokenIndex: number, markers: Mention[]): SideClaim | undefined {
  const side = (m: Mention) => index.sideOf(m.ref.entry)!;
  const [from, to] = clauseOf(unit, tokenIndex);
  const inClause = markers.filter((m) => m.first >= from && m.first < to);
  const single = (list: Mention[]) => list.every((m) => side(m) === side(list[0]));
  if (inClause.length > 0) {
    if (!single(inClause)) return undefined;
    return { side: side(inClause[0]), marker: nearest(inClause, tokenIndex), from: 'clause' };
  }
  if (single(markers)) return { side: side(markers[0]), marker: nearest(markers, tokenIndex), from: 'sentence' };
  // Both sides in the sentence: the closest preceding clause that names a side decides
  // ("Unlike BPO, which handles data entry, KPO ..."). A following clause does not.
  for (let k = unit.clauses.indexOf(from) - 1; k >= 0; k--) {
    const start = unit.clauses[k];
    const end = unit.clauses[k + 1];
    const here = markers.filter((m) => m.first >= start && m.first < end);
    if (here.length > 0) return single(here) ? { side: side(here[0]), marker: nearest(here, tokenIndex), from: 'sentence' } : undefined;
  }
  return undefined;
}

function nearest(markers: Mention[], tokenIndex: number): Mention {
  let best = markers[0];
  for (const m of markers) if (Math.abs(m.first - tokenIndex) < Math.abs(best.first - tokenIndex)) best = m;
  return best;
}

function fromContext(analysis: DocumentAnalysis, index: GlossaryIndex, unit: Unit, tokenIndex: number): SideClaim | undefined {
  const block = analysis.blocks[unit.block];
  if (!takesContext(block.block.kind)) return undefined;
  const context = analysis.contexts[unit.block];
  if (context.header !== undefined) {
    const cell = block.tokens[tokenIndex].cell;
    const header = analysis.blocks[context.header];
    const sides = sidesIn(index, header.mentions.filter((m) => header.tokens[m.first].cell === cell));
    if (sides.size === 1) return { side: [...sides][0], from: 'column' };
    if (sides.size > 1) return undefined;
  }
  for (const [from, b] of [['parent', context.parent], ['intro', context.intro], ['heading', context.heading]] as const) {
    if (b === undefined) continue;
    const sides = sidesIn(index, analysis.blocks[b].mentions);
    if (sides.size === 1) return { side: [...sides][0], from };
    if (sides.size > 1) return undefined;
  }
  return undefined;
}

function sidesIn(index: GlossaryIndex, mentions: Mention[]): Set<Side> {
  const sides = new Set<Side>();
  for (const m of mentions) {
    const side = index.sideOf(m.ref.entry);
    if (side) sides.add(side);
  }
  return sides;
}

/** The other side. */
export function otherSide(side: Side): Side {
  return side === 'kpo' ? 'bpo' : 'kpo';
}

/**
 * Whether switching `marker` to the other side would leave every task, service and trait it governs
 * in the unit on the right side, so that the switch can be the preferred fix without creating a new
 * mismatch ("Our KPO team does data entry and financial analysis" must not become a BPO claim).
 */
export function switchIsSafe(analysis: DocumentAnalysis, index: GlossaryIndex, unit: Unit, marker: Mention): boolean {
  const block = analysis.blocks[unit.block];
  const markerSide = index.sideOf(marker.ref.entry);
  const governed: Array<{ side: Side; token: number }> = [];
  for (const m of inUnit(block.mentions, unit)) {
    const side = sideOfCategory(m.ref.entry.category);
    if (side) governed.push({ side, token: m.first });
  }
  for (const t of inUnit(block.traits, unit)) governed.push({ side: t.ref.side, token: t.first });
  let any = false;
  for (const g of governed) {
    const claim = sideOf(analysis, index, unit, g.token);
    if (!claim || claim.marker !== marker) continue;
    if (g.side === markerSide) return false;
    any = true;
  }
  return any;
}

/**
 * The items of a block (mentions or traits, sorted by first token) that start inside a unit, found by
 * binary search: a paragraph of thousands of sentences must not cost a scan per sentence.
 */
export function inUnit<T extends { first: number }>(items: readonly T[], unit: Unit): T[] {
  const lo = countBefore(items.length, (i) => items[i].first < unit.first);
  let end = lo;
  while (end < items.length && items[end].first < unit.end) end++;
  return items.slice(lo, end);
}

/** The side a glossary category belongs to: KPO services and BPO tasks. */
export function sideOfCategory(category: string): Side | undefined {
  if (category === 'kpo-service') return 'kpo';
  if (category === 'bpo-task') return 'bpo';
  return undefined;
}
