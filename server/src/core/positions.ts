// The one place where UTF-16 offsets become lines and columns (LSP positions are 0-based line and
// UTF-16 character; the CLI and SARIF show them 1-based) and back.

import { lineOf } from './analysis';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit within the line. */
  character: number;
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

/**
 * A 1-based line and column (as glossary problems and entry sources give them, like editors show
 * them) as a 0-based position; 0 and below clamp to the start.
 */
export function fromOneBased(line: number, column: number): Position {
  return { line: Math.max(0, line - 1), character: Math.max(0, column - 1) };
}
