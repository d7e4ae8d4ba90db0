// The block scanner's reading position: the current line (where it starts and ends, where the next one
// starts) and the position within it, in offsets and in columns (a tab advances to the next multiple
// of 4, and may be consumed partly, as CommonMark counts indentation).

import { CR, LF, SPACE, TAB } from './chars';

export abstract class LineCursor {
  protected readonly len: number;
  // Current line.
  protected lineStart = 0;
  protected lineEnd = 0;
  protected nextLine = 0;
  protected lfPos = -1;
  protected crPos = -1;
  // Position within the line.
  protected offset = 0;
  protected column = 0;
  protected partialTab = false;
  protected nn = 0;
  protected nnCol = 0;
  protected nnLine = -1;
  protected indent = 0;
  protected blank = false;

  constructor(protected readonly text: string) {
    this.len = text.length;
  }

  /** Makes the line starting at `pos` the current line, positioned at its start. */
  protected setLine(pos: number): void {
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

  /** Finds the first character after spaces and tabs from the position (`nn`, its column `nnCol`), the `indent` up to it and whether the rest is `blank`. */
  protected findNextNonspace(): void {
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

  /** Moves the position to `nn`. */
  protected advanceNextNonspace(): void {
    this.offset = this.nn;
    this.column = this.nnCol;
    this.partialTab = false;
  }

  /** Moves the position by `count` characters, or by `count` columns when `columns` (a tab may then be consumed partly). */
  protected advanceOffset(count: number, columns: boolean): void {
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
}
