// HTML in Markdown: the start and end conditions of HTML blocks and inline HTML (tags, comments,
// processing instructions, declarations, CDATA). (The `kpo-…` directive comments found in it are read
// by core/directives.ts; `<…>` autolinks are in autolink.ts.)
// The state machines follow CommonMark 0.31 as micromark implements it.

import { isAsciiAlpha, isAsciiAlphanumeric, isSpaceOrTab, isWhitespace } from './chars';

const BLOCK_NAMES = new Set([
  'address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col',
  'colgroup', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr',
  'html', 'iframe', 'legend', 'li', 'link', 'main', 'menu', 'menuitem', 'nav', 'noframes', 'ol',
  'optgroup', 'option', 'p', 'param', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'title', 'tr', 'track', 'ul',
]);
const RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);

/** HTML block kinds, numbered as in CommonMark. */
export const enum HtmlKind {
  None = 0,
  Raw = 1, // <script>, <pre>, <style>, <textarea>
  Comment = 2,
  Instruction = 3,
  Declaration = 4,
  Cdata = 5,
  Basic = 6, // block-level tag names
  Complete = 7, // any complete open or closing tag alone on its line
}

export interface HtmlBlockStart {
  kind: HtmlKind;
  /** Where to start looking for the end condition (kinds 1-5). */
  endSearchFrom: number;
  /** For kind 1: whether comments inside are real comments (not in script/style/textarea). */
  commentsAreComments: boolean;
}

/** What an HTML `<` opens, by its first characters: a comment, CDATA, a declaration, an instruction or a tag. */
interface HtmlOpening {
  kind: HtmlKind.Comment | HtmlKind.Cdata | HtmlKind.Declaration | HtmlKind.Instruction | 'tag';
  /** Where the rest is read from: the first `-` of a comment, after `<![CDATA[`, the declaration's name, the `?`, or after `<`. */
  at: number;
}

/**
 * The construct the `<` at `p` opens, in text[p, end), or null: HTML blocks (html-flow) and inline
 * HTML (html-text) tell them apart by the same first characters.
 */
function htmlOpening(text: string, p: number, end: number): HtmlOpening | null {
  let i = p + 1;
  if (i >= end) return null;
  let c = text.charCodeAt(i);
  if (c === 33 /* ! */) {
    i++;
    c = i < end ? text.charCodeAt(i) : -1;
    if (c === 45 /* - */) return i + 1 < end && text.charCodeAt(i + 1) === 45 ? { kind: HtmlKind.Comment, at: i } : null;
    if (c === 91 /* [ */) return text.startsWith('CDATA[', i + 1) && i + 7 <= end ? { kind: HtmlKind.Cdata, at: i + 7 } : null;
    return isAsciiAlpha(c) ? { kind: HtmlKind.Declaration, at: i } : null;
  }
  if (c === 63 /* ? */) return { kind: HtmlKind.Instruction, at: i };
  return { kind: 'tag', at: i };
}

/**
 * Whether an HTML block starts at `p` (which holds `<`). `interrupting` is true when the line
 * would otherwise continue a paragraph (kind 7 cannot interrupt one).
 */
export function htmlBlockStart(text: string, p: number, end: number, interrupting: boolean): HtmlBlockStart | null {
  const opening = htmlOpening(text, p, end);
  if (opening === null) return null;
  if (opening.kind !== 'tag') return { kind: opening.kind, endSearchFrom: opening.at, commentsAreComments: opening.kind === HtmlKind.Comment };
  let i = opening.at;
  let c = text.charCodeAt(i);
  let closing = false;
  if (c === 47 /* / */) {
    closing = true;
    i++;
    c = i < end ? text.charCodeAt(i) : -1;
  }
  if (!isAsciiAlpha(c)) return null;
  const nameStart = i;
  while (i < end) {
    c = text.charCodeAt(i);
    if (c === 45 || isAsciiAlphanumeric(c)) i++;
    else break;
  }
  c = i < end ? text.charCodeAt(i) : -1;
  if (!(c === -1 || c === 47 || c === 62 || isWhitespace(c))) return null;
  const name = text.slice(nameStart, i).toLowerCase();
  const slash = c === 47;
  if (!slash && !closing && RAW_NAMES.has(name)) {
    return { kind: HtmlKind.Raw, endSearchFrom: i, commentsAreComments: name === 'pre' };
  }
  if (BLOCK_NAMES.has(name)) {
    if (slash) {
      if (i + 1 < end && text.charCodeAt(i + 1) === 62) {
        return { kind: HtmlKind.Basic, endSearchFrom: i, commentsAreComments: true };
      }
      return null;
    }
    return { kind: HtmlKind.Basic, endSearchFrom: i, commentsAreComments: true };
  }
  if (interrupting) return null;
  // Kind 7: a complete tag followed only by whitespace.
  if (closing) {
    while (i < end && isSpaceOrTab(text.charCodeAt(i))) i++;
  } else {
    i = completeAttributes(text, i, end);
    if (i < 0) return null;
  }
  if (i >= end || text.charCodeAt(i) !== 62) return null;
  i++;
  while (i < end && isSpaceOrTab(text.charCodeAt(i))) i++;
  if (i !== end) return null;
  return { kind: HtmlKind.Complete, endSearchFrom: end, commentsAreComments: true };
}

/**
 * Attributes of a kind-7 open tag on one line (micromark's html-flow "complete" states). Returns
 * the index where the closing `>` must be, or -1.
 */
function completeAttributes(text: string, i: number, end: number): number {
  const NAME_BEFORE = 0;
  const NAME_AFTER = 1;
  const VALUE_BEFORE = 2;
  let state = NAME_BEFORE;
  for (;;) {
    const c = i < end ? text.charCodeAt(i) : -1;
    if (state === NAME_BEFORE) {
      if (c === 47 /* / */) return i + 1;
      if (c === 58 || c === 95 || isAsciiAlpha(c)) {
        i++;
        while (i < end) {
          const d = text.charCodeAt(i);
          if (d === 45 || d === 46 || d === 58 || d === 95 || isAsciiAlphanumeric(d)) i++;
          else break;
        }
        state = NAME_AFTER;
        continue;
      }
      if (isSpaceOrTab(c)) {
        i++;
        continue;
      }
      return i;
    }
    if (state === NAME_AFTER) {
      if (c === 61 /* = */) {
        i++;
        state = VALUE_BEFORE;
        continue;
      }
      if (isSpaceOrTab(c)) {
        i++;
        continue;
      }
      state = NAME_BEFORE;
      continue;
    }
    // VALUE_BEFORE
    if (c === -1 || c === 60 || c === 61 || c === 62 || c === 96) return -1;
    if (c === 34 || c === 39) {
      i++;
      while (i < end && text.charCodeAt(i) !== c) i++;
      if (i >= end) return -1;
      i++;
      const d = i < end ? text.charCodeAt(i) : -1;
      if (!(d === 47 || d === 62 || isSpaceOrTab(d))) return -1;
      state = NAME_BEFORE;
      continue;
    }
    if (isSpaceOrTab(c)) {
      i++;
      continue;
    }
    while (i < end) {
      const d = text.charCodeAt(i);
      if (d === 34 || d === 39 || d === 47 || d === 60 || d === 61 || d === 62 || d === 96 || isWhitespace(d)) break;
      i++;
    }
    state = NAME_AFTER;
  }
}

/** Whether the end condition of an HTML block of kind 1-5 occurs in text[from, end). */
export function htmlBlockEndsIn(kind: HtmlKind, text: string, from: number, end: number): boolean {
  switch (kind) {
    case HtmlKind.Comment: {
      const k = text.indexOf('-->', from);
      return k >= 0 && k + 3 <= end;
    }
    case HtmlKind.Instruction: {
      const k = text.indexOf('?>', from);
      return k >= 0 && k + 2 <= end;
    }
    case HtmlKind.Declaration: {
      const k = text.indexOf('>', from);
      return k >= 0 && k < end;
    }
    case HtmlKind.Cdata: {
      const k = text.indexOf(']]>', from);
      return k >= 0 && k + 3 <= end;
    }
    case HtmlKind.Raw: {
      let k = from;
      for (;;) {
        k = text.indexOf('</', k);
        if (k < 0 || k >= end) return false;
        let j = k + 2;
        while (j < end && j - k - 2 < 9 && isAsciiAlpha(text.charCodeAt(j))) j++;
        if (j < end && text.charCodeAt(j) === 62 && RAW_NAMES.has(text.slice(k + 2, j).toLowerCase())) return true;
        k += 2;
      }
    }
    default:
      return false;
  }
}

/**
 * Finds the next occurrence of a fixed string, remembering the last answer so repeated failing
 * searches over the same text stay linear.
 */
export class NextFinder {
  private src = '';
  private from = 0;
  private found = -1;
  private valid = false;
  constructor(private readonly needle: string) {}
  reset(src: string): void {
    if (src !== this.src) {
      this.src = src;
      this.valid = false;
    }
  }
  find(q: number): number {
    if (this.valid && q >= this.from && (this.found < 0 || q <= this.found)) return this.found;
    this.from = q;
    this.found = this.src.indexOf(this.needle, q);
    this.valid = true;
    return this.found;
  }
}

export interface InlineHtmlFinders {
  comment: NextFinder;
  instruction: NextFinder;
  cdata: NextFinder;
  gt: NextFinder;
}

export function createInlineHtmlFinders(): InlineHtmlFinders {
  return {
    comment: new NextFinder('-->'),
    instruction: new NextFinder('?>'),
    cdata: new NextFinder(']]>'),
    gt: new NextFinder('>'),
  };
}

/** Kinds of inline HTML, for telling comments apart. */
export const enum InlineHtml {
  Tag = 1,
  Comment = 2,
  Other = 3,
}

/** Inline HTML found by matchInlineHtml: where it ends (after the closing `>`) and what it is. */
export interface InlineHtmlMatch {
  end: number;
  kind: InlineHtml;
}

/** Inline HTML starting at `i` (which holds `<`), per micromark's html-text; null if there is none. */
export function matchInlineHtml(src: string, i: number, to: number, finders: InlineHtmlFinders): InlineHtmlMatch | null {
  const opening = htmlOpening(src, i, to);
  if (opening === null) return null;
  const at = opening.at;
  switch (opening.kind) {
    case HtmlKind.Comment: {
      const k = finders.comment.find(at);
      return k < 0 || k + 3 > to ? null : { end: k + 3, kind: InlineHtml.Comment };
    }
    case HtmlKind.Cdata: {
      const k = finders.cdata.find(at);
      return k < 0 || k + 3 > to ? null : { end: k + 3, kind: InlineHtml.Other };
    }
    case HtmlKind.Declaration: {
      const k = finders.gt.find(at);
      return k < 0 || k >= to ? null : { end: k + 1, kind: InlineHtml.Other };
    }
    case HtmlKind.Instruction: {
      const k = finders.instruction.find(at + 1);
      return k < 0 || k + 2 > to ? null : { end: k + 2, kind: InlineHtml.Other };
    }
  }
  const end = matchTag(src, at, to);
  return end < 0 ? null : { end, kind: InlineHtml.Tag };
}

/** The rest of an open or closing tag, from `p` right after its `<`; returns the offset after its `>`, or -1. */
function matchTag(src: string, p: number, to: number): number {
  let c = src.charCodeAt(p);
  if (c === 47 /* / */) {
    p++;
    c = p < to ? src.charCodeAt(p) : -1;
    if (!isAsciiAlpha(c)) return -1;
    p++;
    while (p < to) {
      c = src.charCodeAt(p);
      if (c === 45 || isAsciiAlphanumeric(c)) p++;
      else break;
    }
    while (p < to && isWhitespace(src.charCodeAt(p))) p++;
    return p < to && src.charCodeAt(p) === 62 ? p + 1 : -1;
  }
  if (!isAsciiAlpha(c)) return -1;
  p++;
  while (p < to) {
    c = src.charCodeAt(p);
    if (c === 45 || isAsciiAlphanumeric(c)) p++;
    else break;
  }
  if (p >= to) return -1;
  c = src.charCodeAt(p);
  if (!(c === 47 || c === 62 || isWhitespace(c))) return -1;
  // tagOpenBetween
  for (;;) {
    c = p < to ? src.charCodeAt(p) : -1;
    if (c === 47) {
      return p + 1 < to && src.charCodeAt(p + 1) === 62 ? p + 2 : -1;
    }
    if (c === 58 || c === 95 || isAsciiAlpha(c)) {
      p++;
      while (p < to) {
        c = src.charCodeAt(p);
        if (c === 45 || c === 46 || c === 58 || c === 95 || isAsciiAlphanumeric(c)) p++;
        else break;
      }
      // tagOpenAttributeNameAfter
      while (p < to && isWhitespace(src.charCodeAt(p))) p++;
      c = p < to ? src.charCodeAt(p) : -1;
      if (c !== 61 /* = */) continue; // back to tagOpenBetween
      p++;
      // tagOpenAttributeValueBefore
      while (p < to && isWhitespace(src.charCodeAt(p))) p++;
      c = p < to ? src.charCodeAt(p) : -1;
      if (c === -1 || c === 60 || c === 61 || c === 62 || c === 96) return -1;
      if (c === 34 || c === 39) {
        const q = c;
        p++;
        while (p < to && src.charCodeAt(p) !== q) p++;
        if (p >= to) return -1;
        p++;
        c = p < to ? src.charCodeAt(p) : -1;
        if (!(c === 47 || c === 62 || isWhitespace(c))) return -1;
        continue;
      }
      p++;
      while (p < to) {
        c = src.charCodeAt(p);
        if (c === 34 || c === 39 || c === 60 || c === 61 || c === 96) return -1;
        if (c === 47 || c === 62 || isWhitespace(c)) break;
        p++;
      }
      if (p >= to) return -1;
      continue;
    }
    if (isWhitespace(c)) {
      p++;
      continue;
    }
    return c === 62 ? p + 1 : -1;
  }
}
