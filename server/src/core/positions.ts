// The one place where UTF-16 offsets become lines and columns (LSP positions are 0-based line and
// UTF-16 character; the CLI and SARIF show them 1-based) and back: where lines start (found once per
// analysis, and updated in place after an edit), the line of an offset, and positions.

import { countBefore } from './search';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit within the line. */
  character: number;
}

/** Offsets where each line of `text` starts ("\n", "\r\n" and a lone "\r" end lines). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The 0-based line of an offset, by binary search over line starts. */
export function lineOf(lineStarts: number[], offset: number): number {
  return Math.max(0, countBefore(lineStarts.length, (i) => lineStarts[i] <= offset) - 1);
}

/**
 * The line starts of a text after an edit, made from the previous ones in place (the caller gives them
 * up): [start, end) of the previous text became [start, newEnd) of `text`, `delta` the change of length.
 * A line starts at p > 0 when text[p-1] is "\n", or "\r" not followed by "\n" at p: a property of
 * text[p-1, p], so starts before the edit stay, starts after it move, and only [start, newEnd] is
 * looked at again.
 */
export function updateLineStarts(starts: number[], text: string, start: number, end: number, newEnd: number, delta: number): number[] {
  const i = countBefore(starts.length, (k) => starts[k] < start);
  let j = i;
  while (j < starts.length && starts[j] <= end) j++;
  const found: number[] = [];
  for (let p = start; p <= newEnd && p <= text.length; p++) {
    if (p === 0) {
      found.push(0);
      continue;
    }
    const c = text.charCodeAt(p - 1);
    if (c === 10 || (c === 13 && text.charCodeAt(p) !== 10)) found.push(p);
  }
  if (found.length === j - i) for (let k = 0; k < found.length; k++) starts[i + k] = found[k];
  else starts = starts.slice(0, i).concat(found, starts.slice(j)); // not splice(i, n, ...found): a pasted text can bring 100,000 lines
  if (delta !== 0) for (let k = i + found.length; k < starts.length; k++) starts[k] += delta;
  return starts;
}

/** The start of the line before the line that starts at `p` (p > 0), read from the text. */
export function lineStartBefore(text: string, p: number): number {
  let i = p - 1; // the line ending of the line before
  if (i > 0 && text.charCodeAt(i) === 10 && text.charCodeAt(i - 1) === 13) i--;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/** Where the line after the one holding `p` starts (text.length on the last line), read from the text. */
export function nextLineStart(text: string, p: number): number {
  for (let i = p; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

export function positionAt(lineStarts: number[], offset: number): Position {
  const line = lineOf(lineStarts, offset);
  return { line, character: offset - lineStarts[line] };
}

/** The offset of a position, clamped into the document and its line (never splitting a CRLF). */
export function offsetAt(text: string, lineStarts: number[], position: Position): number {
  if (position.line < 0) return 0;
  if (position.line >= lineStarts.length) return text.length;
  const start = lineStarts[position.line];
  let end = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : text.length;
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return Math.min(Math.max(start, start + Math.max(0, position.character)), end);
}

/** A range of offsets as 1-based lines and columns, as the CLI, its JSON and SARIF show them. */
export function oneBasedRange(lineStarts: number[], start: number, end: number): { line: number; column: number; endLine: number; endColumn: number } {
  const a = positionAt(lineStarts, start);
  const b = positionAt(lineStarts, end);
  return { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
}

/**
 * A 1-based line and column (as glossary problems and entry sources give them, like editors show
 * them) as a 0-based position; 0 and below clamp to the start.
 */
export function fromOneBased(line: number, column: number): Position {
  return { line: Math.max(0, line - 1), character: Math.max(0, column - 1) };
}
