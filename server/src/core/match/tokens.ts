// Splits the prose of a block into word tokens with their document offsets, and records for each
// token whether it may join the previous one in a multi-word name (only spaces, a line break, a
// hyphen or emphasis markup lie between) and which punctuation lies before it (for sentences and
// clauses).

import type { ProseBlock } from '../markdown';
import { isWordCode, lowerWord } from './normalize';
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

/** A character as a lowercase ASCII word holds it: A–Z lowered, a curly apostrophe straightened. */
function fold(code: number, lower: boolean): number {
  if (!lower) return code;
  if (code >= 65 && code <= 90) return code + 32;
  return code === 0x2019 ? 39 : code;
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
  readonly strings: string[] = [''];
  data: Int32Array;
  /** Words stored so far. */
  count = 0;
  /**
   * The strings by hash (open addressing; a slot holds a string's id + 1): a word of the document is
   * looked up by its characters, so a word seen before costs no string at all. Dropped by `trim`.
   */
  private slots: Int32Array | undefined = new Int32Array(1024);
  private hashes: number[] = [0];

  /** `words`: room to start with (a whole document's table grows as it needs). */
  constructor(words = 256) {
    this.data = new Int32Array(STRIDE * words);
  }

  /** The id of a string. */
  id(s: string): number {
    return this.lookup(s, 0, s.length, false, s);
  }

  /**
   * The id of text[from, to), or of its lowercase form (`lower`: only for text whose characters are
   * ASCII or a curly apostrophe, which lowercases to a straight one). `made`: the string, when the
   * caller has it already.
   */
  lookup(text: string, from: number, to: number, lower: boolean, made?: string): number {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ fold(text.charCodeAt(i), lower), 0x01000193);
    const slots = this.slots!;
    const mask = slots.length - 1;
    const length = to - from;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const slot = slots[at];
      if (slot === 0) break;
      const id = slot - 1;
      if (this.hashes[id] !== h) continue;
      const known = this.strings[id];
      if (known.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (known.charCodeAt(k) !== fold(text.charCodeAt(from + k), lower)) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
    let string = made;
    if (string === undefined) {
      // Long words are copied: the table must not keep the whole document alive (see core/detach.ts).
      string = length < 13 ? text.slice(from, to) : detachedSlice(text, from, to);
      if (lower) string = lowerWord(string);
    }
    return this.add(string, h);
  }

  private add(string: string, h: number): number {
    const id = this.strings.length;
    this.strings.push(string);
    this.hashes.push(h);
    let slots = this.slots!;
    if (this.strings.length * 2 > slots.length) {
      slots = new Int32Array(slots.length * 2);
      const mask = slots.length - 1;
      for (let k = 1; k < this.strings.length; k++) {
        let at = this.hashes[k] & mask;
        while (slots[at] !== 0) at = (at + 1) & mask;
        slots[at] = k + 1;
      }
      this.slots = slots;
    } else {
      const mask = slots.length - 1;
      let at = h & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = id + 1;
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

  /** Gives back the room not used, once every block is read; the index by hash is no longer needed either. */
  trim(): void {
    // Copying costs a pass over the words: only when more than a third of the room is unused.
    if (this.count * STRIDE * 1.5 < this.data.length) this.data = this.data.slice(0, Math.max(STRIDE, this.count * STRIDE));
    this.slots = undefined;
    this.hashes = [];
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
      // Whether every letter is ASCII (then the lowercase form is looked up without making a string).
      let ascii = code < 128;
      i++;
      while (i < end) {
        const c = text.charCodeAt(i);
        if (isWordCode(c)) {
          if (c < 97 && c > 57) plain = false;
          else if (c >= 128) {
            plain = false;
            ascii = false;
          }
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
      const textId = table.lookup(text, start, wordEnd, false);
      let lowerId = textId;
      if (!plain || curly) {
        // Capitals or curly apostrophes only: looked up lowered, without a string; other letters through toLowerCase.
        lowerId = ascii ? table.lookup(text, start, wordEnd, true) : table.id(lowerWord(table.strings[textId]));
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
