// Parts of a document that a heading names as one side: RFPs and sourcing memos split their scope
// into lots or packages and give each a heading ("### Lot 2: Research and analytics services (KPO)",
// "### 3.1 Package A (BPO, nearshore, Kraków)"). Under such a heading, the part's name stands for its
// side: "Lot 2 services are rule-based" says "rule-based" of KPO. Only the nearest heading counts,
// and only when it names the part first and one side alone; the claim's message quotes the heading.

import type { BlockAnalysis, DocumentAnalysis, Mention, Unit } from '../analysis';
import type { GlossaryIndex } from '../glossary/index';
import type { Words } from '../match/tokens';

/** Nouns that name a part of a tender or a sourcing plan. */
const PART_NOUNS = new Set(['lot', 'package', 'workstream', 'tranche']);

/** A part named by a heading, and the side mention of that heading. */
export interface NamedPart {
  /** The part's noun and its number or letter, as written ("Lot", "2"). */
  noun: string;
  id: string;
  /** The heading's KPO or BPO mention. */
  side: Mention;
  /** The heading (the block itself: its index changes when an edit adds or removes blocks above it). */
  heading: BlockAnalysis;
}

/** The number or letter after a part noun: "2", "B" (one capital letter). */
function partId(words: Words, i: number): string | undefined {
  if (i >= words.length || !words.joins(i)) return undefined;
  const text = words.text(i);
  return /^(\d{1,2}|[A-Z])$/.test(text) ? text : undefined;
}

const partCache = new WeakMap<BlockAnalysis, { index: GlossaryIndex; mentions: Mention[]; part: NamedPart | undefined }>();

/** The part a heading names, if it opens with one ("Lot 2: …", "3.1 Package A (BPO, …)"), says what it is, and names one side only and no other part. */
export function headingPart(analysis: DocumentAnalysis, index: GlossaryIndex, heading: number): NamedPart | undefined {
  const block = analysis.blocks[heading];
  const cached = partCache.get(block);
  if (cached && cached.index === index && cached.mentions === block.mentions) return cached.part;
  let part: NamedPart | undefined;
  const words = block.words;
  // Section numbers may come first ("3.1 Package A").
  let k = 0;
  while (k < words.length && k < 3 && /^\d+$/.test(words.lower(k))) k++;
  const id = PART_NOUNS.has(words.lower(k)) ? partId(words, k + 1) : undefined;
  // The name, then what the part is: "Lot 2: …", "Package A (BPO, …)", "Lot 1 — …" (not "Lot 2 and the BPO lot").
  const says = k + 2 < words.length && /[:(\u2014\u2013-]/.test(words.before(k + 2));
  let others = false;
  for (let i = k + 2; i < words.length; i++) if (PART_NOUNS.has(words.lower(i))) others = true;
  if (id !== undefined && says && !others) {
    const sides = block.mentions.filter((m) => index.sideOf(m.ref.entry) !== undefined);
    if (sides.length > 0 && sides.every((m) => index.sideOf(m.ref.entry) === index.sideOf(sides[0].ref.entry)) && sides[0].first > k + 1) {
      part = { noun: words.lower(k), id, side: sides[0], heading: block };
    }
  }
  partCache.set(block, { index, mentions: block.mentions, part });
  return part;
}

/** The part named by the heading right above block `b` (not for a heading itself). */
export function partAbove(analysis: DocumentAnalysis, index: GlossaryIndex, b: number): NamedPart | undefined {
  if (analysis.blocks[b].block.kind === 'heading') return undefined;
  const heading = analysis.contexts[b]?.heading;
  return heading === undefined ? undefined : headingPart(analysis, index, heading);
}

/**
 * The mentions of the part named by the heading above a unit, as side markers: each stands for the
 * heading's side mention (same glossary reference), over the words "Lot 2".
 */
export function partMarkers(analysis: DocumentAnalysis, index: GlossaryIndex, unit: Unit): Mention[] {
  const part = partAbove(analysis, index, unit.block);
  if (!part) return [];
  const words = analysis.blocks[unit.block].words;
  const markers: Mention[] = [];
  for (let i = unit.first; i + 1 < unit.end; i++) {
    if (words.lower(i) === part.noun && partId(words, i + 1) === part.id) {
      const marker: Mention = { ref: part.side.ref, start: words.start(i), end: words.end(i + 1), block: unit.block, first: i, last: i + 1 };
      partOf.set(marker, part);
      markers.push(marker);
    }
  }
  return markers;
}

/** The part a marker made by `partMarkers` names (undefined for a real KPO or BPO mention). */
export function partOfMarker(marker: Mention): NamedPart | undefined {
  return partOf.get(marker);
}
const partOf = new WeakMap<Mention, NamedPart>();
