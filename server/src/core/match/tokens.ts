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

/** Int32 fields per word: start, end, text id, lowercase id, gap id, flags. */
const STRIDE = 6;

/**
 * The words of one analysis, packed: six numbers a word in one Int32Array shared by all its blocks,
 * and the distinct strings (words as written, lowercased, and the punctuation between them), each
 * stored once and named by its index. A 1 MB document has about 140,000 words; as objects that live
 * as long as the analysis, they cost the young-generation collector a copy each (most of a full
 * analysis's time) and about 145 bytes each, against 24 bytes here.
 */
export class WordTable {
  private readonly ids = new Map<string, number>([['', 0]]);
  readonly strings: string[] = [''];
  data: Int32Array;
  /** Words stored so far. */
  count = 0;

  /** `words`: room to start with (a whole document's table grows as it needs). */
  constructor(words = 256) {
    this.data = new Int32Array(STRIDE * words);
  }

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(s, id);
      this.strings.push(s);
    }
    return id;
  }

  /** Room for one more word. */
  reserve(): void {
    if ((this.count + 1) * STRIDE > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
  }

  /** Gives back the room not used, once every block is read; the string index is no longer needed either. */
  trim(): void {
    // Copying costs a pass over the words: only when more than a third of the room is unused.
    if (this.count * STRIDE * 1.5 < this.data.length) this.data = this.data.slice(0, Math.max(STRIDE, this.count * STRIDE));
    this.ids.clear();
  }
}

/**
 * A block's words: a run of its analysis's WordTable. `Token` objects are made from it only for the
 * blocks a rule or a request reads (see analysis.ts).
 */
export class Words {
  /** How far the words have moved since they were read (an edit before the block). */
  shift = 0;

  constructor(
    private readonly table: WordTable,
    /** Index of the block's first word in the table. */
    private readonly base: number,
    readonly length: number,
  ) {}

  start(i: number): number {
    return this.table.data[(this.base + i) * STRIDE] + this.shift;
  }
  end(i: number): number {
    return this.table.data[(this.base + i) * STRIDE + 1] + this.shift;
  }
  text(i: number): string {
    return this.table.strings[this.table.data[(this.base + i) * STRIDE + 2]];
  }
  lower(i: number): string {
    return this.table.strings[this.table.data[(this.base + i) * STRIDE + 3]];
  }
  before(i: number): string {
    return this.table.strings[this.table.data[(this.base + i) * STRIDE + 4]];
  }
  joins(i: number): boolean {
    return (this.table.data[(this.base + i) * STRIDE + 5] & 1) === 1;
  }
  /** In a table row, the index of the cell the word is in. */
  cell(i: number): number | undefined {
    const c = this.table.data[(this.base + i) * STRIDE + 5] >> 1;
    return c === 0 ? undefined : c - 1;
  }

  /** The words as `Token` objects. */
  toTokens(): Token[] {
    const tokens: Token[] = new Array(this.length);
    const data = this.table.data;
    const strings = this.table.strings;
    for (let i = 0; i < this.length; i++) {
      const k = (this.base + i) * STRIDE;
      const flags = data[k + 5];
      const token: Token = { start: data[k] + this.shift, end: data[k + 1] + this.shift, text: strings[data[k + 2]], lower: strings[data[k + 3]], joins: (flags & 1) === 1, before: strings[data[k + 4]] };
      if (flags > 1) token.cell = (flags >> 1) - 1;
      tokens[i] = token;
    }
    return tokens;
  }

  /** Bytes held per word (the strings are shared by the whole analysis). */
  static readonly BYTES_PER_WORD = STRIDE * 4;
}

/** Tokenizes the prose segments of one block as `Token` objects (see `tokenizeWords`). */
export function tokenizeBlock(text: string, block: ProseBlock, table = new WordTable()): Token[] {
  return tokenizeWords(text, block, table).toTokens();
}

/**
 * Tokenizes the prose segments of one block into packed words. This runs on every word of a document,
 * so it allocates only the strings the table has not seen, and one array for the block.
 */
export function tokenizeWords(text: string, block: ProseBlock, table: WordTable): Words {
  const base = table.count;
  let n = 0;
  let started = false; // a token has been seen in this block
  let gap = '';
  let joinable = false;
  const isTable = block.kind === 'table-row';
  let cell = 0;
  const segments = block.segments;
  if (isTable && segments.length > 0) {
    cell = Math.max(0, countPipes(text, block.start, segments[0].start) - (leadingPipe(text, block.start, segments[0].start) ? 1 : 0));
  }
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s];
    if (s > 0) {
      const pipes = isTable ? countPipes(text, segments[s - 1].end, segment.start) : 0;
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
      // Long words are copied: the table must not keep the whole document alive (see core/detach.ts).
      const word = wordEnd - start < 13 ? text.slice(start, wordEnd) : detachedSlice(text, start, wordEnd);
      const textId = table.id(word);
      let lowerId = textId;
      if (!plain || curly) {
        let lower = plain ? word : word.toLowerCase();
        if (curly) lower = lower.replace(/\u2019/g, "'");
        lowerId = table.id(lower);
      }
      table.reserve();
      const data = table.data;
      const k = (base + n) * STRIDE;
      data[k] = start;
      data[k + 1] = wordEnd;
      data[k + 2] = textId;
      data[k + 3] = lowerId;
      data[k + 4] = gap.length === 0 ? 0 : table.id(gap);
      data[k + 5] = (started && joinable ? 1 : 0) | (isTable ? (cell + 1) << 1 : 0);
      table.count++;
      n++;
      started = true;
      gap = '';
      joinable = true;
    }
  }
  return new Words(table, base, n);
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
