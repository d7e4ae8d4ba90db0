// Finds "ACR (Expansion)" and "Expansion (ACR)": an acronym mention and a worded mention of a glossary
// entry with only an opening parenthesis between them and a closing one right after.

import type { DocumentAnalysis, Mention } from '../analysis';

export interface AcronymPair {
  acronym: Mention;
  expansion: Mention;
  acronymFirst: boolean;
  /** From the first mention to the closing parenthesis. */
  start: number;
  end: number;
}

const cache = new WeakMap<DocumentAnalysis, AcronymPair[]>();

/** The pairs of a document, found once per analysis (several rules ask). */
export function parenthesisedPairs(analysis: DocumentAnalysis): AcronymPair[] {
  let pairs = cache.get(analysis);
  if (!pairs) {
    pairs = findPairs(analysis);
    cache.set(analysis, pairs);
  }
  return pairs;
}

/** The definition pair ("Expansion (ACR)" of one entry) that a mention belongs to, if any. */
export function definitionPairOf(analysis: DocumentAnalysis, mention: Mention): AcronymPair | undefined {
  return parenthesisedPairs(analysis).find(
    (p) => (p.acronym === mention || p.expansion === mention) && p.acronym.ref.entry === p.expansion.ref.entry,
  );
}

function findPairs(analysis: DocumentAnalysis): AcronymPair[] {
  const text = analysis.text;
  const pairs: AcronymPair[] = [];
  for (const block of analysis.blocks) {
    const mentions = block.mentions;
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
  }
  return pairs;
}
