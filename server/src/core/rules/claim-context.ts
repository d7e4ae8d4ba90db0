// Claims a unit takes from its context rather than from its own words: a table cell from its column's
// header or the row's side cell, a list item from the list's introduction, its parent item or the
// heading above, and a sentence of a glossary-style paragraph from the side the paragraph defines.

import type { BlockAnalysis, DocumentAnalysis, Mention, Unit } from '../analysis';
import type { GlossaryIndex, Side } from '../glossary/index';
import { cuesOf } from './claim-cues';
import { objectOf } from './claim-grammar';
import { DOING_VERBS, HEDGE, LISTING, NEGATING, PREDICATE_VERBS, SCOPE_WORDS } from './claim-words';
import type { SideClaim } from './side-claim';

/** A table row: the cell's column header names one side, or the row pairs the phrase with a side cell. */
export function rowClaim(analysis: DocumentAnalysis, index: GlossaryIndex, block: BlockAnalysis, unit: Unit, markers: Mention[], first: number): SideClaim | undefined {
  const cell = block.tokens[first].cell;
  const own = markers.filter((m) => block.tokens[m.first].cell === cell);
  if (own.length > 0) return undefined; // "| KPO and BPO both | data entry |": a cell that names sides is a label, not a claim
  const column = columnClaim(analysis, index, block, unit, first);
  if (column) return column;
  // "| Customer service | KPO |": the row pairs the phrase with one side, in a cell of its own.
  const sides = new Set(markers.map((m) => index.sideOf(m.ref.entry)));
  if (sides.size !== 1) return undefined;
  const marker = markers[0];
  const markerCell = block.tokens[marker.first].cell;
  const cellTokens = block.tokens.filter((t) => t.cell === markerCell).length;
  if (cellTokens > marker.last - marker.first + 4) return undefined; // the side cell says more than the side ("Lot A (BPO)" is fine)
  return { side: [...sides][0]!, marker, from: 'row', evidence: { start: marker.start, end: marker.end } };
}

export function headerHasBothSides(analysis: DocumentAnalysis, index: GlossaryIndex, unit: Unit): boolean {
  const header = analysis.contexts[unit.block].header;
  if (header === undefined) return false;
  return new Set(analysis.blocks[header].mentions.map((m) => index.sideOf(m.ref.entry)).filter((x) => x !== undefined)).size === 2;
}

export function columnClaim(analysis: DocumentAnalysis, index: GlossaryIndex, block: BlockAnalysis, unit: Unit, first: number): SideClaim | undefined {
  const context = analysis.contexts[unit.block];
  if (context.header === undefined) return undefined;
  const cell = block.tokens[first].cell;
  const header = analysis.blocks[context.header];
  const inHeader = header.mentions.filter((m) => header.tokens[m.first].cell === cell && index.sideOf(m.ref.entry));
  const sides = new Set(inHeader.map((m) => index.sideOf(m.ref.entry)));
  if (sides.size !== 1) return undefined;
  // The row's label (its first cell) must not deny: "| Not suitable | … |".
  const labelTokens = block.tokens.filter((t) => t.cell === block.tokens[0].cell);
  if (labelTokens.some((t) => NEGATING.has(t.lower) || t.lower.endsWith("n't"))) return undefined;
  const headerCell = header.tokens.filter((t) => t.cell === cell);
  if (headerCell.some((t) => NEGATING.has(t.lower) || HEDGE.has(t.lower))) return undefined;
  return { side: [...sides][0]!, from: 'column', evidence: { start: headerCell[0].start, end: headerCell[headerCell.length - 1].end } };
}

/**
 * A glossary-style paragraph that opens with the side it defines in bold ("**Business process
 * outsourcing (BPO)** Contracting …"): its other sentences speak of that side, when they list
 * examples ("for example …, order processing") or say what the work is or needs.
 */
export function definedSubjectClaim(analysis: DocumentAnalysis, index: GlossaryIndex, block: BlockAnalysis, unit: Unit, markers: Mention[], first: number, what: 'task' | 'trait', weak = false): SideClaim | undefined {
  if (block.block.kind !== 'paragraph' && block.block.kind !== 'list-item') return undefined;
  const defined = definedSide(analysis, index, block);
  if (!defined) return undefined;
  const side = index.sideOf(defined.ref.entry);
  // Other sentences of the definition that name a side speak for themselves.
  if (markers.some((m) => m !== defined && (index.sideOf(m.ref.entry) !== side || m.first > defined.last + 2))) return undefined;
  const tokens = block.tokens;
  const start = Math.max(unit.first, defined.last + 1);
  const words = tokens.slice(start, first).map((t) => t.lower);
  if (what === 'task') {
    // "…: for example equity research, valuation, …, order processing": a list after a listing word.
    let k = words.length - 1;
    while (k >= 0 && !LISTING.has(words[k])) k--;
    if (k < 0 || words.length - k > 16 || !objectOf(tokens, start + k, first)) return undefined;
  } else if (unit.first <= defined.first) {
    // The definition itself: "**KPO** — Contracting work that …, typically high-volume and low-cost".
    if (weak || words.length > 30) return undefined;
  } else {
    if (words.length > 14 || !words.some((w) => PREDICATE_VERBS.test(w)) || (weak && !words.some((w) => /^(is|are|requires|needs)$/.test(w)))) return undefined;
  }
  return { side: index.sideOf(defined.ref.entry)!, from: 'definition', evidence: { start: defined.start, end: defined.end } };
}

/** The side a block defines: it opens with a bold side name ("**BPO**", "**Business process outsourcing (BPO)**"). */
function definedSide(analysis: DocumentAnalysis, index: GlossaryIndex, block: BlockAnalysis): Mention | undefined {
  const cached = definedCache.get(block);
  if (cached && cached.index === index && cached.mentions === block.mentions) return cached.defined;
  const defined = findDefinedSide(analysis, index, block);
  definedCache.set(block, { index, mentions: block.mentions, defined });
  return defined;
}
const definedCache = new WeakMap<BlockAnalysis, { index: GlossaryIndex; mentions: Mention[]; defined: Mention | undefined }>();

function findDefinedSide(analysis: DocumentAnalysis, index: GlossaryIndex, block: BlockAnalysis): Mention | undefined {
  const first = block.mentions[0];
  if (!first || first.first !== 0 || index.sideOf(first.ref.entry) === undefined) return undefined;
  const text = analysis.text;
  const lead = text.slice(block.block.start, first.start);
  if (!/(\*\*|__)$/.test(lead.trimEnd())) return undefined;
  // The bold span closes after the name (and its parenthesised acronym or expansion).
  const close = text.indexOf('**', first.end) >= 0 && lead.endsWith('__') === false ? text.indexOf('**', first.end) : text.indexOf('__', first.end);
  if (close < 0 || close - first.end > 40 || /[.!?]/.test(text.slice(first.end, close))) return undefined;
  return first;
}

/** A list item or table cell without a side of its own: the list's introduction, parent item or heading. */
export function contextClaim(analysis: DocumentAnalysis, index: GlossaryIndex, block: BlockAnalysis, unit: Unit, first: number, what: 'task' | 'trait'): SideClaim | undefined {
  const kind = block.block.kind;
  if (kind === 'table-row') return columnClaim(analysis, index, block, unit, first);
  if (kind !== 'list-item') return undefined;
  // The item must be the service itself: it starts the item, or the item is a short line.
  const tokens = block.tokens;
  const unitIndex = block.units.indexOf(unit);
  if (unitIndex !== 0) return undefined;
  if (first > 4 || (first > 0 && tokens.slice(unit.first, first).some((t) => DOING_VERBS.has(t.lower) || PREDICATE_VERBS.test(t.lower)))) return undefined;
  const context = analysis.contexts[unit.block];
  for (const [from, b] of [['list', context.parent], ['list', context.intro], ['heading', context.heading]] as const) {
    if (b === undefined) continue;
    const source = analysis.blocks[b];
    const claim = scopeOf(analysis, index, source);
    if (claim === null) return undefined; // a context that names both sides, or denies: silent
    if (claim === undefined) continue;
    if (what === 'trait' && from === 'heading') return undefined;
    return { side: claim.side, from, evidence: { start: source.block.start, end: source.block.end } };
  }
  return undefined;
}

/**
 * What a list's introduction, parent item or heading says the list is: the services of one side
 * ({side}), nothing about sides (undefined), or something no list item may take a side from (null:
 * both sides, a denial, a question, a history).
 */
function scopeOf(analysis: DocumentAnalysis, index: GlossaryIndex, source: BlockAnalysis): { side: Side } | null | undefined {
  const markers = source.mentions.filter((m) => index.sideOf(m.ref.entry) !== undefined);
  if (markers.length === 0) return undefined;
  const sides = new Set(markers.map((m) => index.sideOf(m.ref.entry)));
  if (sides.size > 1) return null;
  // Read the last unit of the block (the sentence right above the list).
  const unit = source.units[source.units.length - 1];
  if (!unit) return null;
  const cues = cuesOf(analysis, index, unit);
  const asks = cues.silent && !(cues.whQuestion && source.block.kind === 'heading' && !cues.doubts);
  if (asks || cues.negation < unit.end) return null;
  // The clause right above the list: "BPO began with call centres; today we offer:" offers no BPO.
  let from = unit.first;
  for (let i = unit.first + 1; i < unit.end; i++) if (/[;\u2014\u2013]/.test(source.tokens[i].before)) from = i;
  const own = markers.filter((m) => m.first >= from);
  if (own.length === 0) return undefined;
  const words = source.tokens.slice(from, unit.end).map((t) => t.lower);
  // A parent item that is just the side ("- KPO") heads its sub-items.
  const bare = source.block.kind === 'list-item' && source.tokens.length <= 3;
  if (!bare && !words.some((w) => SCOPE_WORDS.has(w))) return undefined;
  return { side: [...sides][0]! };
}
