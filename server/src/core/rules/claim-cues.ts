// How sure of itself a reading unit is, before any side is claimed in it: whether it asks, compares,
// denies, tells a history or hedges (and from which word on), and which of its KPO and BPO mentions may
// make a claim.

import type { BlockAnalysis, DocumentAnalysis, Mention, Unit } from '../analysis';
import type { GlossaryIndex } from '../glossary/index';
import type { Words } from '../match/tokens';
import { countBefore } from '../search';
import { partMarkers } from './claim-scopes';
import { CONTRASTING, CUE_WORDS, HEDGE, HISTORY, META, NEGATING, SELLING, START_WORDS, WH_WORDS } from './claim-words';

export interface UnitCues {
  /** The unit asks, compares, tells a history or a career, hedges or talks about names: no claim. */
  silent: boolean;
  /** The same without the question: it compares, tells a history, hedges or talks about names. */
  doubts: boolean;
  /** The first token of a history, a career, a hedge or talk about names (unit.end when none): a claim must end before it. */
  doubt: number;
  /**
   * The first token a claim may use: after an opening condition that closes with a comma or colon
   * ("If I'm honest, KPO work is rule-based"), the main clause may claim; the condition itself may not.
   */
  from: number;
  /** The first token that denies or excludes (unit.end when none): a claim must end before it (within its clause). */
  negation: number;
  /** Where each clause that a colon or semicolon opens starts (a denial does not reach past them). */
  breaks: number[];
  /** A question that introduces content ("What does our KPO practice include?"), not one that doubts it. */
  whQuestion: boolean;
  /** The unit compares ("than", "compared with", "unlike"): cost traits, which are relative, make no claim then. */
  compares: boolean;
  /** KPO and BPO mentions of the unit that may make a claim, in order (not "unlike BPO", "rather than KPO", not in an opening condition). */
  markers: Mention[];
}

/** Whether a side mention (or a task) is the thing compared against: "unlike BPO", "compared with KPO", "rather than BPO". */
export function contrasted(words: Words, m: Mention, unit: Unit): boolean {
  for (let k = m.first - 1; k >= Math.max(unit.first, m.first - 3); k--) {
    if (/^(unlike|than|versus|vs|instead|opposed|contrast|compared|comparison|besides|beyond)$/.test(words.lower(k))) return true;
    if (words.before(k + 1) !== '') return false;
  }
  return false;
}

/**
 * The cues of the unit read last. The rules ask for a unit's cues once per phrase in it, one unit
 * after another; keeping every unit's cues (as this once did) held about 10 bytes per word of a
 * document for no gain, since a second rule that asks again costs one scan of the unit.
 */
let cached: { unit: Unit; stamp: number; index: GlossaryIndex; cues: UnitCues } | undefined;

/** A number per analysis, so that the cache above tells analyses apart without keeping one alive. */
const stamps = new WeakMap<DocumentAnalysis, number>();
let lastStamp = 0;
function stampOf(analysis: DocumentAnalysis): number {
  let stamp = stamps.get(analysis);
  if (stamp === undefined) stamps.set(analysis, (stamp = ++lastStamp));
  return stamp;
}

/** The cues of a unit. */
export function cuesOf(analysis: DocumentAnalysis, index: GlossaryIndex, unit: Unit): UnitCues {
  const block = analysis.blocks[unit.block];
  // Per analysis: a unit kept across an edit may have a new heading above it (see claim-scopes.ts).
  const stamp = stampOf(analysis);
  if (cached && cached.unit === unit && cached.stamp === stamp && cached.index === index) return cached.cues;
  let markers = inUnit(block.mentions, unit).filter((m) => index.sideOf(m.ref.entry) !== undefined);
  // A part that the heading above names as one side ("### Lot 2: Research services (KPO)") stands for it.
  const parts = partMarkers(analysis, index, unit);
  if (parts.length > 0) {
    const all = inUnit(block.mentions, unit);
    const free = parts.filter((p) => !all.some((m) => m.first <= p.last && p.first <= m.last));
    if (free.length > 0) markers = [...markers, ...free].sort((a, b) => a.first - b.first);
  }
  // The packed words, not Token objects: every unit of every sided block is read here.
  const words = block.words;
  const question = endsWithQuestion(analysis.text, block, unit);
  const whQuestion = question && WH_WORDS.has(words.lower(unit.first));
  let doubts = false;
  let compares = false;
  let doubt = unit.end;
  let negation = unit.end;
  let from = unit.first;
  for (let i = unit.first; i < unit.end && !doubts; i++) {
    const w = words.lower(i);
    if (!CUE_WORDS.has(w) && !(w.length > 3 && w.endsWith("n't"))) continue;
    const next = i + 1 < words.length ? words.lower(i + 1) : '';
    const next2 = i + 2 < words.length ? words.lower(i + 2) : '';
    let doubtful = (META.has(w) && (!SELLING.has(w) || next === 'as' || next2 === 'as')) || HISTORY.has(w) || HEDGE.has(w) || (w === 'used' && next === 'to') || (w === 'see' && next === 'also');
    // "If you need payroll, hire a BPO vendor": advice, not a hedge.
    if (w === 'if' && /^(you|you're|your|the|a)$/.test(next) && /^(need|needs|want|wants|require|requires|client|wondering|asking|curious)$/.test(next2)) doubtful = false;
    if (START_WORDS.has(w) && /^(in|as|out)$/.test(next)) doubtful = true;
    // "If I'm honest, …", "Don't worry if you have never worked in research: …": a condition that opens
    // the unit and closes with a comma or colon leaves the main clause after it free to claim.
    if (w === 'if' && doubtful && i - unit.first <= 3 && from === unit.first) {
      let close = i + 1;
      while (close < unit.end && close - i <= 12 && !/[,:]/.test(words.before(close))) close++;
      if (close < unit.end && close - i <= 12 && /[,:]/.test(words.before(close))) {
        from = close;
        i = close - 1;
        continue;
      }
    }
    if (CONTRASTING.has(w)) compares = true;
    if (doubtful && doubt === unit.end) doubt = i;
    else if (negation === unit.end && (NEGATING.has(w) || w.endsWith("n't") || ((w === 'other' || w === 'apart' || w === 'outside') && /^(than|from|of)$/.test(next)) || (i > unit.first + 1 && (w === 'unlike' || (w === 'opposed' && next === 'to'))))) negation = i;
  }
  if (doubt < unit.end && unit.end - unit.first < 4) doubts = true;
  const breaks: number[] = [];
  for (let i = unit.first + 1; i < unit.end; i++) if (/[;:]/.test(words.before(i))) breaks.push(i);
  const cues: UnitCues = { silent: question || doubts, doubts: doubts || doubt < unit.end || compares, doubt, from, negation, breaks, whQuestion, compares, markers: markers.filter((m) => m.first >= from && !contrasted(words, m, unit)) };
  cached = { unit, stamp, index, cues };
  return cues;
}

/** The denial that reaches a phrase at `at`: the first one, unless a colon or semicolon closes its clause before the phrase. */
export function negationBefore(cues: UnitCues, at: number): number {
  const n = cues.negation;
  if (n >= at) return n;
  return cues.breaks.some((b) => b > n && b <= at) ? Number.MAX_SAFE_INTEGER : n;
}

/**
 * Whether a block can hold a claim at all: it names a side, or it is a list item or table row (which
 * take a side from their context). Most paragraphs name no side, and are skipped at once.
 */
export function mayClaim(index: GlossaryIndex, block: BlockAnalysis): boolean {
  const kind = block.block.kind;
  if (kind === 'list-item' || kind === 'table-row') return true;
  let known = sidedBlocks.get(block);
  if (known === undefined || known.index !== index || known.mentions !== block.mentions) {
    known = { index, mentions: block.mentions, sided: block.mentions.some((m) => index.sideOf(m.ref.entry) !== undefined) };
    sidedBlocks.set(block, known);
  }
  return known.sided;
}
const sidedBlocks = new WeakMap<BlockAnalysis, { index: GlossaryIndex; mentions: Mention[]; sided: boolean }>();

function endsWithQuestion(text: string, block: BlockAnalysis, unit: Unit): boolean {
  const words = block.words;
  const after = unit.end < words.length ? words.before(unit.end) : text.slice(words.end(unit.end - 1), Math.min(block.block.end, words.end(unit.end - 1) + 8));
  return after.includes('?');
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
