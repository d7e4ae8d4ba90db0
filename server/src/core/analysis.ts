// One analysis per document version: the Markdown is scanned once, its prose tokenized once, glossary
// names and comparison traits matched once, and the reading units (sentences, list items, table rows,
// headings) cut once. Lint, hover and completion all read from this.

import { parseMarkdown, type ParsedMarkdown, type ProseBlock } from './markdown';
import type { GlossaryIndex, NameRef, TraitRef } from './glossary/index';
import { tokenizeWords, WordTable, type Token, type Words } from './match/tokens';
import type { PhraseIndex } from './match/phrase-index';
import { lineStartsOf } from './positions';
import { countBefore } from './search';

export interface Mention<T = NameRef> {
  ref: T;
  start: number;
  end: number;
  /** Index of the block, and of the first and last token within the block. */
  block: number;
  first: number;
  last: number;
}

/** A sentence, list item, table row or heading: the span of tokens a reader takes in one go. */
export interface Unit {
  block: number;
  /** Token range [first, end) within the block. */
  first: number;
  end: number;
}

export interface BlockAnalysis {
  block: ProseBlock;
  /** The block's words, packed (read these on hot paths). */
  readonly words: Words;
  /** The same words as objects, made when read (kept only by the block read last). */
  tokens: Token[];
  mentions: Mention[];
  traits: Array<Mention<TraitRef>>;
  units: Unit[];
}

/** Blocks that set the subject of a block without a subject of its own. */
export interface BlockContext {
  /** The nearest heading above. */
  heading?: number;
  /** For a table row, the table's header row. */
  header?: number;
  /** For a list item, the item it is nested in. */
  parent?: number;
  /** For a list item, the paragraph ending with ":" that introduces the list. */
  intro?: number;
}

export interface DocumentAnalysis {
  text: string;
  markdown: ParsedMarkdown;
  blocks: BlockAnalysis[];
  contexts: BlockContext[];
  /** Every glossary mention of the document, in document order. */
  mentions: Mention[];
  /** Offsets where each line starts. */
  lineStarts: number[];
}

const ABBREVIATIONS = new Set(['e', 'g', 'i', 'eg', 'ie', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'inc', 'ltd', 'co', 'corp', 'no', 'approx', 'fig', 'st', 'jr', 'sr', 'u', 's']);

export function analyzeDocument(text: string, index: GlossaryIndex): DocumentAnalysis {
  const markdown = parseMarkdown(text);
  const blocks: BlockAnalysis[] = [];
  const mentions: Mention[] = [];
  // About one word per seven characters of a document.
  const table = new WordTable(Math.max(256, Math.ceil(text.length / 7)));
  for (let b = 0; b < markdown.blocks.length; b++) {
    const analysis = analyzeBlock(text, markdown.blocks[b], b, index, table);
    blocks.push(analysis);
    for (const mention of analysis.mentions) mentions.push(mention);
  }
  table.trim();
  return { text, markdown, blocks, contexts: blockContexts(text, markdown.blocks), mentions, lineStarts: lineStartsOf(text) };
}

/** One forward pass that links every block to the heading, table header, parent item and list intro above it. */
export function blockContexts(text: string, blocks: ProseBlock[]): BlockContext[] {
  const contexts: BlockContext[] = [];
  let heading: number | undefined;
  let header: number | undefined;
  let intro: number | undefined;
  let itemAtDepth: number[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const previous = b > 0 ? blocks[b - 1] : undefined;
    const context: BlockContext = {};
    if (heading !== undefined) context.heading = heading;
    if (block.kind === 'table-row') {
      if (block.tableHeader) header = b;
      else if (previous?.kind !== 'table-row') header = undefined;
      if (header !== undefined && header !== b) context.header = header;
    } else if (block.kind === 'list-item') {
      const depth = block.listDepth ?? 0;
      const inList = previous !== undefined && previous.listDepth !== undefined;
      if (!inList) {
        itemAtDepth = [];
        intro = previous && previous.kind === 'paragraph' && /:\s*$/.test(text.slice(previous.start, previous.end)) ? b - 1 : undefined;
      }
      for (let d = depth - 1; d >= 0; d--) {
        if (itemAtDepth[d] !== undefined) {
          context.parent = itemAtDepth[d];
          break;
        }
      }
      itemAtDepth[depth] = b;
      itemAtDepth.length = depth + 1;
      if (intro !== undefined) context.intro = intro;
    } else if (block.kind === 'heading') {
      heading = b;
      itemAtDepth = [];
      intro = undefined;
    }
    contexts.push(context);
  }
  return contexts;
}

/** Words, mentions, traits and units of one block (the `b`-th of its document). `table`: the analysis's strings. */
export function analyzeBlock(text: string, block: ProseBlock, b: number, index: GlossaryIndex, table = new WordTable()): BlockAnalysis {
  const words = tokenizeWords(text, block, table);
  const mentions = findAll(index.names, words, b);
  const traits = index.traits.size === 0 ? [] : findAll(index.traits, words, b);
  return new AnalysedBlock(block, words, mentions, traits, cutUnits(text, block, words, b));
}

/** A block's `Token` objects while it keeps them. */
interface HeldTokens {
  tokens: Token[] | undefined;
}

/**
 * The holder of the only block that keeps its `Token` objects: the one read last. A rule reads one
 * block many times in a row (once per phrase in it), so that is what must not make them again; kept
 * longer (the last 32 blocks were tried), they outlived young-generation collections and piled up as
 * garbage in the old generation (peak memory of a 10 MB analysis 400 MB instead of 240 MB). A holder
 * refers to no block, so a block never outlives its document for having been read last.
 */
let lastHeld: HeldTokens | undefined;

/**
 * A block's analysis. Its words are packed (match/tokens.ts `Words`); the `Token` objects the rules
 * read are made when a rule asks for them and kept only by the block read last, so an analysis
 * holds no object per word. After an edit before the block, incremental re-analysis moves
 * the block: only its words' shift changes, so a keystroke does not touch every word after it.
 */
class AnalysedBlock implements BlockAnalysis {
  #held: HeldTokens | undefined;

  constructor(
    public block: ProseBlock,
    readonly words: Words,
    public mentions: Mention[],
    public traits: Array<Mention<TraitRef>>,
    public units: Unit[],
  ) {}

  get tokens(): Token[] {
    let tokens = this.#held?.tokens;
    if (tokens === undefined) {
      tokens = this.words.toTokens();
      if (lastHeld) lastHeld.tokens = undefined;
      lastHeld = this.#held = { tokens };
    }
    return tokens;
  }

  /** Moves the words by `delta` characters. */
  moveTokens(delta: number): void {
    this.words.shift += delta;
    const tokens = this.#held?.tokens;
    if (tokens !== undefined) {
      for (const t of tokens) {
        t.start += delta;
        t.end += delta;
      }
    }
  }
}

/** Moves a block's words by `delta` characters (every block analysis is made by analyzeBlock). */
export function moveTokens(block: BlockAnalysis, delta: number): void {
  (block as AnalysedBlock).moveTokens(delta);
}

/** Every longest phrase of `trie` in a block's words, as mentions with document offsets. */
function findAll<T>(trie: PhraseIndex<T>, words: Words, b: number): Array<Mention<T>> {
  const mentions: Array<Mention<T>> = [];
  for (let i = 0; i < words.length; ) {
    const m = trie.longestAt(words, i);
    if (m) {
      mentions.push({ ref: m.value, start: words.start(m.first), end: words.end(m.last), block: b, first: m.first, last: m.last });
      i = m.last + 1;
    } else i++;
  }
  // An array grown by push keeps room for 16 more: at one array per block, copy it to its size.
  return mentions.length === 0 ? [] : mentions.slice();
}

/** Splits a block's words into units: sentences for paragraphs and list items, the whole block otherwise. */
function cutUnits(text: string, block: ProseBlock, words: Words, b: number): Unit[] {
  if (words.length === 0) return [];
  if (block.kind !== 'paragraph' && block.kind !== 'list-item') return [{ block: b, first: 0, end: words.length }];
  const units: Unit[] = [];
  let first = 0;
  for (let i = 1; i < words.length; i++) {
    if (endsSentence(text, words, i)) {
      units.push({ block: b, first, end: i });
      first = i;
    }
  }
  units.push({ block: b, first, end: words.length });
  // Grown by push, the array keeps room for 16 more items; it lives as long as the analysis.
  return units.slice();
}

/** A sentence ends before word `next` at ".", "!" or "?" followed by a space, unless the word before is an abbreviation. */
function endsSentence(text: string, words: Words, next: number): boolean {
  const gap = words.before(next);
  if (gap.length === 0 || !/[.!?]/.test(gap)) return false;
  const nextStart = words.start(next);
  let i = words.end(next - 1);
  while (i < nextStart && !/[.!?]/.test(text[i])) i++;
  let j = i;
  while (j < nextStart && /[.!?)"'\u201d\u2019*_]/.test(text[j])) j++;
  if (j < nextStart && !/\s/.test(text[j]) && j !== nextStart) return false;
  if (j === nextStart) return false; // "1.5", "e.g" inside a word run
  if (text[i] === '.' && ABBREVIATIONS.has(words.lower(next - 1))) return false;
  return true;
}

/** The block whose lines hold an offset (its end included), if any. */
export function proseBlockAt(analysis: DocumentAnalysis, offset: number): ProseBlock | undefined {
  const blocks = analysis.markdown.blocks;
  const block = blocks[countBefore(blocks.length, (i) => blocks[i].start <= offset) - 1];
  return block !== undefined && block.start <= offset && offset <= block.end ? block : undefined;
}

/** Whether an offset is inside or at the end of a prose segment. */
export function inProse(analysis: DocumentAnalysis, offset: number): boolean {
  const block = proseBlockAt(analysis, offset);
  return block !== undefined && block.segments.some((s) => s.start <= offset && offset <= s.end);
}
