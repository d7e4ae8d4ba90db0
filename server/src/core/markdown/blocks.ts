// The block scanner: one pass over the lines, keeping a stack of open containers (block quotes,
// list items, footnote definitions) and at most one open leaf (paragraph, fenced or indented
// code, HTML block, table), as in CommonMark's block-structure algorithm. Prose blocks are
// recorded with where their inline content lies; the inline scanner reads them afterwards, once
// every link reference definition in the document is known.

import { isAsciiDigit, isSpaceOrTab, normalizeLabel, CR, LF, SPACE, TAB } from './chars';
import { HtmlKind, htmlBlockEndsIn, htmlBlockStart, NextFinder } from './html';
import { parseDefinitions } from './definitions';
import { parseDirective, type Directive } from '../directives';

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-row';

export interface BlockOut {
  kind: BlockKind;
  start: number;
  end: number;
  segments: { start: number; end: number; continues: boolean }[];
  headingLevel?: number;
  listDepth?: number;
  tableHeader?: boolean;
  quoteDepth?: number;
}

/**
 * Where each block's inline content is, in parallel arrays (one entry per block, in document
 * order): the content range, the container prefixes inside it (absolute offset pairs, to blank
 * out) or null, the table cells (absolute offset pairs) or null for text blocks, and whether a
 * leading task checkbox is markup (first paragraph of a list item).
 */
export class ContentSpecs {
  readonly block: BlockOut[] = [];
  readonly from: number[] = [];
  readonly to: number[] = [];
  readonly holes: Array<number[] | null> = [];
  readonly cells: Array<number[] | null> = [];
  readonly task: boolean[] = [];
  add(block: BlockOut, from: number, to: number, holes: number[] | null, cells: number[] | null, task: boolean): void {
    this.block.push(block);
    this.from.push(from);
    this.to.push(to);
    this.holes.push(holes);
    this.cells.push(cells);
    this.task.push(task);
  }
}

const QUOTE = 0;
const ITEM = 1;
const FOOTNOTE = 2;

interface Container {
  type: number;
  /** Columns of indentation that continue the container (list items, footnotes). */
  contentIndent: number;
  hasChildren: boolean;
  markerStart: number;
  markerLine: number;
  /** List items: whether a task checkbox may start the first paragraph (see openPara). */
  taskOk: boolean;
}

const L_NONE = 0;
const L_PARA = 1;
const L_FENCE = 2;
const L_ICODE = 3;
const L_HTML = 4;
const L_TABLE = 5;

export class BlockParser {
  readonly specs = new ContentSpecs();
  readonly definitions = new Set<string>();
  readonly footnotes = new Set<string>();
  /** Longest normalized definition label. */
  maxLabel = 0;

  private readonly len: number;
  // Current line.
  private lineStart = 0;
  private lineEnd = 0;
  private nextLine = 0;
  private lfPos = -1;
  private crPos = -1;
  // Position within the line.
  private offset = 0;
  private column = 0;
  private partialTab = false;
  private nn = 0;
  private nnCol = 0;
  private nnLine = -1;
  private indent = 0;
  private blank = false;
  private prefixHasMarker = false;
  // Containers.
  private readonly stack: Container[] = [];
  private matched = 0;
  // The open leaf.
  private leaf = L_NONE;
  private paraFrom = 0;
  private paraTo = 0;
  private paraStart = 0;
  private paraHoles: number[] | null = null;
  private paraListItem = false;
  private paraTask = false;
  private paraListDepth = -1;
  private paraQuoteDepth = 0;
  private fenceChar = 0;
  private fenceLen = 0;
  private htmlKind: HtmlKind = HtmlKind.None;
  private htmlComments = false;
  private commentOpen = -1;
  private tableExpectDelim = false;

  private readonly commentStartFinder = new NextFinder('<!--');
  private readonly commentEndFinder = new NextFinder('-->');

  constructor(
    private readonly text: string,
    private readonly directives: Directive[],
  ) {
    this.len = text.length;
    this.commentStartFinder.reset(text);
    this.commentEndFinder.reset(text);
  }

  run(): void {
    let pos = 0;
    if (this.len > 0 && this.text.charCodeAt(0) === 0xfeff) pos = 1;
    pos = this.frontMatter(pos);
    while (pos < this.len) {
      this.setLine(pos);
      this.processLine();
      pos = this.nextLine;
    }
    this.closeLeaf();
    this.stack.length = 0;
  }

  // ----------------------------------------------------------------------------------------------
  // Lines and columns

  private setLine(pos: number): void {
    const text = this.text;
    if (this.lfPos < pos) {
      this.lfPos = text.indexOf('\n', pos);
      if (this.lfPos < 0) this.lfPos = this.len;
    }
    if (this.crPos < pos) {
      this.crPos = text.indexOf('\r', pos);
      if (this.crPos < 0) this.crPos = this.len;
    }
    const end = this.lfPos < this.crPos ? this.lfPos : this.crPos;
    this.lineStart = pos;
    this.lineEnd = end;
    this.nextLine =
      end >= this.len ? this.len : text.charCodeAt(end) === CR && end + 1 < this.len && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    this.offset = pos;
    this.column = 0;
    this.partialTab = false;
    this.nnLine = -1;
  }

  private findNextNonspace(): void {
    if (this.nnLine === this.lineStart && this.offset <= this.nn) {
      this.indent = this.nnCol - this.column;
      return;
    }
    const text = this.text;
    const end = this.lineEnd;
    let i = this.offset;
    let cols = this.column;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === SPACE) {
        i++;
        cols++;
      } else if (c === TAB) {
        i++;
        cols += 4 - (cols % 4);
      } else break;
    }
    this.blank = i >= end;
    this.nn = i;
    this.nnCol = cols;
    this.nnLine = this.lineStart;
    this.indent = cols - this.column;
  }

  private advanceNextNonspace(): void {
    this.offset = this.nn;
    this.column = this.nnCol;
    this.partialTab = false;
  }

  private advanceOffset(count: number, columns: boolean): void {
    const text = this.text;
    while (count > 0 && this.offset < this.lineEnd) {
      const c = text.charCodeAt(this.offset);
      if (c === TAB) {
        const toTab = 4 - (this.column % 4);
        if (columns) {
          this.partialTab = toTab > count;
          const adv = toTab > count ? count : toTab;
          this.column += adv;
          if (!this.partialTab) this.offset++;
          count -= adv;
        } else {
          this.partialTab = false;
          this.column += toTab;
          this.offset++;
          count--;
        }
      } else {
        this.partialTab = false;
        this.offset++;
        this.column++;
        count--;
      }
    }
  }

  // ----------------------------------------------------------------------------------------------
  // The line algorithm

  /** Matches the open containers against the current line; returns how many continue. */
  private matchContainers(): number {
    const text = this.text;
    const stack = this.stack;
    this.prefixHasMarker = false;
    let i = 0;
    for (; i < stack.length; i++) {
      const ct = stack[i];
      this.findNextNonspace();
      if (ct.type === QUOTE) {
        if (this.indent <= 3 && !this.blank && text.charCodeAt(this.nn) === 62) {
          this.advanceNextNonspace();
          this.advanceOffset(1, false);
          if (this.offset < this.lineEnd && isSpaceOrTab(text.charCodeAt(this.offset))) this.advanceOffset(1, true);
          this.prefixHasMarker = true;
        } else break;
      } else if (ct.type === ITEM) {
        if (this.blank) {
          if (!ct.hasChildren) break;
          this.advanceNextNonspace();
        } else if (this.indent >= ct.contentIndent) {
          this.advanceOffset(ct.contentIndent, true);
        } else break;
      } else {
        if (this.blank) this.advanceNextNonspace();
        else if (this.indent >= 4) this.advanceOffset(4, true);
        else break;
      }
    }
    return i;
  }

  private processLine(): void {
    const text = this.text;
    const depth = this.stack.length;
    this.matched = this.matchContainers();
    const allMatched = this.matched === depth;

    if (allMatched && this.leaf !== L_NONE) {
      this.findNextNonspace();
      switch (this.leaf) {
        case L_FENCE:
          if (this.indent <= 3 && !this.blank && this.isClosingFence()) this.closeLeaf();
          return;
        case L_ICODE:
          if (this.indent >= 4 || this.blank) return;
          this.closeLeaf();
          break;
        case L_HTML:
          if (this.blank && this.htmlKind >= HtmlKind.Basic) {
            this.closeLeaf();
            return;
          }
          this.htmlLine(this.offset);
          return;
        case L_PARA:
          if (this.blank) {
            this.closeLeaf();
            return;
          }
          break;
        case L_TABLE:
          if (this.blank) {
            this.closeLeaf();
            return;
          }
          if (this.tableExpectDelim) {
            this.tableExpectDelim = false;
            return;
          }
          break;
      }
    }

    let containerIsPara = allMatched && this.leaf === L_PARA;
    let newContainer = false;
    for (;;) {
      this.findNextNonspace();
      if (this.blank) break;
      const nn = this.nn;
      const c = text.charCodeAt(nn);
      if (this.indent >= 4) {
        if (this.leaf !== L_PARA) {
          this.prepare();
          this.advanceOffset(4, true);
          this.leaf = L_ICODE;
          return;
        }
        break;
      }
      if (c === 62 /* > */) {
        this.advanceNextNonspace();
        this.advanceOffset(1, false);
        if (this.offset < this.lineEnd && isSpaceOrTab(text.charCodeAt(this.offset))) this.advanceOffset(1, true);
        this.prepare();
        this.pushContainer(QUOTE, 0, nn);
        newContainer = true;
        containerIsPara = false;
        continue;
      }
      if (c === 35 /* # */ && this.atxHeading(nn)) return;
      if ((c === 96 || c === 126) && this.openFence(nn)) return;
      // Kind 7 can neither interrupt a paragraph nor start on a line that may be its lazy continuation.
      if (c === 60 /* < */ && this.openHtml(nn, this.leaf === L_PARA)) return;
      if (c === 91 /* [ */ && this.footnoteStart(nn)) {
        newContainer = true;
        containerIsPara = false;
        continue;
      }
      if (containerIsPara && (c === 61 || c === 45) && this.isSetextUnderline(nn)) {
        if (this.setext(c === 61 ? 1 : 2)) return;
        containerIsPara = false;
      }
      if ((c === 42 || c === 45 || c === 95) && this.isThematicBreak(nn)) {
        this.prepare();
        return;
      }
      if ((c === 42 || c === 43 || c === 45 || isAsciiDigit(c)) && this.listStart(nn, containerIsPara)) {
        newContainer = true;
        containerIsPara = false;
        continue;
      }
      break;
    }

    if (this.blank) {
      if (this.stack.length > this.matched) {
        this.closeLeaf();
        this.stack.length = this.matched;
      }
      return;
    }
    const contentStart = this.nn;
    if (!newContainer && !allMatched && this.leaf === L_PARA) {
      // A lazy continuation line; it can still be a table's header row when the delimiter row
      // below continues every open container (GFM takes the paragraph's last line as the header).
      if (this.indent < 4 && this.tableHeader(contentStart)) {
        this.closeLeaf();
        this.matched = this.stack.length;
        this.openTable(contentStart);
        return;
      }
      this.addParaLine(contentStart);
      return;
    }
    if (allMatched && !newContainer) {
      if (this.leaf === L_PARA) {
        if (this.indent < 4 && this.tableHeader(contentStart)) {
          this.closeLeaf();
          this.prepare();
          this.openTable(contentStart);
          return;
        }
        this.addParaLine(contentStart);
        return;
      }
      if (this.leaf === L_TABLE) {
        this.addTableRow(contentStart, false);
        return;
      }
    }
    const first = this.prepare();
    if (this.tableHeader(contentStart)) {
      this.openTable(contentStart);
      return;
    }
    this.openPara(contentStart, first);
  }

  /**
   * Before a new block: closes the open leaf and the containers that did not continue, and marks
   * the innermost container as having children. Returns whether the new block is its first child.
   */
  private prepare(): boolean {
    this.closeLeaf();
    if (this.stack.length > this.matched) this.stack.length = this.matched;
    const n = this.stack.length;
    if (n === 0) return false;
    const top = this.stack[n - 1];
    const first = !top.hasChildren;
    top.hasChildren = true;
    return first;
  }

  private pushContainer(type: number, contentIndent: number, markerStart: number, taskOk = false): void {
    this.stack.push({ type, contentIndent, hasChildren: false, markerStart, markerLine: this.lineStart, taskOk });
    this.matched = this.stack.length;
  }

  private closeLeaf(): void {
    if (this.leaf === L_PARA) this.finishPara(0, -1);
    else if (this.leaf === L_HTML) this.commentOpen = -1;
    this.leaf = L_NONE;
    this.tableExpectDelim = false;
  }

  // ----------------------------------------------------------------------------------------------
  // Containers

  private listStart(nn: number, interrupting: boolean): boolean {
    const text = this.text;
    const end = this.lineEnd;
    const c = text.charCodeAt(nn);
    let markerLen: number;
    let ordered = false;
    let one = false;
    if (c === 42 || c === 43 || c === 45) {
      markerLen = 1;
    } else {
      let q = nn;
      while (q < end && q - nn < 9 && isAsciiDigit(text.charCodeAt(q))) q++;
      if (q >= end) return false;
      const d = text.charCodeAt(q);
      if (d !== 46 && d !== 41) return false;
      markerLen = q - nn + 1;
      ordered = true;
      one = q - nn === 1 && c === 49;
    }
    const after = nn + markerLen;
    if (after < end && !isSpaceOrTab(text.charCodeAt(after))) return false;
    if (interrupting) {
      if (ordered && !one) return false;
      let q = after;
      while (q < end && isSpaceOrTab(text.charCodeAt(q))) q++;
      if (q >= end) return false;
    }
    const markerOffset = this.indent;
    this.prepare();
    this.advanceNextNonspace();
    this.advanceOffset(markerLen, true);
    const spacesStartCol = this.column;
    const spacesStartOffset = this.offset;
    do {
      this.advanceOffset(1, true);
    } while (this.column - spacesStartCol < 5 && this.offset < end && isSpaceOrTab(text.charCodeAt(this.offset)));
    const blankItem = this.offset >= end;
    const spacesAfter = this.column - spacesStartCol;
    let padding: number;
    if (spacesAfter >= 5 || spacesAfter < 1 || blankItem) {
      padding = markerLen + 1;
      this.column = spacesStartCol;
      this.offset = spacesStartOffset;
      this.partialTab = false;
      if (this.offset < end && isSpaceOrTab(text.charCodeAt(this.offset))) this.advanceOffset(1, true);
    } else {
      padding = markerLen + spacesAfter;
    }
    // GFM (micromark) reads a task checkbox in an item that starts with a blank line only when
    // nothing, not even whitespace, follows the marker.
    this.pushContainer(ITEM, markerOffset + padding, nn, !blankItem || after >= end);
    return true;
  }

  /** `[^label]:` starting a footnote definition. */
  private footnoteStart(nn: number): boolean {
    const text = this.text;
    const end = this.lineEnd;
    if (nn + 1 >= end || text.charCodeAt(nn + 1) !== 94) return false;
    let p = nn + 2;
    let size = 0;
    for (;;) {
      if (p >= end) return false;
      const c = text.charCodeAt(p);
      if (size > 999 || c === 91 || isSpaceOrTab(c)) return false;
      if (c === 93) {
        if (size === 0) return false;
        break;
      }
      size++;
      p++;
      if (c === 92 && p < end) {
        const d = text.charCodeAt(p);
        if (d === 91 || d === 92 || d === 93) {
          size++;
          p++;
        }
      }
    }
    if (p + 1 >= end || text.charCodeAt(p + 1) !== 58) return false;
    this.footnotes.add(normalizeLabel(text.slice(nn + 2, p)));
    this.prepare();
    this.advanceNextNonspace();
    this.advanceOffset(p + 2 - nn, false);
    while (this.offset < end && isSpaceOrTab(text.charCodeAt(this.offset))) this.advanceOffset(1, false);
    this.pushContainer(FOOTNOTE, 4, nn);
    return true;
  }

  // ----------------------------------------------------------------------------------------------
  // Leaves

  private atxHeading(nn: number): boolean {
    const text = this.text;
    const end = this.lineEnd;
    let p = nn;
    while (p < end && text.charCodeAt(p) === 35 && p - nn < 7) p++;
    const level = p - nn;
    if (level > 6) return false;
    if (p < end && !isSpaceOrTab(text.charCodeAt(p))) return false;
    this.prepare();
    let s = p;
    while (s < end && isSpaceOrTab(text.charCodeAt(s))) s++;
    let e = end;
    while (e > s && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
    let k = e;
    while (k > s && text.charCodeAt(k - 1) === 35) k--;
    if (k < e) {
      if (k === s) e = s;
      else if (isSpaceOrTab(text.charCodeAt(k - 1))) {
        e = k;
        while (e > s && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
      }
    }
    const block = this.newBlock('heading', nn, end);
    block.headingLevel = level;
    if (e > s) this.specs.add(block, s, e, null, null, false);
    return true;
  }

  private openFence(nn: number): boolean {
    const text = this.text;
    const end = this.lineEnd;
    const c = text.charCodeAt(nn);
    let p = nn;
    while (p < end && text.charCodeAt(p) === c) p++;
    const n = p - nn;
    if (n < 3) return false;
    if (c === 96) {
      for (let q = p; q < end; q++) if (text.charCodeAt(q) === 96) return false;
    }
    this.prepare();
    this.leaf = L_FENCE;
    this.fenceChar = c;
    this.fenceLen = n;
    return true;
  }

  private isClosingFence(): boolean {
    const text = this.text;
    const end = this.lineEnd;
    const c = this.fenceChar;
    let p = this.nn;
    while (p < end && text.charCodeAt(p) === c) p++;
    if (p - this.nn < this.fenceLen) return false;
    while (p < end && isSpaceOrTab(text.charCodeAt(p))) p++;
    return p >= end;
  }

  private openHtml(nn: number, interrupting: boolean): boolean {
    const start = htmlBlockStart(this.text, nn, this.lineEnd, interrupting);
    if (!start) return false;
    this.prepare();
    this.leaf = L_HTML;
    this.htmlKind = start.kind;
    this.htmlComments = start.commentsAreComments;
    this.commentOpen = -1;
    this.scanComments(nn, this.lineEnd);
    if (start.kind <= HtmlKind.Cdata && htmlBlockEndsIn(start.kind, this.text, start.endSearchFrom, this.lineEnd)) {
      this.closeLeaf();
    }
    return true;
  }

  private htmlLine(from: number): void {
    this.scanComments(from, this.lineEnd);
    if (this.htmlKind <= HtmlKind.Cdata && htmlBlockEndsIn(this.htmlKind, this.text, from, this.lineEnd)) {
      this.closeLeaf();
    }
  }

  /** Finds `<!-- … -->` comments in an HTML block's text[from, to), for directives. */
  private scanComments(from: number, to: number): void {
    if (!this.htmlComments) return;
    let p = from;
    while (p < to) {
      if (this.commentOpen < 0) {
        const k = this.commentStartFinder.find(p);
        if (k < 0 || k >= to) return;
        this.commentOpen = k;
        p = k + 2;
      }
      const e = this.commentEndFinder.find(p);
      if (e < 0 || e + 3 > to) return;
      const d = parseDirective(this.text, this.commentOpen, e + 3);
      if (d) this.directives.push(d);
      this.commentOpen = -1;
      p = e + 3;
    }
  }

  private isSetextUnderline(nn: number): boolean {
    const text = this.text;
    const end = this.lineEnd;
    const c = text.charCodeAt(nn);
    let p = nn;
    while (p < end && text.charCodeAt(p) === c) p++;
    while (p < end && isSpaceOrTab(text.charCodeAt(p))) p++;
    return p >= end;
  }

  /** Turns the open paragraph into a setext heading; false if it held only definitions. */
  private setext(level: number): boolean {
    const ok = this.finishPara(level, this.lineEnd);
    this.leaf = L_NONE;
    return ok;
  }

  private isThematicBreak(nn: number): boolean {
    const text = this.text;
    const end = this.lineEnd;
    const c = text.charCodeAt(nn);
    let count = 0;
    for (let p = nn; p < end; p++) {
      const d = text.charCodeAt(p);
      if (d === c) count++;
      else if (!isSpaceOrTab(d)) return false;
    }
    return count >= 3;
  }

  // Paragraphs

  private openPara(s: number, first: boolean): void {
    this.leaf = L_PARA;
    this.paraFrom = s;
    this.paraTo = this.lineEnd;
    this.paraHoles = null;
    const n = this.stack.length;
    const top = n > 0 ? this.stack[n - 1] : null;
    this.paraListItem = first && top !== null && top.type === ITEM;
    this.paraTask = this.paraListItem && (top!.markerLine === this.lineStart || top!.taskOk);
    this.paraStart = this.paraListItem && top!.markerLine === this.lineStart ? top!.markerStart : s;
    let items = 0;
    let quotes = 0;
    for (let i = 0; i < n; i++) {
      const t = this.stack[i].type;
      if (t === ITEM) items++;
      else if (t === QUOTE) quotes++;
    }
    this.paraListDepth = items - 1;
    this.paraQuoteDepth = quotes;
  }

  private addParaLine(s: number): void {
    if (this.prefixHasMarker) {
      if (this.paraHoles === null) this.paraHoles = [];
      this.paraHoles.push(this.lineStart, s);
    }
    this.paraTo = this.lineEnd;
  }

  /**
   * Closes the open paragraph: takes the link reference definitions off its start and records
   * the rest as a block (a heading of `level` when level > 0). Returns whether a block remains.
   */
  private finishPara(level: number, end: number): boolean {
    const text = this.text;
    let from = this.paraFrom;
    const to = this.paraTo;
    let holes = this.paraHoles;
    let start = this.paraStart;
    if (text.charCodeAt(from) === 91 /* [ */) {
      let rest: number;
      if (holes === null) rest = parseDefinitions(text, from, to, this.definitions);
      else {
        const masked = maskHoles(text, from, to, holes);
        rest = from + parseDefinitions(masked, 0, masked.length, this.definitions);
      }
      this.noteLabels();
      if (rest > from) {
        if (rest >= to) return false;
        // The paragraph proper starts on the line after the last definition.
        let k = 0;
        if (holes !== null) {
          while (k < holes.length && holes[k + 1] <= rest) k += 2;
          if (k < holes.length && holes[k] <= rest) {
            rest = holes[k + 1];
            k += 2;
          }
        }
        while (rest < to && (text.charCodeAt(rest) === SPACE || text.charCodeAt(rest) === TAB)) rest++;
        if (rest >= to) return false;
        from = rest;
        start = rest;
        if (holes !== null) holes = k < holes.length ? holes.slice(k) : null;
      }
    }
    const block = this.newBlock(level > 0 ? 'heading' : this.paraListItem && from === this.paraFrom ? 'list-item' : 'paragraph', start, end >= 0 ? end : to);
    if (level > 0) block.headingLevel = level;
    if (this.paraListDepth >= 0) block.listDepth = this.paraListDepth;
    if (this.paraQuoteDepth > 0) block.quoteDepth = this.paraQuoteDepth;
    this.specs.add(block, from, to, holes, null, level === 0 && this.paraTask);
    return true;
  }

  private noteLabels(): void {
    for (const label of this.definitions) if (label.length > this.maxLabel) this.maxLabel = label.length;
  }

  private newBlock(kind: BlockKind, start: number, end: number): BlockOut {
    const block: BlockOut = { kind, start, end, segments: [] };
    if (kind !== 'paragraph' && kind !== 'list-item') {
      let items = 0;
      let quotes = 0;
      for (const ct of this.stack) {
        if (ct.type === ITEM) items++;
        else if (ct.type === QUOTE) quotes++;
      }
      if (items > 0) block.listDepth = items - 1;
      if (quotes > 0) block.quoteDepth = quotes;
    }
    return block;
  }

  // Tables

  /** Whether the line from s is a table header row whose delimiter row follows. */
  private tableHeader(s: number): boolean {
    // Cheap test first: after container markers, the next line must start like a delimiter row.
    const text = this.text;
    let q = this.nextLine;
    if (q >= this.len) return false;
    for (;;) {
      const c = q < this.len ? text.charCodeAt(q) : -1;
      if (c === SPACE || c === TAB || c === 62 /* > */) q++;
      else if (c === 124 || c === 45 || c === 58) break; // | - :
      else return false;
    }
    const size = this.headerCells(s, this.lineEnd);
    if (size < 0) return false;
    // Look at the next line without consuming it.
    const saved = [
      this.lineStart, this.lineEnd, this.nextLine, this.offset, this.column, this.nn, this.nnCol, this.nnLine, this.indent,
    ];
    const savedPartial = this.partialTab;
    const savedBlank = this.blank;
    const savedMarker = this.prefixHasMarker;
    const savedMatched = this.matched;
    this.setLine(this.nextLine);
    let ok = this.matchContainers() === this.stack.length;
    if (ok) {
      this.findNextNonspace();
      const nn = this.nn;
      // `- | -` would fit a delimiter row, but a list item starts there first.
      const item = text.charCodeAt(nn) === 45 && nn + 1 < this.lineEnd && isSpaceOrTab(text.charCodeAt(nn + 1));
      ok = !this.blank && !item && this.indent <= 3 && this.delimiterCells(nn, this.lineEnd) === size;
    }
    [this.lineStart, this.lineEnd, this.nextLine, this.offset, this.column, this.nn, this.nnCol, this.nnLine, this.indent] = saved;
    this.partialTab = savedPartial;
    this.blank = savedBlank;
    this.prefixHasMarker = savedMarker;
    this.matched = savedMatched;
    return ok;
  }

  /** Cell count of a header row (micromark's rules), or -1. */
  private headerCells(s: number, e: number): number {
    const text = this.text;
    let size = 0;
    let sizeB = 0;
    let seen = false;
    let p = s;
    if (text.charCodeAt(p) !== 124) {
      seen = true;
      sizeB++;
    }
    for (;;) {
      if (p >= e) return sizeB > 1 ? size : -1;
      let c = text.charCodeAt(p);
      if (isSpaceOrTab(c)) {
        p++;
        continue;
      }
      sizeB++;
      if (seen) {
        seen = false;
        size++;
      }
      if (c === 124) {
        seen = true;
        p++;
        continue;
      }
      while (p < e) {
        c = text.charCodeAt(p);
        if (c === 124 || isSpaceOrTab(c)) break;
        p++;
        if (c === 92 && p < e) {
          const d = text.charCodeAt(p);
          if (d === 92 || d === 124) p++;
        }
      }
    }
  }

  /** Cell count of a delimiter row, or -1. */
  private delimiterCells(s: number, e: number): number {
    const text = this.text;
    let sizeB = 0;
    let seen = false;
    let p = s;
    for (;;) {
      // Before a cell.
      let c = p < e ? text.charCodeAt(p) : -1;
      if (c === 124) {
        seen = true;
        p++;
        while (p < e && isSpaceOrTab(text.charCodeAt(p))) p++;
        c = p < e ? text.charCodeAt(p) : -1;
      } else if (c !== 45 && c !== 58) {
        return -1;
      }
      if (c === -1) return seen ? sizeB : -1;
      if (c === 58) {
        sizeB++;
        seen = true;
        p++;
        if (p >= e || text.charCodeAt(p) !== 45) return -1;
      } else if (c === 45) {
        sizeB++;
      } else {
        return -1;
      }
      while (p < e && text.charCodeAt(p) === 45) p++;
      if (p < e && text.charCodeAt(p) === 58) {
        seen = true;
        p++;
      }
      while (p < e && isSpaceOrTab(text.charCodeAt(p))) p++;
      if (p >= e) return seen ? sizeB : -1;
      if (text.charCodeAt(p) !== 124) return -1;
    }
  }

  private openTable(s: number): void {
    this.leaf = L_TABLE;
    this.addTableRow(s, true);
    this.tableExpectDelim = true;
  }

  private addTableRow(s: number, header: boolean): void {
    const text = this.text;
    let e = this.lineEnd;
    while (e > s && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
    const cells: number[] = [];
    let p = s;
    if (p < e && text.charCodeAt(p) === 124) p++;
    let cellStart = p;
    while (p < e) {
      const c = text.charCodeAt(p);
      if (c === 92 && p + 1 < e) {
        const d = text.charCodeAt(p + 1);
        if (d === 124 || d === 92) {
          p += 2;
          continue;
        }
      }
      if (c === 124) {
        pushCell(text, cells, cellStart, p);
        cellStart = ++p;
        continue;
      }
      p++;
    }
    pushCell(text, cells, cellStart, e);
    const block = this.newBlock('table-row', s, this.lineEnd);
    block.tableHeader = header;
    if (cells.length > 0) this.specs.add(block, s, e, null, cells, false);
  }

  // Front matter

  /** Skips YAML (`---`) or TOML (`+++`) front matter at the start; returns where blocks begin. */
  private frontMatter(pos: number): number {
    const end = this.frontMatterEnd(pos);
    // The line-ending cache ran ahead; start it again.
    this.lfPos = this.crPos = -1;
    return end;
  }

  private frontMatterEnd(pos: number): number {
    const text = this.text;
    const c = text.charCodeAt(pos);
    if (c !== 45 && c !== 43) return pos;
    const fence = c === 45 ? '---' : '+++';
    if (!text.startsWith(fence, pos) || !restIsBlank(text, pos + 3, this.lineEndAt(pos))) return pos;
    let p = this.nextLineAt(pos);
    while (p < this.len) {
      const e = this.lineEndAt(p);
      if ((text.startsWith(fence, p) || (c === 45 && text.startsWith('...', p))) && restIsBlank(text, p + 3, e)) {
        return this.nextLineAt(p);
      }
      p = this.nextLineAt(p);
    }
    return pos;
  }

  private lineEndAt(pos: number): number {
    this.setLine(pos);
    return this.lineEnd;
  }

  private nextLineAt(pos: number): number {
    this.setLine(pos);
    return this.nextLine;
  }
}

function restIsBlank(text: string, p: number, end: number): boolean {
  while (p < end && isSpaceOrTab(text.charCodeAt(p))) p++;
  return p >= end;
}

function pushCell(text: string, cells: number[], a: number, b: number): void {
  while (a < b && isSpaceOrTab(text.charCodeAt(a))) a++;
  while (b > a && isSpaceOrTab(text.charCodeAt(b - 1))) b--;
  if (a < b) cells.push(a, b);
}

/** text[from, to) with the hole ranges (absolute pairs) replaced by spaces: same length. */
export function maskHoles(text: string, from: number, to: number, holes: number[]): string {
  let out = '';
  let p = from;
  for (let k = 0; k < holes.length; k += 2) {
    const hs = holes[k] < p ? p : holes[k];
    const he = holes[k + 1] > to ? to : holes[k + 1];
    if (hs >= he) continue;
    out += text.slice(p, hs) + ' '.repeat(he - hs);
    p = he;
  }
  return out + text.slice(p, to);
}
