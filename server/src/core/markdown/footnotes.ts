// GFM footnotes: the `[^label]:` that opens a footnote definition (a container, like a list item) and
// the `[^label]` that calls a defined footnote in a block's text. Both read the label the same way.

import { isWhitespace, normalizeLabel } from './chars';

/**
 * The `]` that closes a footnote label whose text starts at `p` (right after `[^`), or -1: at most 999
 * characters, none of them `[` or whitespace, not empty; `\[`, `\\` and `\]` are escapes.
 */
function footnoteLabelEnd(text: string, p: number, end: number): number {
  let size = 0;
  while (p < end) {
    const c = text.charCodeAt(p);
    if (size > 999 || c === 91 || isWhitespace(c)) return -1;
    if (c === 93) return size === 0 ? -1 : p;
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
  return -1;
}

/** A `[^label]:` footnote definition start at `nn` (which holds `[`) on a line ending at `end`: the offset of its `]`, or -1. */
export function footnoteDefinitionEnd(text: string, nn: number, end: number): number {
  if (nn + 1 >= end || text.charCodeAt(nn + 1) !== 94) return -1;
  const p = footnoteLabelEnd(text, nn + 2, end);
  if (p < 0 || p + 1 >= end || text.charCodeAt(p + 1) !== 58) return -1;
  return p;
}

/** `[^label]` naming a defined footnote, at i (which holds `[`, followed by `^`); returns its end or -1. */
export function matchFootnoteCall(src: string, i: number, to: number, footnotes: Set<string>): number {
  const p = footnoteLabelEnd(src, i + 2, to);
  return p >= 0 && footnotes.has(normalizeLabel(src.slice(i + 2, p))) ? p + 1 : -1;
}
