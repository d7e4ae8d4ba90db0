// `<!-- … -->` comments inside HTML blocks, for `kpo-…` directives: a comment may open on one line of
// an HTML block and close on a later one, so the block scanner feeds its lines here one by one.

import { parseDirective, type Directive } from '../directives';
import { NextFinder } from './html';

export class HtmlBlockComments {
  /** Whether comments in the open HTML block are comments (not inside <script>, <style>, <textarea>). */
  private enabled = false;
  /** Where the comment still open started, or -1. */
  private commentOpen = -1;
  private readonly commentStartFinder = new NextFinder('<!--');
  private readonly commentEndFinder = new NextFinder('-->');

  constructor(
    private readonly text: string,
    private readonly directives: Directive[],
  ) {
    this.commentStartFinder.reset(text);
    this.commentEndFinder.reset(text);
  }

  /** An HTML block opens; `commentsAreComments` as htmlBlockStart says. */
  open(commentsAreComments: boolean): void {
    this.enabled = commentsAreComments;
    this.commentOpen = -1;
  }

  /** The HTML block closes: a comment still open ends with it. */
  close(): void {
    this.commentOpen = -1;
  }

  /** Finds `<!-- … -->` comments in an HTML block's text[from, to), for directives. */
  scan(from: number, to: number): void {
    if (!this.enabled) return;
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
}
