// The inline scanner: finds what inside a block's text is not prose (code spans, autolinks,
// inline HTML, link destinations, bare URLs, footnote calls, task checkboxes) and turns the rest
// into segments. One left-to-right pass, with CommonMark's (micromark's) precedence rules for
// brackets: links are only recognized when their label end is found, link labels cannot contain
// links, and bare URLs are not recognized inside a link label that is still open.

import { isAsciiPunctuation, isGfmAtext, isWhitespace, normalizeLabel, CR, LF } from './chars';
import { createInlineHtmlFinders, InlineHtml, InlineHtmlFinders, matchInlineHtml } from './html';
import { matchAutolink } from './autolink';
import { CodeCloser } from './code-spans';
import { parseDirective, type Directive } from '../directives';
import { matchLabel, matchResource, TitleMemo } from './definitions';
import { matchFootnoteCall } from './footnotes';
import { matchEmail, matchProtocol, matchWww, previousEmail, previousProtocol, previousWww } from './autolink-literal';

/** What the rest of the engine needs to know about one segment. */
export interface SegmentOut {
  start: number;
  end: number;
  continues: boolean;
}

/** Cut kinds. */
const INACTIVE = 0;
/** Markup: words may join across it. */
const MARKUP = 1;
/** Read content (code, a URL, a destination): words do not join across it. */
const BREAK = 2;

const LS_IMAGE = 1;
const LS_INACTIVE = 2;
const LS_BALANCED = 4;

function grow32(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

const SPECIAL = new Uint8Array(128);
for (const ch of '\\`<[!]@hHwW') SPECIAL[ch.charCodeAt(0)] = 1;

/** A lookup of how many distinct reference labels exist and how long they can be. */
export interface InlineContext {
  definitions: Set<string>;
  footnotes: Set<string>;
  /** Cap on the raw length of a link text worth normalizing for a reference lookup. */
  labelRawCap: number;
  /** First characters (as char codes) of the normalized labels that are ASCII. */
  labelStarts: Set<number>;
  directives: Directive[];
}

export class InlineScanner {
  // Cuts: ranges of the scanned text that are not prose, in order.
  private cutStart = new Int32Array(64);
  private cutEnd = new Int32Array(64);
  private cutKind = new Uint8Array(64);
  private n = 0;
  // Label starts (`[` and `![`) still waiting for their `]`.
  private lsPos = new Int32Array(16);
  private lsSlot = new Int32Array(16);
  private lsFlags = new Uint8Array(16); // LS_IMAGE | LS_INACTIVE | LS_BALANCED
  private lsTop = 0;
  private openLabels = 0;
  private readonly codeCloser = new CodeCloser();
  private readonly finders: InlineHtmlFinders = createInlineHtmlFinders();
  private readonly titleMemo = new TitleMemo();

  constructor(private readonly ctx: InlineContext) {}

  /**
   * Scans src[from, to) and appends its prose to `segments`. Offsets in src map to the document
   * by adding `delta`. `holes` (pairs of src offsets, sorted) are container prefixes that were
   * blanked out in src: segments are split there. `unitStart` marks the first segment as not
   * continuing (a new table cell). `taskAllowed` enables a leading `[ ]`/`[x]` checkbox.
   */
  scan(
    src: string,
    from: number,
    to: number,
    delta: number,
    holes: number[] | null,
    segments: SegmentOut[],
    unitStart: boolean,
    taskAllowed: boolean,
    links?: number[],
  ): void {
    this.n = 0;
    this.linkTexts.length = 0;
    this.lsTop = 0;
    this.openLabels = 0;
    this.codeCloser.reset();
    this.finders.comment.reset(src);
    this.finders.instruction.reset(src);
    this.finders.cdata.reset(src);
    this.finders.gt.reset(src);
    this.titleMemo.reset(src, to);
    const ctx = this.ctx;
    const hasRefs = ctx.definitions.size > 0;
    const hasNotes = ctx.footnotes.size > 0;

    let i = from;
    let floor = from; // end of the last construct, for scanning back from `@`
    while (i < to) {
      const c = src.charCodeAt(i);
      if (c >= 128 || SPECIAL[c] === 0) {
        i++;
        continue;
      }
      switch (c) {
        case 92: /* \ */
          i += i + 1 < to && isAsciiPunctuation(src.charCodeAt(i + 1)) ? 2 : 1;
          break;
        case 96: /* ` */ {
          let j = i + 1;
          while (j < to && src.charCodeAt(j) === 96) j++;
          const close = this.codeCloser.find(src, j, to, j - i);
          if (close >= 0) {
            const e = close + (j - i);
            this.cut(i, e, BREAK);
            i = floor = e;
          } else {
            i = j;
          }
          break;
        }
        case 60: /* < */ {
          let e = matchAutolink(src, i, to);
          if (e >= 0) {
            this.cut(i, e, BREAK);
            i = floor = e;
            break;
          }
          const html = matchInlineHtml(src, i, to, this.finders);
          if (html !== null) {
            e = html.end;
            if (html.kind === InlineHtml.Comment) {
              const d = parseDirective(src, i, e);
              if (d) {
                d.start += delta;
                d.end += delta;
                ctx.directives.push(d);
              }
            }
            this.cut(i, e, MARKUP);
            i = floor = e;
            break;
          }
          i++;
          break;
        }
        case 91: /* [ */ {
          if (hasNotes && i + 1 < to && src.charCodeAt(i + 1) === 94 /* ^ */) {
            const e = matchFootnoteCall(src, i, to, ctx.footnotes);
            if (e >= 0) {
              this.cut(i, e, BREAK);
              i = floor = e;
              break;
            }
          }
          if (taskAllowed && i === from) {
            const e = matchTaskCheck(src, i, to);
            if (e >= 0) {
              this.cut(i, e, MARKUP);
              i = floor = e;
              break;
            }
          }
          this.pushLabel(i, false);
          i++;
          break;
        }
        case 33: /* ! */
          if (i + 1 < to && src.charCodeAt(i + 1) === 91) {
            this.pushLabel(i, true);
            i += 2;
          } else i++;
          break;
        case 93: /* ] */ {
          const e = this.labelEnd(src, i, to, hasRefs);
          if (this.lastLabelFormed) floor = e;
          i = e;
          break;
        }
        case 64: /* @ */ {
          if (this.openLabels === 0) {
            let s = i;
            while (s > floor && isGfmAtext(src.charCodeAt(s - 1))) s--;
            if (s < i && previousEmail(s > from ? src.charCodeAt(s - 1) : -1) && !escapedAt(src, s, floor)) {
              const e = matchEmail(src, s, to);
              if (e >= 0) {
                this.cut(s, e, BREAK);
                i = floor = e;
                break;
              }
            }
          }
          i++;
          break;
        }
        case 104: /* h */
        case 72: /* H */
        case 119: /* w */
        case 87: /* W */ {
          // Most h's and w's start ordinary words: only look closer at `http`/`www.` (an email
          // without either is found from its `@`).
          if (this.openLabels === 0 && hasLiteralPrefix(src, i, to, c)) {
            const prev = i > from ? src.charCodeAt(i - 1) : -1;
            let s = i;
            let e = previousEmail(prev) ? matchEmail(src, i, to) : -1;
            if (e < 0) {
              const www = c === 119 || c === 87;
              if (www ? previousWww(prev) : previousProtocol(prev)) {
                e = www ? matchWww(src, i, to) : matchProtocol(src, i, to);
                if (e >= 0 && isGfmAtext(prev)) {
                  // An email starting earlier in this run of atext takes precedence.
                  let t = i;
                  while (t > floor && isGfmAtext(src.charCodeAt(t - 1))) t--;
                  if (previousEmail(t > from ? src.charCodeAt(t - 1) : -1) && !escapedAt(src, t, floor)) {
                    const e2 = matchEmail(src, t, to);
                    if (e2 >= 0) {
                      s = t;
                      e = e2;
                    }
                  }
                }
              }
            }
            if (e >= 0) {
              this.cut(s, e, BREAK);
              i = floor = e;
              break;
            }
          }
          i++;
          break;
        }
        default:
          i++;
          break;
      }
    }
    this.emit(src, from, to, delta, holes, segments, unitStart);
    if (links !== undefined) for (const offset of this.linkTexts) links.push(offset + delta);
  }

  private lastLabelFormed = false;
  /** The text ranges (pairs of src offsets) of the links and images formed by this scan. */
  private readonly linkTexts: number[] = [];

  private cut(start: number, end: number, kind: number): number {
    const k = this.n++;
    if (k >= this.cutStart.length) {
      this.cutStart = grow32(this.cutStart);
      this.cutEnd = grow32(this.cutEnd);
      const kinds = new Uint8Array(this.cutKind.length * 2);
      kinds.set(this.cutKind);
      this.cutKind = kinds;
    }
    this.cutStart[k] = start;
    this.cutEnd[k] = end;
    this.cutKind[k] = kind;
    return k;
  }

  private pushLabel(pos: number, image: boolean): void {
    const slot = this.cut(pos, pos + (image ? 2 : 1), INACTIVE);
    const k = this.lsTop++;
    if (k >= this.lsPos.length) {
      this.lsPos = grow32(this.lsPos);
      this.lsSlot = grow32(this.lsSlot);
      const flags = new Uint8Array(this.lsFlags.length * 2);
      flags.set(this.lsFlags);
      this.lsFlags = flags;
    }
    this.lsPos[k] = pos;
    this.lsSlot[k] = slot;
    this.lsFlags[k] = image ? LS_IMAGE : 0;
    this.openLabels++;
  }

  /** Handles `]` at i; returns where scanning continues. */
  private labelEnd(src: string, i: number, to: number, hasRefs: boolean): number {
    this.lastLabelFormed = false;
    const flags = this.lsFlags;
    while (this.lsTop > 0 && (flags[this.lsTop - 1] & LS_BALANCED) !== 0) this.lsTop--;
    if (this.lsTop === 0) return i + 1;
    const k = this.lsTop - 1;
    if ((flags[k] & LS_INACTIVE) !== 0) {
      flags[k] |= LS_BALANCED;
      this.openLabels--;
      return i + 1;
    }
    const image = (flags[k] & LS_IMAGE) !== 0;
    const textStart = this.lsPos[k] + (image ? 2 : 1);
    const defined = hasRefs && this.isDefined(src, textStart, i);
    const j = i + 1;
    let end = -1;
    let endKind = MARKUP;
    const next = j < to ? src.charCodeAt(j) : -1;
    if (next === 40 /* ( */) {
      end = matchResource(src, j, to, this.titleMemo);
      if (end >= 0) endKind = BREAK;
      else if (defined) end = j;
    } else if (next === 91 /* [ */) {
      const r = hasRefs ? matchLabel(src, j, to) : -1;
      if (r >= 0 && this.isDefined(src, j + 1, r - 1)) {
        end = r;
        endKind = BREAK;
      } else if (defined && j + 1 < to && src.charCodeAt(j + 1) === 93) {
        end = j + 2;
      }
    } else if (defined) {
      end = j;
    }
    if (end < 0) {
      flags[k] |= LS_BALANCED;
      this.openLabels--;
      return i + 1;
    }
    // A link or image is formed.
    this.lastLabelFormed = true;
    this.linkTexts.push(textStart, i);
    this.cutKind[this.lsSlot[k]] = image ? BREAK : MARKUP;
    this.cut(i, end, image ? BREAK : endKind);
    this.lsTop--;
    this.openLabels--;
    if (!image) {
      // Links cannot contain links: earlier link openers become plain brackets.
      for (let m = k - 1; m >= 0; m--) {
        if ((flags[m] & LS_IMAGE) !== 0) continue;
        if ((flags[m] & LS_INACTIVE) !== 0) break;
        flags[m] |= LS_INACTIVE;
      }
    }
    return end;
  }

  private isDefined(src: string, a: number, b: number): boolean {
    if (b - a > this.ctx.labelRawCap) return false;
    // Cheap filter on the first character before normalizing.
    while (a < b && isWhitespace(src.charCodeAt(a))) a++;
    if (a >= b) return false;
    let c = src.charCodeAt(a);
    if (c < 128) {
      if (c >= 97 && c <= 122) c -= 32;
      if (!this.ctx.labelStarts.has(c)) return false;
    }
    return this.ctx.definitions.has(normalizeLabel(src.slice(a, b)));
  }

  /** Turns the cuts into segments. */
  private emit(
    src: string,
    from: number,
    to: number,
    delta: number,
    holes: number[] | null,
    segments: SegmentOut[],
    unitStart: boolean,
  ): void {
    let pos = from;
    let pendingBreak = unitStart;
    let holeIdx = 0;
    const n = this.n;
    for (let k = 0; k <= n; k++) {
      let a: number;
      let b: number;
      let kind: number;
      if (k < n) {
        kind = this.cutKind[k];
        if (kind === INACTIVE) continue;
        a = this.cutStart[k];
        b = this.cutEnd[k];
      } else {
        kind = MARKUP;
        a = b = to;
      }
      if (a > pos) {
        // Prose between pos and a, split at container prefixes.
        let s = pos;
        if (holes !== null) {
          while (holeIdx < holes.length && holes[holeIdx + 1] <= s) holeIdx += 2;
          while (holeIdx < holes.length && holes[holeIdx] < a) {
            const hs = holes[holeIdx];
            const he = holes[holeIdx + 1];
            if (hs > s && pushTrimmed(src, s, hs, delta, segments, pendingBreak)) pendingBreak = false;
            if (he > s) s = he;
            if (he > a) break;
            holeIdx += 2;
          }
        }
        if (s < a && pushTrimmed(src, s, a, delta, segments, pendingBreak)) pendingBreak = false;
      }
      if (kind === BREAK) pendingBreak = true;
      if (b > pos) pos = b;
    }
  }
}

/** Pushes src[a, b) without surrounding whitespace; returns whether anything was pushed. */
function pushTrimmed(src: string, a: number, b: number, delta: number, segments: SegmentOut[], pendingBreak: boolean): boolean {
  while (a < b && isWhitespace(src.charCodeAt(a))) a++;
  while (b > a && isWhitespace(src.charCodeAt(b - 1))) b--;
  if (a >= b) return false;
  segments.push({ start: a + delta, end: b + delta, continues: segments.length > 0 && !pendingBreak });
  return true;
}

/** Whether `http` (for h) or `ww.` (for w) follows at i, ignoring case. */
function hasLiteralPrefix(src: string, i: number, to: number, c: number): boolean {
  if (i + 3 >= to) return false;
  const a = src.charCodeAt(i + 1) | 32;
  const b = src.charCodeAt(i + 2) | 32;
  const d = src.charCodeAt(i + 3);
  if (c === 104 || c === 72) return a === 116 && b === 116 && (d | 32) === 112;
  return a === 119 && b === 119 && d === 46;
}

/** Whether the character at s is escaped by an odd run of backslashes after `floor`. */
function escapedAt(src: string, s: number, floor: number): boolean {
  if (!isAsciiPunctuation(src.charCodeAt(s))) return false;
  let k = s;
  while (k > floor && src.charCodeAt(k - 1) === 92) k--;
  return (s - k) % 2 === 1;
}

/** A task-list checkbox (`[ ]`, `[x]`, `[X]`) at the very start of a list item's text. */
function matchTaskCheck(src: string, i: number, to: number): number {
  if (i + 2 >= to) return -1;
  const v = src.charCodeAt(i + 1);
  if (!(v === 32 || v === 9 || v === LF || v === CR || v === 120 || v === 88)) return -1;
  if (src.charCodeAt(i + 2) !== 93) return -1;
  const e = i + 3;
  if (e >= to) return -1;
  const c = src.charCodeAt(e);
  if (c === LF || c === CR) return e;
  if (c !== 32 && c !== 9) return -1;
  let q = e;
  while (q < to && (src.charCodeAt(q) === 32 || src.charCodeAt(q) === 9)) q++;
  return q < to ? e : -1;
}
