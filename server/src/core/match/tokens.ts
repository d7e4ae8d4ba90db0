// Splits the prose of a block into word tokens with their document offsets, and records for each
// token whether it may join the previous one in a multi-word name (only spaces, a line break, a
// hyphen or emphasis markup lie between) and which punctuation lies before it (for sentences and
// clauses).

import type { ProseBlock } from '../markdown';
import { isWordCode } from './normalize';

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

const JOINING = new Set([' ', '\t', '\n', '\r', '-', '\u2010', '\u2011', '*', '_', '\u00a0']);

/** Tokenizes the prose segments of one block. */
export function tokenizeBlock(text: string, block: ProseBlock): Token[] {
  const tokens: Token[] = [];
  let gapStart = -1; // where the text since the previous token started; -1 before the first token
  let gap = '';
  let joinable = false;
  const table = block.kind === 'table-row';
  let cell = 0;
  if (table && block.segments.length > 0) {
    const lead = text.slice(block.start, block.segments[0].start);
    cell = Math.max(0, countPipes(text, block.start, block.segments[0].start) - (/^\s*\|/.test(lead) ? 1 : 0));
  }
  for (let s = 0; s < block.segments.length; s++) {
    const segment = block.segments[s];
    if (s > 0) {
      const pipes = table ? countPipes(text, block.segments[s - 1].end, segment.start) : 0;
      gap += '|'.repeat(pipes);
      cell += pipes;
      if (!segment.continues || pipes > 0) joinable = false;
    }
    let i = segment.start;
    const end = segment.end;
    while (i < end) {
      const code = text.charCodeAt(i);
      if (!isWordCode(code)) {
        const ch = text[i];
        if (!JOINING.has(ch)) {
          joinable = false;
          if (ch !== ' ') gap += ch;
        }
        i++;
        continue;
      }
      const start = i;
      while (i < end) {
        const c = text.charCodeAt(i);
        if (isWordCode(c)) i++;
        else if ((c === 39 || c === 0x2019) && i + 1 < end && isWordCode(text.charCodeAt(i + 1))) i += 2;
        else break;
      }
      let wordEnd = i;
      const lastTwo = text.slice(wordEnd - 2, wordEnd);
      if (wordEnd - start > 2 && (lastTwo === "'s" || lastTwo === '\u2019s' || lastTwo === "'S" || lastTwo === '\u2019S')) wordEnd -= 2;
      const word = text.slice(start, wordEnd);
      const token: Token = { start, end: wordEnd, text: word, lower: word.toLowerCase().replace(/\u2019/g, "'"), joins: gapStart >= 0 && joinable, before: gap };
      if (table) token.cell = cell;
      tokens.push(token);
      gapStart = i;
      gap = '';
      joinable = true;
    }
  }
  return tokens;
}

/** How many unescaped cell pipes lie between two offsets of a table row. */
function countPipes(text: string, from: number, to: number): number {
  let pipes = 0;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === 124 && text.charCodeAt(i - 1) !== 92) pipes++;
  }
  return pipes;
}
