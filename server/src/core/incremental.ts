// Incremental re-analysis: after an edit, re-read only the blocks the edit can have changed and keep
// the rest of the previous analysis, moved by the edit's change of length. The result is the same
// analysis that `analyzeDocument` would return for the new text (test/unit/incremental.test.ts
// checks this after random edit sequences), in a time that depends on the size of the edit's
// neighbourhood, not of the document.
//
// How the window to re-read is chosen. The Markdown scanner reads lines with a state (open block
// quotes, list items, fences, HTML blocks, the paragraph being built). At some lines that state is
// known to be empty whatever came before: an *anchor* is a top-level block (not in a list or block
// quote) whose first line starts at column 0 and either follows a blank line or is an ATX heading.
// Such a line closes every container and leaf, so reading from it onwards gives the same blocks as
// reading the whole document. The window runs from the last anchor whose first line ends before the
// edit to the end of the first anchor that starts after it (the *check block*), and is read as a
// document of its own, with the link reference definitions of the whole document. The check block
// must come out exactly as before: if the edit opened a fence or an HTML comment that swallows it,
// or changed the document's reference definitions, the whole document is analysed again instead.
//
// The blocks after the window are the previous analysis's own objects, moved in place (offsets by
// the change of length, block indexes by the change of block count). So an update *consumes* the
// previous analysis: after `updateAnalysis(previous, …)` only the returned analysis may be used.

import { analyzeBlock, analyzeDocument, blockContexts, moveTokens, type BlockAnalysis, type BlockContext, type DocumentAnalysis, type Mention } from './analysis';
import { detach } from './detach';
import type { GlossaryIndex } from './glossary/index';
import { WordTable } from './match/tokens';
import type { Directive } from './directives';
import { documentReferences, parseMarkdownSlice, setDocumentReferences, sliceDefinitions, type ParsedMarkdown, type ProseBlock } from './markdown';
import { lineStartBefore, nextLineStart, updateLineStarts } from './positions';
import { countBefore } from './search';

/** An edit of the previous text: `[start, end)` of it was replaced by `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/**
 * How the blocks of an updated analysis relate to the previous one's: blocks `[0, first)` are the
 * previous blocks `[0, first)`; blocks `[first, after)` were read anew; blocks from `after` on are the
 * previous blocks from `previousAfter` on, moved by `delta` characters.
 */
export interface BlockReuse {
  first: number;
  after: number;
  previousAfter: number;
  delta: number;
  previousBlocks: readonly BlockAnalysis[];
  previousContexts: readonly BlockContext[];
}

export interface UpdateResult {
  analysis: DocumentAnalysis;
  /** Absent when the whole document was analysed again. */
  reuse?: BlockReuse;
}

/**
 * The analysis of `text`, which is the previous analysis's text with `change` applied. Consumes
 * `previous` (see above). Falls back to a full analysis whenever the window cannot be trusted.
 */
export function updateAnalysis(previous: DocumentAnalysis, text: string, change: TextChange, index: GlossaryIndex): UpdateResult {
  const full = (): UpdateResult => ({ analysis: analyzeDocument(text, index) });
  const old = previous.text;
  const { start, end } = change;
  const inserted = change.text.length;
  if (!(start >= 0 && start <= end && end <= old.length) || text.length !== old.length - (end - start) + inserted) return full();
  if (inserted > 0 && text.slice(start, start + inserted) !== change.text) return full();
  const references = documentReferences(previous.markdown);
  if (!references) return full();
  const delta = inserted - (end - start);
  const blocks = previous.markdown.blocks;

  // The window: from the start of anchor A (or the document start) to the end of check block B (or the end).
  let first = 0;
  let from = 0;
  for (let i = lastStartingBefore(blocks, start); i >= 0; i--) {
    const block = blocks[i];
    if (isAnchor(old, block) && nextLineStart(old, block.start) <= start && !startsLikeFrontMatter(old, block.start)) {
      first = i;
      from = block.start;
      break;
    }
  }
  let check = -1;
  for (let j = firstStartingAfter(blocks, end); j < blocks.length; j++) {
    const block = blocks[j];
    if ((block.kind === 'paragraph' || block.kind === 'heading') && isAnchor(old, block) && (isAtxHeading(old, block) || lineStartBefore(old, block.start) > end)) {
      check = j;
      break;
    }
  }
  const oldTo = check >= 0 ? blocks[check].end : old.length;
  const newTo = check >= 0 ? oldTo + delta : text.length;

  let window: { parsed: ParsedMarkdown; definitions: Set<string>; footnotes: Set<string> };
  try {
    window = parseMarkdownSlice(text, from, newTo, references);
  } catch {
    return full();
  }
  // The document's reference definitions must be those the blocks outside the window were read with.
  if (window.definitions.size > 0 || window.footnotes.size > 0 || old.slice(from, oldTo).includes(']:')) {
    const before = sliceDefinitions(old, from, oldTo);
    if (!sameSet(before.definitions, window.definitions) || !sameSet(before.footnotes, window.footnotes)) return full();
  }
  const fresh = window.parsed.blocks;
  if (check >= 0) {
    const last = fresh.pop();
    if (!last || !sameBlock(last, blocks[check], delta)) return full();
  }

  // Mentions and directives are split before the blocks after the window move.
  const previousAfter = check >= 0 ? check : blocks.length;
  const mentionsBefore = firstMentionOfBlock(previous.mentions, first);
  const mentionsAfter = firstMentionOfBlock(previous.mentions, previousAfter);
  const after = first + fresh.length;
  const blockShift = after - previousAfter;

  const moved = previous.blocks;
  if (delta !== 0 || blockShift !== 0) {
    for (let i = previousAfter; i < moved.length; i++) moveBlock(moved[i], delta, blockShift);
  }
  const analysed: BlockAnalysis[] = [];
  const windowMentions: Mention[] = [];
  const table = new WordTable();
  for (let k = 0; k < fresh.length; k++) {
    const analysis = analyzeBlock(text, fresh[k], first + k, index, table);
    analysed.push(analysis);
    for (const m of analysis.mentions) windowMentions.push(m);
  }
  table.trim();
  const proseBlocks = blocks.slice(0, first).concat(fresh, blocks.slice(previousAfter));
  const blockAnalyses = moved.slice(0, first).concat(analysed, moved.slice(previousAfter));
  const mentions = previous.mentions.slice(0, mentionsBefore).concat(windowMentions, previous.mentions.slice(mentionsAfter));

  const directives: Directive[] = [];
  for (const d of previous.markdown.directives) if (d.start < from) directives.push(d);
  // Directives read from this version's text must not keep it alive once the next edit reuses them.
  for (const d of window.parsed.directives) directives.push({ ...d, command: detach(d.command) as Directive['command'], rules: d.rules.map(detach) });
  for (const d of previous.markdown.directives) if (d.start >= oldTo) directives.push(delta === 0 ? d : { ...d, start: d.start + delta, end: d.end + delta });

  const markdown: ParsedMarkdown = { blocks: proseBlocks, directives };
  setDocumentReferences(markdown, references);
  const analysis: DocumentAnalysis = {
    text,
    markdown,
    blocks: blockAnalyses,
    contexts: blockContexts(text, proseBlocks),
    mentions,
    lineStarts: updateLineStarts(previous.lineStarts, text, start, end, start + inserted, delta),
  };
  return {
    analysis,
    reuse: { first, after, previousAfter, delta, previousBlocks: moved, previousContexts: previous.contexts },
  };
}

/**
 * Whether the scanner's state is empty after the first line of `block`, whatever came before: a
 * top-level block starting at column 0 of its line that follows a blank line (or starts the
 * document) or is an ATX heading (which closes any open paragraph, list or block quote).
 */
function isAnchor(text: string, block: ProseBlock): boolean {
  if (block.listDepth !== undefined || block.quoteDepth !== undefined) return false;
  if (block.kind === 'table-row' && !block.tableHeader) return false;
  const p = block.start;
  if (p > 0) {
    const before = text.charCodeAt(p - 1);
    if (before !== 10 && before !== 13) return false;
  }
  const c = text.charCodeAt(p);
  if (c === 32 || c === 9 || c === 0xfeff) return false;
  return p === 0 || isAtxHeading(text, block) || isBlankLine(text, lineStartBefore(text, p), p);
}

function isAtxHeading(text: string, block: ProseBlock): boolean {
  return block.kind === 'heading' && text.charCodeAt(block.start) === 35;
}

/** A line that the scanner would take for front matter when a slice starts with it. */
function startsLikeFrontMatter(text: string, p: number): boolean {
  return text.startsWith('---', p) || text.startsWith('+++', p);
}

/** Whether text[from, to) holds only spaces, tabs and line endings. */
function isBlankLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/** The index of the last block starting before `offset`, or -1. */
function lastStartingBefore(blocks: readonly ProseBlock[], offset: number): number {
  return countBefore(blocks.length, (i) => blocks[i].start < offset) - 1;
}

/** The index of the first block starting after `offset` (blocks.length if none). */
function firstStartingAfter(blocks: readonly ProseBlock[], offset: number): number {
  return countBefore(blocks.length, (i) => blocks[i].start <= offset);
}

/** The index of the first mention in block `b` or later. */
function firstMentionOfBlock(mentions: readonly Mention[], b: number): number {
  return countBefore(mentions.length, (i) => mentions[i].block < b);
}

/** Whether `fresh` is `old` moved by `delta`. */
function sameBlock(fresh: ProseBlock, old: ProseBlock, delta: number): boolean {
  if (
    fresh.kind !== old.kind ||
    fresh.start !== old.start + delta ||
    fresh.end !== old.end + delta ||
    fresh.headingLevel !== old.headingLevel ||
    fresh.listDepth !== old.listDepth ||
    fresh.tableHeader !== old.tableHeader ||
    fresh.quoteDepth !== old.quoteDepth ||
    fresh.segments.length !== old.segments.length
  ) {
    return false;
  }
  for (let i = 0; i < fresh.segments.length; i++) {
    const a = fresh.segments[i];
    const b = old.segments[i];
    if (a.start !== b.start + delta || a.end !== b.end + delta || a.continues !== b.continues) return false;
  }
  const linksA = fresh.links ?? NO_LINKS;
  const linksB = old.links ?? NO_LINKS;
  if (linksA.length !== linksB.length) return false;
  for (let i = 0; i < linksA.length; i++) if (linksA[i] !== linksB[i] + delta) return false;
  return true;
}

const NO_LINKS: number[] = [];

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Moves a block analysis in place: offsets by `delta`, block indexes by `blocks`. */
function moveBlock(analysis: BlockAnalysis, delta: number, blocks: number): void {
  if (delta !== 0) {
    const block = analysis.block;
    block.start += delta;
    block.end += delta;
    for (const s of block.segments) {
      s.start += delta;
      s.end += delta;
    }
    if (block.links) for (let i = 0; i < block.links.length; i++) block.links[i] += delta;
    moveTokens(analysis, delta);
  }
  for (const m of analysis.mentions) {
    m.start += delta;
    m.end += delta;
    m.block += blocks;
  }
  for (const m of analysis.traits) {
    m.start += delta;
    m.end += delta;
    m.block += blocks;
  }
  if (blocks !== 0) for (const u of analysis.units) u.block += blocks;
}
