// The block scanner: one pass over the lines, keeping a stack of open containers (block quotes,
// list items, footnote definitions) and at most one open leaf (paragraph, fenced or indented
// code, HTML block, table), as in CommonMark's block-structure algorithm. Prose blocks are
// recorded with where their inline content lies; the inline scanner reads them afterwards, once
// every link reference definition in the document is known.
//
// Here: the line algorithm and the leaves. Beside it: the reading position (line-cursor.ts), the
// containers (containers.ts), front matter (front-matter.ts), table rows (tables.ts), footnote
// labels (footnotes.ts), link reference definitions (definitions.ts), directive comments in HTML
// blocks (html-block-comments.ts) and what is handed to the inline scanner (block-specs.ts).

import { isAsciiDigit, isSpaceOrTab } from './chars';
import { HtmlKind, htmlBlockEndsIn, htmlBlockStart } from './html';
import { HtmlBlockComments } from './html-block-comments';
import { afterDefinitions } from './definitions';
import type { Directive } from '../directives';
import { ContentSpecs, type BlockKind, type BlockOut } from './block-specs';
import { ContainerStack, ITEM, QUOTE } from './containers';
import { frontMatterEnd } from './front-matter';
import { delimiterCells, headerCells, mayBeDelimiterRow, rowCells } from './tables';

const L_NONE = 0;
const L_PARA = 1;
const L_FENCE = 2;
const L_ICODE = 3;
const L_HTML = 4;
const L_TABLE = 5;

export class BlockParser extends ContainerStack {
  readonly specs = new ContentSpecs();
  readonly definitions = new Set<string>();
  /** Longest normalized definition label. */
  maxLabel = 0;

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
  private tableExpectDelim = false;
  private readonly htmlComments: HtmlBlockComments;

  constructor(text: string, directives: Directive[]) {
    super(text);
    this.htmlComments = new HtmlBlockComments(text, directives);
  }

  run(): void {
    let pos = 0;
    if (this.len > 0 && this.text.charCodeAt(0) === 0xfeff) pos = 1;
    pos = frontMatterEnd(this.text, pos);
    while (pos < this.len) {
      this.setLine(pos);
      this.processLine();
      pos = this.nextLine;
    }
    this.closeLeaf();
    this.stack.length = 0;
  }

  // ----------------------------------------------------------------------------------------------
  // The line algorithm

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

  protected closeLeaf(): void {
    if (this.leaf === L_PARA) this.finishPara(0, -1);
    else if (this.leaf === L_HTML) this.htmlComments.close();
    this.leaf = L_NONE;
    this.tableExpectDelim = false;
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
    this.htmlComments.open(start.commentsAreComments);
    this.htmlComments.scan(nn, this.lineEnd);
    if (start.kind <= HtmlKind.Cdata && htmlBlockEndsIn(start.kind, this.text, start.endSearchFrom, this.lineEnd)) {
      this.closeLeaf();
    }
    return true;
  }

  private htmlLine(from: number): void {
    this.htmlComments.scan(from, this.lineEnd);
    if (this.htmlKind <= HtmlKind.Cdata && htmlBlockEndsIn(this.htmlKind, this.text, from, this.lineEnd)) {
      this.closeLeaf();
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
      const rest = afterDefinitions(text, from, to, holes, this.definitions);
      this.noteLabels();
      if (rest === null) return false;
      if (rest.from > from) {
        from = rest.from;
        start = rest.from;
        holes = rest.holes;
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

  /** Whether the line from s is a table header row whose delimiter row follows (tables.ts counts the cells). */
  private tableHeader(s: number): boolean {
    // Cheap test first: after container markers, the next line must start like a delimiter row.
    if (!mayBeDelimiterRow(this.text, this.nextLine)) return false;
    const size = headerCells(this.text, s, this.lineEnd);
    if (size < 0) return false;
    return this.peekNextLine(() => {
      if (this.matchContainers() !== this.stack.length) return false;
      this.findNextNonspace();
      const text = this.text;
      const nn = this.nn;
      // `- | -` would fit a delimiter row, but a list item starts there first.
      const item = text.charCodeAt(nn) === 45 && nn + 1 < this.lineEnd && isSpaceOrTab(text.charCodeAt(nn + 1));
      return !this.blank && !item && this.indent <= 3 && delimiterCells(text, nn, this.lineEnd) === size;
    });
  }

  private openTable(s: number): void {
    this.leaf = L_TABLE;
    this.addTableRow(s, true);
    this.tableExpectDelim = true;
  }

  private addTableRow(s: number, header: boolean): void {
    const row = rowCells(this.text, s, this.lineEnd);
    const block = this.newBlock('table-row', s, this.lineEnd);
    block.tableHeader = header;
    if (row.cells.length > 0) this.specs.add(block, s, row.end, null, row.cells, false);
  }
}
