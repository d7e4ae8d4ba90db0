// Character classes used by the Markdown scanner. Everything works on UTF-16 code units, like
// CommonMark reference parsers do (an astral character is two code units, neither of which is
// punctuation or whitespace).

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;

export function isSpaceOrTab(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Space, tab, or a line-ending character. */
export function isWhitespace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

export function isAsciiAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** ASCII punctuation: what a backslash can escape. */
export function isAsciiPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/** ASCII control characters, including tab and line endings. */
export function isAsciiControl(c: number): boolean {
  return c < 32 || c === 127;
}

/** The `atext` of email autolinks (`<a@b.c>`). */
export function isAsciiAtext(c: number): boolean {
  return (
    (c >= 35 && c <= 39) || // # $ % & '
    c === 42 || c === 43 || // * +
    (c >= 45 && c <= 57) || // - . / 0-9
    c === 61 || c === 63 || // = ?
    (c >= 65 && c <= 90) ||
    (c >= 94 && c <= 126) // ^ _ ` a-z { | } ~
  );
}

/** The atext of GFM email autolink literals: alphanumerics, `+`, `-`, `.`, `_`. */
export function isGfmAtext(c: number): boolean {
  return c === 43 || c === 45 || c === 46 || c === 95 || isAsciiAlphanumeric(c);
}

const unicodeWhitespaceRe = /\s/;
const unicodePunctuationRe = /\p{P}|\p{S}/u;

/** Whitespace as JavaScript's `\s` sees one code unit. */
export function isUnicodeWhitespace(c: number): boolean {
  if (c < 128) return c === SPACE || (c >= 9 && c <= 13);
  return unicodeWhitespaceRe.test(String.fromCharCode(c));
}

/** Unicode punctuation or symbol (one code unit). */
export function isUnicodePunctuation(c: number): boolean {
  if (c < 128) return isAsciiPunctuation(c);
  return unicodePunctuationRe.test(String.fromCharCode(c));
}

/** Collapse whitespace and case-fold a link label, like CommonMark reference matching does. */
export function normalizeLabel(value: string): string {
  return value.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
}
