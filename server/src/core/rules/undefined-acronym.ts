// acronym/undefined: the first use of a glossary acronym comes before the document has defined it.
// Definitions count in every form writers use (definitions.ts: "Expansion (ACR)", "ACR (Expansion)",
// "Expansion, or ACR,", "ACR stands for Expansion", across links, emphasis and line breaks), in any
// block, the title heading included; uses in headings do not count (titles use the short form, and the
// definition belongs in the text below). A wrong or variant expansion is a definition too: the other
// rules report it, and expanding the acronym again would nest one expansion in another. Acronyms the
// glossary marks `wellKnown` (HR, IT) need no definition.
//
// The fix writes the expansion at the first use. It is safe only where it cannot be wrong: the
// document defines the acronym nowhere (else the writer should move that definition up), the acronym
// stands as a word of its own (not "KPO-led", "KPO/BPO", a plural, a possessive or inside
// parentheses) and not inside a link's text.

import type { DocumentAnalysis, Mention } from '../analysis';
import type { Rule } from './rule';
import type { Fix } from '../types';
import { documentDefinitions } from './definitions';
import { insideLinkText } from './fixes';

export const undefinedAcronym: Rule = {
  id: 'acronym/undefined',
  description: 'The first use of a glossary acronym comes before the document has defined it.',
  defaultSeverity: 'info',
  fixable: true,
  check({ analysis, index, report }) {
    const text = analysis.text;
    const definitions = documentDefinitions(analysis);
    // The first definition of each acronym (as written: entries may share one), and the acronyms of definitions.
    const firstDefinition = new Map<string, number>();
    const defining = new Set<Mention>();
    for (const d of definitions) {
      const acronym = d.acronym.ref.entry.acronym!;
      if (!firstDefinition.has(acronym)) firstDefinition.set(acronym, d.start);
      defining.add(d.acronym);
    }
    // Only the first use of each acronym counts: once every acronym of the glossary has been seen,
    // the rest of the document has nothing to report (this rule reads the whole document on every
    // lint, so it stops early).
    let unseen = new Set(index.acronyms.map((e) => e.acronym!)).size;
    const seen = new Set<string>();
    const mentions = analysis.mentions;
    for (let i = 0; i < mentions.length; i++) {
      const mention = mentions[i];
      if (unseen === 0) break;
      if (mention.ref.kind !== 'acronym') continue;
      const entry = mention.ref.entry;
      const acronym = entry.acronym!;
      if (seen.has(acronym)) continue;
      const block = analysis.blocks[mention.block];
      if (block.block.kind === 'heading' || inRunInHeading(analysis, mention)) continue;
      seen.add(acronym);
      unseen--;
      if (entry.wellKnown || defining.has(mention)) continue;
      const defined = firstDefinition.get(acronym);
      if (defined !== undefined && defined <= mention.start) continue;
      // Its own words right next to it read as a definition in a form not known here: silent when unsure.
      const near = spelledOut(text, mentions, i, acronym);
      if (near === 'adjacent') continue;
      const written = text.slice(mention.start, mention.end);
      const expansions = index.expansionsOf(acronym);
      const newText = `${expansionAt(analysis, mention, entry.term)} (${written})`;
      let fixes: Fix[];
      if (expansions.length > 1) {
        // Two real expansions (RPO is recruitment or research process outsourcing): one suggestion for
        // each, none put first; the writer chooses.
        fixes = expansions.map((e) => {
          const expanded = `${expansionAt(analysis, mention, e.term)} (${written})`;
          return { title: `Expand to “${expanded}”`, edits: [{ start: mention.start, end: mention.end, newText: expanded }] };
        });
      } else {
        const fix: Fix = { title: `Expand to “${newText}”`, edits: [{ start: mention.start, end: mention.end, newText }] };
        // Safe only when nothing else could be meant: no definition anywhere, no expansion in the paragraph.
        if (defined === undefined && near === undefined && standsAlone(analysis, mention)) fix.safe = true;
        else fix.preferred = true;
        fixes = [fix];
      }
      report({
        start: mention.start,
        end: mention.end,
        message: expansions.length > 1
          ? `“${written}” is used before it is defined: spell it out here (${expansions.map((e) => `“${e.term}”`).join(' or ')}).`
          : `“${written}” is used before it is defined: spell it out here, as “${newText}”.`,
        detail: defined !== undefined ? 'The document defines it further down: move that definition to its first use.' : undefined,
        fixes,
        entryId: entry.id,
      });
    }
  },
};

/**
 * Whether a mention is in a run-in heading: the bold words a paragraph or list item opens with, ending
 * in "?" or ":" ("**What about LPO and RPO?** Legal process outsourcing (LPO) is …"), which read as a
 * heading. A bold sentence ("**Option B: a BPO vendor, plus a KPO partner.**") is text.
 */
function inRunInHeading(analysis: DocumentAnalysis, mention: Mention): boolean {
  const block = analysis.blocks[mention.block].block;
  const text = analysis.text;
  let i = block.start;
  while (i < mention.start && /[\s>*+\-\d.)#]/.test(text[i]) && !text.startsWith('**', i) && !text.startsWith('__', i)) i++;
  const marker = text.slice(i, i + 2);
  if (marker !== '**' && marker !== '__') return false;
  const close = text.indexOf(marker, i + 2);
  return close > mention.start && close - i < 120 && /[?:]\s*$/.test(text.slice(i + 2, close)) && !/\n\s*\n/.test(text.slice(i, close));
}

/** The expansion as it should read at the mention: capitalised when it starts a sentence. */
function expansionAt(analysis: DocumentAnalysis, mention: Mention, term: string): string {
  const block = analysis.blocks[mention.block];
  const startsUnit = block.units.some((u) => u.first === mention.first);
  return startsUnit ? term.charAt(0).toUpperCase() + term.slice(1) : term;
}

/**
 * Whether the acronym is a word of its own that an expansion can be written around: not joined to
 * other words ("KPO-led", "KPO/BPO"), not a plural or possessive, not in parentheses or a link's text,
 * and not a count noun for a firm ("a BPO in Gurgaon", "a specialist KPO with centres in …"), where
 * "a Business Process Outsourcing (BPO) in Gurgaon" would not read.
 */
function standsAlone(analysis: DocumentAnalysis, mention: Mention): boolean {
  const text = analysis.text;
  const block = analysis.blocks[mention.block];
  if (mention.ref.plural || insideLinkText(block.block, mention.start, mention.end)) return false;
  const before = text[mention.start - 1] ?? ' ';
  const after = text[mention.end] ?? ' ';
  if (/[-/(\u2010\u2011'’\p{L}\p{N}]/u.test(before) || /[-/)\u2010\u2011'’\p{L}\p{N}]/u.test(after)) return false;
  const tokens = block.tokens;
  const next = tokens[mention.last + 1];
  const nounFollows = next !== undefined && next.joins && !FUNCTION_WORDS.has(next.lower);
  for (let k = mention.first - 1; k >= Math.max(0, mention.first - 3); k--) {
    if (COUNTING.has(tokens[k].lower)) return nounFollows;
    if (!tokens[k + 1].joins) break;
  }
  return true;
}

/** Words that make the next noun countable: "a BPO", "another KPO". */
const COUNTING = new Set(['a', 'an', 'another', 'one', 'each', 'every', 'any', 'which', 'what']);
/** Words that cannot be the noun an acronym modifies: "a KPO in Pune", "a KPO that …". */
const FUNCTION_WORDS = new Set(['in', 'at', 'on', 'with', 'that', 'which', 'who', 'whose', 'and', 'or', 'but', 'of', 'for', 'to', 'from', 'by', 'as', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'can', 'could', 'would', 'should', 'may', 'might', 'must', 'than', 'where', 'when', 'while', 'if', 'so', 'like']);

/**
 * Where the acronym's own expansion (any entry with that acronym) is written next to mention `i`:
 * 'adjacent' (only punctuation or "or" between: a definition in a form not known here) or 'block'
 * (elsewhere in its paragraph: an expansion there makes a written-in one a guess).
 */
function spelledOut(text: string, mentions: readonly Mention[], i: number, acronym: string): 'adjacent' | 'block' | undefined {
  const at = mentions[i];
  let found: 'block' | undefined;
  const own = (m: Mention) => m.ref.kind !== 'acronym' && m.ref.entry.acronym === acronym;
  const adjacent = (gap: string) => gap.length <= 12 && /^[\s,;:"'“”‘’()\u2014\u2013-]*(?:or|aka|i\.e\.)?[\s,;:"'“”‘’()\u2014\u2013-]*$/i.test(gap);
  for (let j = i - 1; j >= 0 && mentions[j].block === at.block; j--) {
    if (!own(mentions[j])) continue;
    if (adjacent(text.slice(mentions[j].end, at.start))) return 'adjacent';
    found = 'block';
  }
  for (let j = i + 1; j < mentions.length && mentions[j].block === at.block; j++) {
    if (!own(mentions[j])) continue;
    if (adjacent(text.slice(at.end, mentions[j].start))) return 'adjacent';
    found = 'block';
  }
  return found;
}
