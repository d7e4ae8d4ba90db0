// Finds "ACR (Expansion)" and "Expansion (ACR)": an acronym mention and a worded mention of a glossary
// entry with only an opening parenthesis between them and a closing one right after.

import type { BlockAnalysis, DocumentAnalysis, Mention } from '../analysis';

export interface AcronymPair {
  acronym: Mention;
  expansion: Mention;
  acronymFirst: boolean;
  /** From the first mention to the closing parenthesis. */
  start: number;
  end: number;
}

// Pairs never span blocks, so they are found per block, once per block analysis (several rules ask,
// and an edit re-analyses only the blocks it touched). A block the engine moved since (an edit
// before it) has its pairs moved with it.
const byBlock = new WeakMap<BlockAnalysis, { at: number; pairs: AcronymPair[] }>();
const byDocument = new WeakMap<DocumentAnalysis, AcronymPair[]>();

/** The pairs of a document, in document order. */
export function parenthesisedPairs(analysis: DocumentAnalysis): AcronymPair[] {
  let pairs = byDocument.get(analysis);
  if (!pairs) {
    pairs = [];
    for (const block of analysis.blocks) {
      if (block.mentions.length < 2) continue;
      for (const pair of blockPairs(analysis.text, block)) pairs.push(pair);
    }
    byDocument.set(analysis, pairs);
  }
  return pairs;
}

/** The pairs of one block. */
export function blockPairs(text: string, block: BlockAnalysis): AcronymPair[] {
  if (block.mentions.length < 2) return NONE;
  const at = block.block.start;
  let cached = byBlock.get(block);
  if (!cached) {
    cached = { at, pairs: findPairs(text, block.mentions) };
    byBlock.set(block, cached);
  } else if (cached.at !== at) {
    const delta = at - cached.at;
    for (const pair of cached.pairs) {
      pair.start += delta;
      pair.end += delta;
    }
    cached.at = at;
  }
  return cached.pairs;
}

const NONE: AcronymPair[] = [];

/** The definition pair ("Expansion (ACR)" of one entry) that a mention belongs to, if any. */
export function definitionPairOf(analysis: DocumentAnalysis, mention: Mention): AcronymPair | undefined {
  const pairs = blockPairs(analysis.text, analysis.blocks[mention.block]);
  let byMention = pairIndex.get(pairs);
  if (!byMention) {
    byMention = new Map();
    for (const p of pairs) {
      if (p.acronym.ref.entry !== p.expansion.ref.entry) continue;
      byMention.set(p.acronym, p);
      byMention.set(p.expansion, p);
    }
    pairIndex.set(pairs, byMention);
  }
  return byMention.get(mention);
}

/** Definition pairs by their mentions, per list of a block's pairs. */
const pairIndex = new WeakMap<AcronymPair[], Map<Mention, AcronymPair>>();

function findPairs(text: string, mentions: Mention[]): AcronymPair[] {
  const pairs: AcronymPair[] = [];
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i];
    const b = mentions[i + 1];
    const aAcronym = a.ref.kind === 'acronym';
    const bAcronym = b.ref.kind === 'acronym';
    if (aAcronym === bAcronym) continue;
    if (!/^[ \t]*\([ \t]*$/.test(text.slice(a.end, b.start))) continue;
    const close = /^[ \t]*\)/.exec(text.slice(b.end, b.end + 8));
    if (!close) continue;
    const acronym = aAcronym ? a : b;
    const expansion = aAcronym ? b : a;
    if (!expansion.ref.entry.acronym) continue;
    pairs.push({ acronym, expansion, acronymFirst: aAcronym, start: a.start, end: b.end + close[0].length });
  }
  return pairs;
}
