// Acronym definitions in the forms writers use, found per block over its tokens, so that markup
// between the words (a link around the expansion, emphasis around the acronym, a line break before
// "(KPO)") never hides one:
//   parenthesised:  "Knowledge Process Outsourcing (KPO)", "KPO (Knowledge Process Outsourcing)",
//                   "Knowledge Process Outsourcing (or KPO)", "KPO (short for Knowledge Process Outsourcing)"
//   apposition:     "Knowledge Process Outsourcing, or KPO,", "Knowledge Process Outsourcing — KPO —",
//                   "Knowledge Process Outsourcing, also known as KPO"
//   stands for:     "KPO stands for Knowledge Process Outsourcing", "KPO is short for …", "KPO means …"
//   acronym first:  "KPO, knowledge process outsourcing (…)", "“KPO” or “knowledge process outsourcing” means"
// The expansion may be the acronym's own term or alias ('same'), a listed variant of it ('variant',
// which term/preferred corrects), another entry's name ('other': a wrong expansion), or words that
// name no entry but read as an attempt at the expansion ('unknown': "Information Process Outsourcing
// (KPO)", also a wrong expansion). Apposition is only read with the acronym's own words: "Business
// Process Outsourcing, or KPO" may be a list of two, so it is no definition at all.

import type { BlockAnalysis, DocumentAnalysis, Mention } from '../analysis';
import type { Token } from '../match/tokens';
import type { GlossaryEntry } from '../types';
import { countBefore } from '../search';

export type ExpansionMatch = 'same' | 'variant' | 'other' | 'unknown';

export interface AcronymDefinition {
  /** The acronym as written. */
  acronym: Mention;
  /** The expansion when its words name a glossary entry. */
  expansion?: Mention;
  /** Where the expansion's words are (the mention's range, or the unknown words). */
  expansionStart: number;
  expansionEnd: number;
  match: ExpansionMatch;
  form: 'parenthesised' | 'apposition' | 'stands-for' | 'heading';
  /** Whether the acronym is written before its expansion. */
  acronymFirst: boolean;
  /** From the first word to the closing parenthesis (or the last word). */
  start: number;
  end: number;
}

/** Words that may stand between "(" and the acronym, or after the expansion: "(or KPO)", "(hereafter KPO)". */
const CUES_BEFORE_ACRONYM = new Set(['or', 'aka', 'also', 'known', 'as', 'called', 'abbreviated', 'commonly', 'often', 'simply', 'usually', 'hereafter', 'hereinafter', 'henceforth', 'the', 'term', 'acronym', 'abbreviation', 'shortened', 'to', 'referred']);
/** Words after the acronym inside its parentheses: "(KPO for short)". */
const CUES_AFTER_ACRONYM = new Set(['for', 'short']);
/** Words between an acronym and its expansion: "KPO stands for", "KPO (short for", "KPO, i.e.". */
const CUES_STANDS_FOR = new Set(['stands', 'stand', 'for', 'is', 'short', 'means', 'meaning', 'mean', 'refers', 'refer', 'to', 'an', 'a', 'the', 'abbreviation', 'acronym', 'of', 'shorthand', 'expands', 'expand', 'i', 'e', 'ie', 'that']);
/** At least one of these must be among the stands-for cues (so that "KPO is the Knowledge…" is not one). */
const DEFINING_WORDS = new Set(['stands', 'stand', 'short', 'means', 'meaning', 'mean', 'refers', 'refer', 'abbreviation', 'acronym', 'shorthand', 'expands', 'expand', 'i', 'ie']);
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'on', 'a', 'an', '&']);

const byBlock = new WeakMap<BlockAnalysis, { at: number; definitions: AcronymDefinition[] }>();
const byDocument = new WeakMap<DocumentAnalysis, AcronymDefinition[]>();
const NONE: AcronymDefinition[] = [];

/** The definitions of a document, in document order. */
export function documentDefinitions(analysis: DocumentAnalysis): AcronymDefinition[] {
  let all = byDocument.get(analysis);
  if (!all) {
    all = [];
    for (const block of analysis.blocks) for (const d of blockDefinitions(analysis.text, block)) all.push(d);
    byDocument.set(analysis, all);
  }
  return all;
}

/** The definitions of one block (cached per block analysis; moved with the block after an edit before it). */
export function blockDefinitions(text: string, block: BlockAnalysis): AcronymDefinition[] {
  if (block.mentions.length === 0) return NONE;
  const at = block.block.start;
  let cached = byBlock.get(block);
  if (!cached) {
    cached = { at, definitions: findDefinitions(text, block) };
    byBlock.set(block, cached);
  } else if (cached.at !== at) {
    const delta = at - cached.at;
    for (const d of cached.definitions) {
      d.start += delta;
      d.end += delta;
      d.expansionStart += delta;
      d.expansionEnd += delta;
    }
    cached.at = at;
  }
  return cached.definitions;
}

/** The definition an acronym or expansion mention belongs to, if any. */
export function definitionOf(analysis: DocumentAnalysis, mention: Mention): AcronymDefinition | undefined {
  for (const d of blockDefinitions(analysis.text, analysis.blocks[mention.block])) {
    if (d.acronym === mention || d.expansion === mention) return d;
  }
  return undefined;
}

function findDefinitions(text: string, block: BlockAnalysis): AcronymDefinition[] {
  const { mentions } = block;
  let any = false;
  for (const m of mentions) {
    if (m.ref.kind === 'acronym') {
      any = true;
      break;
    }
  }
  if (!any) return NONE;
  const tokens = block.tokens;
  const found: AcronymDefinition[] = [];
  // Mentions by their first and last token (mentions are sorted and do not overlap: binary search).
  const endingAt = { get: (k: number) => mentionAt(mentions, k, 'last') };
  const startingAt = { get: (k: number) => mentionAt(mentions, k, 'first') };
  for (const acronym of mentions) {
    if (acronym.ref.kind !== 'acronym' || acronym.first !== acronym.last) continue;
    const a = acronym.first;
    const d =
      expansionBefore(text, block, tokens, a, acronym, endingAt) ??
      expansionAfter(text, block, tokens, a, acronym, startingAt) ??
      inHeading(block, acronym) ??
      inTableRow(text, block, tokens, acronym, startingAt) ??
      asGlossaryTerm(text, block, tokens, acronym, startingAt);
    if (d) found.push(d);
  }
  return found.length > 0 ? found : NONE;
}

/**
 * A heading that names an acronym and its expansion, in any order ("# KPO vs BPO: Knowledge Process
 * Outsourcing and Business Process Outsourcing compared"): a title that defines what it names.
 */
function inHeading(block: BlockAnalysis, acronym: Mention): AcronymDefinition | undefined {
  if (block.block.kind !== 'heading') return undefined;
  const expansion = block.mentions.find((m) => m.ref.kind !== 'acronym' && m.ref.kind !== 'avoid' && sameAcronym(m.ref.entry, acronym));
  if (!expansion) return undefined;
  return definition(acronym, expansion, 'same', 'heading', acronym.first < expansion.first, Math.min(acronym.start, expansion.start), Math.max(acronym.end, expansion.end));
}

/**
 * A glossary table row: the acronym alone in its cell, the next cell opening with its expansion
 * ("| LPO | Legal Process Outsourcing: the delegation of … |").
 */
function inTableRow(text: string, block: BlockAnalysis, tokens: Token[], acronym: Mention, startingAt: MentionLookup): AcronymDefinition | undefined {
  if (block.block.kind !== 'table-row') return undefined;
  const a = acronym.first;
  const cell = tokens[a].cell;
  if ((a > 0 && tokens[a - 1].cell === cell) || a + 1 >= tokens.length || tokens[a + 1].cell !== (cell ?? 0) + 1) return undefined;
  const first = a + 1;
  const expansion = startingAt.get(first);
  if (expansion && expansion.ref.kind !== 'acronym' && sameAcronym(expansion.ref.entry, acronym)) return definition(acronym, expansion, expansion.ref.kind === 'avoid' ? 'variant' : 'same', 'apposition', true, acronym.start, expansion.end);
  // Unknown words up to a colon, a dash or the end of the cell.
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].cell === tokens[first].cell && tokens[last + 1].joins && last - first < 6) last++;
  const ends = last + 1 >= tokens.length || tokens[last + 1].cell !== tokens[first].cell || /[:\u2014\u2013]/.test(tokens[last + 1].before);
  if (!ends || !looksLikeExpansion(text, tokens, first, last, acronym.ref.entry)) return undefined;
  return { acronym, expansionStart: tokens[first].start, expansionEnd: tokens[last].end, match: 'unknown', form: 'apposition', acronymFirst: true, start: acronym.start, end: tokens[last].end };
}

/**
 * A glossary page's entry: the acronym alone and in bold at the start of a paragraph or list item, its
 * expansion opening the next line or following a colon or dash ("**ITO**⏎Information Technology
 * Outsourcing: the contracting of …", "**LPO** — Legal Process Outsourcing, …").
 */
function asGlossaryTerm(text: string, block: BlockAnalysis, tokens: Token[], acronym: Mention, startingAt: MentionLookup): AcronymDefinition | undefined {
  if (acronym.first !== 0 || tokens.length < 3 || (block.block.kind !== 'paragraph' && block.block.kind !== 'list-item')) return undefined;
  const lead = text.slice(block.block.start, acronym.start);
  const after = text.slice(acronym.end, tokens[1].start);
  if (!/(\*\*|__)\s*$/.test(lead) || !/^(\*\*|__)/.test(after) || !/^(\*\*|__)\s*(\n|[:\u2014\u2013]|\s[\u2014\u2013]\s?)\s*$/.test(after)) return undefined;
  const expansion = startingAt.get(1);
  if (expansion && expansion.ref.kind !== 'acronym') {
    if (sameAcronym(expansion.ref.entry, acronym)) return definition(acronym, expansion, expansion.ref.kind === 'avoid' ? 'variant' : 'same', 'apposition', true, acronym.start, expansion.end);
    if (expansion.ref.entry.acronym && expansion.ref.kind !== 'avoid') return definition(acronym, expansion, 'other', 'apposition', true, acronym.start, expansion.end);
    return undefined;
  }
  // Unknown words up to a colon, a dash, a comma or a parenthesis.
  let last = 1;
  while (last + 1 < tokens.length && tokens[last + 1].joins && last < 7) last++;
  if (last + 1 < tokens.length && !/^[:,(\u2014\u2013]/.test(tokens[last + 1].before)) return undefined;
  if (!looksLikeExpansion(text, tokens, 1, last, acronym.ref.entry)) return undefined;
  return { acronym, expansionStart: tokens[1].start, expansionEnd: tokens[last].end, match: 'unknown', form: 'apposition', acronymFirst: true, start: acronym.start, end: tokens[last].end };
}

/** The mention whose first (or last) token is `k`, if any. */
function mentionAt(mentions: Mention[], k: number, end: 'first' | 'last'): Mention | undefined {
  const m = mentions[countBefore(mentions.length, (i) => mentions[i][end] < k)];
  return m !== undefined && m[end] === k ? m : undefined;
}

type MentionLookup = { get(k: number): Mention | undefined };

/** "Expansion (ACR)", "Expansion (or ACR)", "Expansion, or ACR,", "Expansion — ACR". */
function expansionBefore(text: string, block: BlockAnalysis, tokens: Token[], a: number, acronym: Mention, endingAt: MentionLookup): AcronymDefinition | undefined {
  // Cue words between the expansion and the acronym ("or", "also known as", "hereafter").
  let k = a;
  while (k - 1 >= 0 && a - k < 4 && CUES_BEFORE_ACRONYM.has(tokens[k - 1].lower) && onlyQuotes(tokens[k].before)) k--;
  // k is the first token after the expansion (a cue word or the acronym); its gap says the form.
  if (k === 0) return undefined;
  const gap = stripQuotes(tokens[k].before);
  const cueWords = a - k;
  if (gap === '(') {
    // "(ACR)" or "(or ACR)" / "(ACR for short)": the parenthesis must close after the acronym; or
    // "(ACR, if you want the short form …)": a comma after it, and the parenthesis closing later.
    let close = closingAfter(text, block, tokens, a, CUES_AFTER_ACRONYM);
    if (close < 0 && tokens[a + 1]?.before === ',') {
      const end = text.indexOf(')', acronym.end);
      if (end >= 0 && end < block.block.end && end - acronym.end < 160 && !text.slice(acronym.end, end).includes('(')) close = end + 1;
    }
    if (close < 0) return undefined;
    return withExpansionEndingAt(text, tokens, k - 1, acronym, endingAt, 'parenthesised', false, close);
  }
  // Apposition: "Expansion, or ACR", "Expansion — ACR", "Expansion, also called ACR". Only with the
  // acronym's own words (a list of two names reads the same).
  if ((gap === ',' && cueWords > 0) || /^[,:]?[\u2014\u2013]$/.test(gap) || (gap === '' && cueWords > 0 && tokens[a - cueWords].lower !== 'or')) {
    const expansion = endingAt.get(k - 1);
    if (!expansion || !sameAcronym(expansion.ref.entry, acronym) || expansion.ref.kind === 'acronym') return undefined;
    if (expansion.ref.kind === 'avoid') return definition(acronym, expansion, 'variant', 'apposition', false, expansion.start, acronym.end);
    return definition(acronym, expansion, 'same', 'apposition', false, expansion.start, acronym.end);
  }
  return undefined;
}

/** "ACR (Expansion)", "ACR (short for Expansion)", "ACR stands for Expansion", "ACR, short for Expansion". */
function expansionAfter(text: string, block: BlockAnalysis, tokens: Token[], a: number, acronym: Mention, startingAt: MentionLookup): AcronymDefinition | undefined {
  if (a + 1 >= tokens.length) return undefined;
  // Cue words after the acronym.
  let k = a + 1;
  let defining = false;
  while (k < tokens.length && k - a <= 5 && CUES_STANDS_FOR.has(tokens[k].lower)) {
    if (k > a + 1 && !/^["'“”‘’.,]*$/.test(tokens[k].before)) break;
    if (DEFINING_WORDS.has(tokens[k].lower)) defining = true;
    k++;
  }
  if (k >= tokens.length) return undefined;
  const opening = stripQuotes(tokens[a + 1].before);
  if (opening === '(') {
    // "ACR (Expansion)", "ACR (short for Expansion)", "ACR (for Expansion)".
    if (k > a + 1 && !defining && !(k === a + 2 && tokens[a + 1].lower === 'for')) return undefined;
    if (!onlyQuotes(tokens[k].before) && k > a + 1) return undefined;
    return withExpansionStartingAt(text, block, tokens, k, acronym, startingAt, 'parenthesised', true);
  }
  // "ACR, or Expansion": with the acronym's own words, or with words that name no entry and read as an
  // attempt at them ("BPO, or Back-office Process Outsourcing"); another entry's name may be a list.
  if (opening === ',' && tokens[a + 1].lower === 'or' && a + 2 < tokens.length && onlyQuotes(tokens[a + 2].before)) {
    const expansion = startingAt.get(a + 2);
    if (expansion && expansion.ref.kind !== 'acronym' && sameAcronym(expansion.ref.entry, acronym)) {
      return definition(acronym, expansion, expansion.ref.kind === 'avoid' ? 'variant' : 'same', 'apposition', true, acronym.start, expansion.end);
    }
    // Another kind of outsourcing ("KPO, or Business Process Outsourcing") may be a list of two.
    if (expansion?.ref.entry.acronym) return undefined;
    const unknown = unknownExpansion(text, tokens, a + 2, 1, acronym.ref.entry);
    if (!unknown || (expansion && expansion.last >= unknown[1]) || (unknown[1] + 1 < tokens.length && tokens[unknown[1] + 1].before === '')) return undefined;
    return { acronym, expansionStart: tokens[unknown[0]].start, expansionEnd: tokens[unknown[1]].end, match: 'unknown', form: 'apposition', acronymFirst: true, start: acronym.start, end: tokens[unknown[1]].end };
  }
  // "KPO, knowledge process outsourcing (…)", "“BPO” or “business process outsourcing” means": only
  // with the acronym's own words.
  const own = opening === ',' ? startingAt.get(a + 1) : opening === '' && tokens[a + 1].lower === 'or' && a + 2 < tokens.length && onlyQuotes(tokens[a + 2].before) ? startingAt.get(a + 2) : undefined;
  if (own && own.ref.kind !== 'acronym' && sameAcronym(own.ref.entry, acronym)) {
    return definition(acronym, own, own.ref.kind === 'avoid' ? 'variant' : 'same', 'apposition', true, acronym.start, own.end);
  }
  // "ACR — Expansion —": a dash apposition, with the acronym's own words or words that read as them.
  if (!defining && k === a + 1 && /^[\u2014\u2013]$/.test(opening)) {
    const d = withExpansionStartingAt(text, block, tokens, a + 1, acronym, startingAt, 'stands-for', true);
    return d && d.match !== 'other' ? { ...d, form: 'apposition' } : undefined;
  }
  // "ACR stands for Expansion", "ACR, short for Expansion", "ACR — short for Expansion".
  if (!defining || !/^[,:\u2014\u2013]?$/.test(opening)) return undefined;
  if (!/^["'“”‘’:,\u2014\u2013]*$/.test(tokens[k].before)) return undefined;
  return withExpansionStartingAt(text, block, tokens, k, acronym, startingAt, 'stands-for', true);
}

/** A definition whose expansion ends at token `last` (parenthesised acronym after it, closing at `close`). */
function withExpansionEndingAt(text: string, tokens: Token[], last: number, acronym: Mention, endingAt: MentionLookup, form: AcronymDefinition['form'], acronymFirst: boolean, close: number): AcronymDefinition | undefined {
  const expansion = endingAt.get(last);
  if (expansion && expansion.ref.kind !== 'acronym') {
    if (sameAcronym(expansion.ref.entry, acronym)) return definition(acronym, expansion, expansion.ref.kind === 'avoid' ? 'variant' : 'same', form, acronymFirst, expansion.start, close);
    if (expansion.ref.entry.acronym && expansion.ref.kind !== 'avoid') return definition(acronym, expansion, 'other', form, acronymFirst, expansion.start, close);
  }
  // The term with a word after it ("Knowledge Process Outsourcing services (KPO)") still defines it.
  const near = endingAt.get(last - 1);
  if (near && near.ref.kind !== 'acronym' && sameAcronym(near.ref.entry, acronym) && tokens[last].joins) {
    return definition(acronym, near, near.ref.kind === 'avoid' ? 'variant' : 'same', form, acronymFirst, near.start, close);
  }
  const unknown = unknownExpansion(text, tokens, last, -1, acronym.ref.entry);
  if (unknown) return { acronym, expansionStart: tokens[unknown[0]].start, expansionEnd: tokens[unknown[1]].end, match: 'unknown', form, acronymFirst, start: tokens[unknown[0]].start, end: close };
  return undefined;
}

/** A definition whose expansion starts at token `first` (after the acronym). */
function withExpansionStartingAt(text: string, block: BlockAnalysis, tokens: Token[], first: number, acronym: Mention, startingAt: MentionLookup, form: AcronymDefinition['form'], acronymFirst: boolean): AcronymDefinition | undefined {
  const parenthesised = form === 'parenthesised';
  const expansion = startingAt.get(first);
  if (expansion && expansion.ref.kind !== 'acronym') {
    const close = parenthesised ? closingAfter(text, block, tokens, expansion.last, SERVICE_WORDS) : expansion.end;
    if (close >= 0) {
      if (sameAcronym(expansion.ref.entry, acronym)) return definition(acronym, expansion, expansion.ref.kind === 'avoid' ? 'variant' : 'same', form, acronymFirst, acronym.start, close);
      if (expansion.ref.entry.acronym && expansion.ref.kind !== 'avoid') return definition(acronym, expansion, 'other', form, acronymFirst, acronym.start, close);
    }
  }
  if (parenthesised) {
    // The unknown words are all there is up to the closing parenthesis.
    let last = first;
    while (last + 1 < tokens.length && last - first < 7 && (tokens[last + 1].joins || tokens[last + 1].before === ',')) last++;
    const close = closingAfter(text, block, tokens, last, NO_WORDS);
    if (close < 0 || !looksLikeExpansion(text, tokens, first, last, acronym.ref.entry)) return undefined;
    return { acronym, expansionStart: tokens[first].start, expansionEnd: tokens[last].end, match: 'unknown', form, acronymFirst, start: acronym.start, end: close };
  }
  const unknown = unknownExpansion(text, tokens, first, 1, acronym.ref.entry);
  if (!unknown) return undefined;
  const [from, to] = unknown;
  if (to + 1 < tokens.length && tokens[to + 1].before === '' ) return undefined;
  return { acronym, expansionStart: tokens[from].start, expansionEnd: tokens[to].end, match: 'unknown', form, acronymFirst, start: acronym.start, end: tokens[to].end };
}

const NO_WORDS = new Set<string>();
/** Words that may follow an expansion inside its parentheses: "KPO (Knowledge Process Outsourcing services)". */
const SERVICE_WORDS = new Set(['services', 'service', 'firms', 'providers', 'model', 'industry', 'sector']);

/**
 * Words that read as an attempt at an entry's expansion although they name no entry: as many words as
 * the term has (one more or less; a hyphenated compound is one word), each capitalised or with the
 * acronym's initials, sharing at least one word with the term, and different from it ("Information
 * Process Outsourcing", "Back-office Process Outsourcing" for BPO; not "knowledge-based outsourcing").
 * `from` is the last word (dir -1) or the first (dir 1). Returns the token range, or undefined.
 */
function unknownExpansion(text: string, tokens: Token[], from: number, dir: 1 | -1, entry: GlossaryEntry): [number, number] | undefined {
  const acronym = entry.acronym;
  if (!acronym) return undefined;
  const termWords = entry.term.toLowerCase().split(/[\s-]+/).filter(Boolean);
  const termKey = termWords.join(' ');
  const hyphenatedTerm = /-/.test(entry.term);
  // Walk word groups (tokens joined by a hyphen) away from `from`.
  const groups: Array<[number, number]> = [];
  let i = from;
  while (groups.length < termWords.length + 1 && i >= 0 && i < tokens.length) {
    let lo = i;
    let hi = i;
    if (!hyphenatedTerm) {
      if (dir === -1) while (lo > 0 && hyphenBefore(text, tokens, lo)) lo--;
      else while (hi + 1 < tokens.length && hyphenBefore(text, tokens, hi + 1)) hi++;
    }
    groups.push([lo, hi]);
    const next = dir === -1 ? lo - 1 : hi + 1;
    if (next < 0 || next >= tokens.length || !tokens[dir === -1 ? lo : next].joins) break;
    i = next;
  }
  for (const size of [termWords.length, termWords.length + 1, termWords.length - 1]) {
    if (size < 2 || size > groups.length) continue;
    const chosen = dir === -1 ? groups.slice(0, size).reverse() : groups.slice(0, size);
    const lo = chosen[0][0];
    const hi = chosen[chosen.length - 1][1];
    const words = tokens.slice(lo, hi + 1).map((t) => t.lower);
    if (words.join(' ') === termKey) return undefined;
    if (looksLikeExpansion(text, tokens, lo, hi, entry)) return [lo, hi];
  }
  return undefined;
}

/**
 * Whether tokens [lo, hi] read as an attempt at an entry's expansion: different from its term, sharing
 * a word with it, and each word (a hyphenated compound counts as one, unless the term itself is
 * hyphenated) capitalised, or their initials the acronym's.
 */
function looksLikeExpansion(text: string, tokens: Token[], lo: number, hi: number, entry: GlossaryEntry): boolean {
  const termWords = entry.term.toLowerCase().split(/[\s-]+/).filter(Boolean);
  const words = tokens.slice(lo, hi + 1).map((t) => t.lower);
  if (words.join(' ') === termWords.join(' ') || words.length > termWords.length + 2) return false;
  if (SMALL_WORDS.has(words[0]) || SMALL_WORDS.has(words[words.length - 1]) || /^(or|see|e|eg|i|ie|not|also|both|including)$/.test(words[0])) return false;
  if (!words.some((w) => termWords.includes(w) && !SMALL_WORDS.has(w))) return false;
  const hyphenatedTerm = /-/.test(entry.term);
  const heads: number[] = [];
  for (let i = lo; i <= hi; i++) if (i === lo || hyphenatedTerm || !hyphenBefore(text, tokens, i)) heads.push(i);
  const significant = heads.filter((g) => !SMALL_WORDS.has(tokens[g].lower));
  const titled = significant.every((g) => /^\p{Lu}/u.test(tokens[g].text));
  const initials = (entry.acronym ?? '').replace(/[^A-Za-z]/g, '').toLowerCase();
  // The term with one word swapped ("IT-enabled solutions" for "IT-enabled services").
  const oneSwapped = words.length === termWords.length && termWords.length >= 3 && words.filter((w, i) => w !== termWords[i]).length === 1 && words[words.length - 1] !== termWords[termWords.length - 1];
  return titled || oneSwapped || significant.map((g) => tokens[g].lower[0]).join('') === initials;
}

/** Whether a hyphen (and nothing else) joins token `i` to the one before it. */
function hyphenBefore(text: string, tokens: Token[], i: number): boolean {
  return i > 0 && tokens[i].joins && /^[-\u2010\u2011]$/.test(text.slice(tokens[i - 1].end, tokens[i].start));
}

/**
 * Where the parenthesis closing after token `t` ends (the offset after ")"), allowing `words` (cue
 * words) and markup (emphasis, quotes) before it; -1 when no ")" follows.
 */
function closingAfter(text: string, block: BlockAnalysis, tokens: Token[], t: number, words: Set<string>): number {
  let i = t;
  while (i + 1 < tokens.length && words.has(tokens[i + 1].lower) && onlyQuotes(tokens[i + 1].before) && i - t < 2) i++;
  let at = tokens[i].end;
  const limit = Math.min(block.block.end, at + 12);
  while (at < limit && /[*_"'“”‘’ \t]/.test(text[at])) at++;
  // A possessive "'s" left out of the token.
  return text[at] === ')' ? at + 1 : -1;
}

function stripQuotes(gap: string): string {
  return gap.replace(/["'“”‘’]/g, '');
}

function onlyQuotes(gap: string): boolean {
  return /^["'“”‘’]*$/.test(gap);
}

/** Whether an entry's name is the expansion of the acronym as written (entries may share an acronym). */
function sameAcronym(entry: GlossaryEntry, acronym: Mention): boolean {
  return entry.acronym !== undefined && entry.acronym === acronym.ref.entry.acronym;
}

function definition(acronym: Mention, expansion: Mention, match: ExpansionMatch, form: AcronymDefinition['form'], acronymFirst: boolean, start: number, end: number): AcronymDefinition {
  return { acronym, expansion, expansionStart: expansion.start, expansionEnd: expansion.end, match, form, acronymFirst, start, end };
}
