// Splits the prose of a block into word tokens with their document offsets, and records for each
// token whether it may join the previous one in a multi-word name (only spaces, a line break, a
// hyphen or emphasis markup lie between) and which punctuation lies before it (for sentences and
// clauses).

import type { ProseBlock } from '../markdown';
import { isWordCode } from './normalize';
import { detachedSlice } from '../detach';

export interface Token {
  /** Offsets of the word in the document, without a possessive "'s". */
  start: number;
  end: number;
  /** The word as written, and lowercased. */
  text: string;
  lower: string;
  /** Whether only spaces, hyphens, a line break or emphasis markers separate it from the previous token. */
  joins: boolean;
  /** Punctuation between the previous token and this one (spaces removed), with a '|' for each table cell boundary. */
  before: string;
  /** In a table row, the index of the cell the token is in (0 = first cell). */
  cell?: number;
}

/** Spaces, tabs, line breaks, hyphens, emphasis markers and no-break spaces: words join across them. */
function isJoining(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 45 || code === 42 || code === 95 || code === 0xa0 || code === 0x2010 || code === 0x2011;
}

/**
 * Tokenizes the prose segments of one block. This runs on every word of a document, so it avoids
 * allocating: one string per word (two when the word has capitals or non-ASCII letters to lowercase).
 * With `words`, a table of the words seen so far, equal words share one string.
 */
export function tokenizeBlock(text: string, block: ProseBlock, words?: Map<string, string>): Token[] {
  const tokens: Token[] = [];
  let started = false; // a token has been seen in this block
  let gap = '';
  let joinable = false;
  const table = block.kind === 'table-row';
  let cell = 0;
  const segments = block.segments;
  if (table && segments.length > 0) {
    cell = Math.max(0, countPipes(text, block.start, segments[0].start) - (leadingPipe(text, block.start, segments[0].start) ? 1 : 0));
  }
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s];
    if (s > 0) {
      const pipes = table ? countPipes(text, segments[s - 1].end, segment.start) : 0;
      if (pipes > 0) gap += '|'.repeat(pipes);
      cell += pipes;
      if (!segment.continues || pipes > 0) joinable = false;
    }
    let i = segment.start;
    const end = segment.end;
    while (i < end) {
      const code = text.charCodeAt(i);
      if (!isWordCode(code)) {
        if (!isJoining(code)) {
          joinable = false;
          gap += text[i];
        }
        i++;
        continue;
      }
      const start = i;
      // Whether the word needs lowercasing (capitals or non-ASCII) or a curly apostrophe replaced.
      let plain = code >= 97 || (code >= 48 && code <= 57);
      let curly = false;
      i++;
      while (i < end) {
        const c = text.charCodeAt(i);
        if (isWordCode(c)) {
          if (c < 97 && c > 57) plain = false;
          else if (c >= 128) plain = false;
          i++;
        } else if ((c === 39 || c === 0x2019) && i + 1 < end && isWordCode(text.charCodeAt(i + 1))) {
          if (c === 0x2019) curly = true;
          i += 2;
        } else break;
      }
      if (code >= 128) plain = false;
      let wordEnd = i;
      if (wordEnd - start > 2) {
        const last = text.charCodeAt(wordEnd - 1);
        const quote = text.charCodeAt(wordEnd - 2);
        if ((last === 115 || last === 83) && (quote === 39 || quote === 0x2019)) wordEnd -= 2;
      }
      // Long words are copied: a token must not keep the whole document alive (see core/detach.ts).
      let word = wordEnd - start < 13 ? text.slice(start, wordEnd) : detachedSlice(text, start, wordEnd);
      let lower = plain ? word : word.toLowerCase();
      if (curly) lower = lower.replace(/\u2019/g, "'");
      if (words !== undefined) {
        // One string per distinct word of the document: the copies cut here die young, which is
        // cheap, instead of surviving in every token, which is not.
        const known = words.get(word);
        if (known === undefined) words.set(word, word);
        else word = known;
        if (plain && !curly) lower = word;
        else {
          const knownLower = words.get(lower);
          if (knownLower === undefined) words.set(lower, lower);
          else lower = knownLower;
        }
      }
      const joins = started && joinable;
      tokens.push(table ? { start, end: wordEnd, text: word, lower, joins, before: gap, cell } : { start, end: wordEnd, text: word, lower, joins, before: gap });
      started = true;
      gap = '';
      joinable = true;
    }
  }
  return tokens;
}

/** Whether text[from, to) starts, after whitespace, with a pipe (the /^\s*\|/ of a table row's lead). */
function leadingPipe(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && /\s/.test(text[i])) i++;
  return i < to && text.charCodeAt(i) === 124;
}

/** How many unescaped cell pipes lie between two offsets of a table row. */
function countPipes(text: string, from: number, to: number): number {
  let pipes = 0;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === 124 && text.charCodeAt(i - 1) !== 92) pipes++;
  }
  return pipes;
}
