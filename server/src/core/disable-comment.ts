// Where a comment that silences one finding's rule goes, from the Markdown structure around it: the
// edit behind the editor's "Disable <rule> for this line" (the directives themselves: core/directives.ts).

import { proseBlockAt, type DocumentAnalysis } from './analysis';
import { lineOf } from './positions';
import type { Finding, TextEdit } from './types';

/**
 * `<!-- kpo-disable-next-line rule -->` on its own line above the finding, with the line's indentation.
 * Where a line above would change the document's structure (a table row, whose table it would end; a
 * line inside a paragraph, which it would split; a block quote), `<!-- kpo-disable-line rule -->` goes
 * at the end of the line instead, where it renders as nothing.
 */
export function disableEdit(analysis: DocumentAnalysis, finding: Finding): TextEdit {
  const { text, lineStarts } = analysis;
  const line = lineOf(lineStarts, finding.start);
  const lineStart = lineStarts[line];
  const nextStart = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  const eol = /(\r\n|\r|\n)$/.exec(text.slice(lineStart, nextStart))?.[1];
  const block = proseBlockAt(analysis, finding.start);
  const midBlock = block !== undefined && (block.kind === 'table-row' || (block.quoteDepth ?? 0) > 0 || lineOf(lineStarts, block.start) !== line);
  if (midBlock) {
    const lineEnd = nextStart - (eol?.length ?? 0);
    return { start: lineEnd, end: lineEnd, newText: ` <!-- kpo-disable-line ${finding.ruleId} -->` };
  }
  const indent = /^[ \t]*/.exec(text.slice(lineStart, Math.min(nextStart, lineStart + 200)))![0];
  const newline = eol ?? (text.includes('\r\n') ? '\r\n' : '\n');
  return { start: lineStart, end: lineStart, newText: `${indent}<!-- kpo-disable-next-line ${finding.ruleId} -->${newline}` };
}
