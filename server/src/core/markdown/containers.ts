// The containers of the block scanner: the stack of open block quotes, list items and footnote
// definitions, matched against each line (CommonMark's first step), and the markers that open new ones.
// The leaves inside them (paragraphs, headings, code, HTML, tables) are the block scanner's (blocks.ts).

import { isAsciiDigit, isSpaceOrTab, normalizeLabel } from './chars';
import { footnoteDefinitionEnd } from './footnotes';
import { LineCursor } from './line-cursor';

export const QUOTE = 0;
export const ITEM = 1;
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

export abstract class ContainerStack extends LineCursor {
  readonly footnotes = new Set<string>();
  protected readonly stack: Container[] = [];
  protected matched = 0;
  /** Whether the containers matched on this line had a marker (`>`): the line's prefix is then a hole in the paragraph. */
  protected prefixHasMarker = false;

  /** Closes the open leaf block (a new block, or the end of its containers). */
  protected abstract closeLeaf(): void;

  /**
   * What `look` finds on the next line, leaving the current line and the containers matched on it as
   * they were (a table header needs to see its delimiter row).
   */
  protected peekNextLine<T>(look: () => T): T {
    const numbers = [
      this.lineStart, this.lineEnd, this.nextLine, this.offset, this.column, this.nn, this.nnCol, this.nnLine, this.indent, this.matched,
    ];
    const flags = [this.partialTab, this.blank, this.prefixHasMarker];
    this.setLine(this.nextLine);
    const result = look();
    [this.lineStart, this.lineEnd, this.nextLine, this.offset, this.column, this.nn, this.nnCol, this.nnLine, this.indent, this.matched] = numbers;
    [this.partialTab, this.blank, this.prefixHasMarker] = flags;
    return result;
  }

  /** Matches the open containers against the current line; returns how many continue. */
  protected matchContainers(): number {
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

  /**
   * Before a new block: closes the open leaf and the containers that did not continue, and marks
   * the innermost container as having children. Returns whether the new block is its first child.
   */
  protected prepare(): boolean {
    this.closeLeaf();
    if (this.stack.length > this.matched) this.stack.length = this.matched;
    const n = this.stack.length;
    if (n === 0) return false;
    const top = this.stack[n - 1];
    const first = !top.hasChildren;
    top.hasChildren = true;
    return first;
  }

  protected pushContainer(type: number, contentIndent: number, markerStart: number, taskOk = false): void {
    this.stack.push({ type, contentIndent, hasChildren: false, markerStart, markerLine: this.lineStart, taskOk });
    this.matched = this.stack.length;
  }

  protected listStart(nn: number, interrupting: boolean): boolean {
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

  /** `[^label]:` starting a footnote definition (footnotes.ts reads the label). */
  protected footnoteStart(nn: number): boolean {
    const text = this.text;
    const end = this.lineEnd;
    const p = footnoteDefinitionEnd(text, nn, end);
    if (p < 0) return false;
    this.footnotes.add(normalizeLabel(text.slice(nn + 2, p)));
    this.prepare();
    this.advanceNextNonspace();
    this.advanceOffset(p + 2 - nn, false);
    while (this.offset < end && isSpaceOrTab(text.charCodeAt(this.offset))) this.advanceOffset(1, false);
    this.pushContainer(FOOTNOTE, 4, nn);
    return true;
  }
}
