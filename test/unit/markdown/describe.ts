// Helpers that print the scanner's output compactly, for table-driven tests.

import type { ParsedMarkdown, ProseBlock } from '../../../server/src/core/markdown';

/**
 * One line per block: a tag, a space, then the segments' text. Tags: `p` paragraph, `h1`-`h6`
 * heading, `li` list item, `th`/`td` table header/body row; `@n` adds the list depth and `>n`
 * the block-quote depth. Segments are joined with `¦` when the second one continues the first
 * (only markup between them) and with `|` when it does not (read content between, or a new
 * table cell).
 */
export function describeBlocks(text: string, parsed: ParsedMarkdown): string[] {
  return parsed.blocks.map((b) => describeBlock(text, b));
}

export function describeBlock(text: string, b: ProseBlock): string {
  let tag =
    b.kind === 'heading' ? `h${b.headingLevel}` : b.kind === 'paragraph' ? 'p' : b.kind === 'list-item' ? 'li' : b.tableHeader ? 'th' : 'td';
  if (b.listDepth !== undefined) tag += `@${b.listDepth}`;
  if (b.quoteDepth) tag += `>${b.quoteDepth}`;
  const body = b.segments.map((s, i) => (i === 0 ? '' : s.continues ? '¦' : '|') + text.slice(s.start, s.end)).join('');
  return `${tag} ${body}`;
}

/** Checks the structural promises of the output; returns a list of problems (empty when fine). */
export function checkInvariants(text: string, parsed: ParsedMarkdown): string[] {
  const problems: string[] = [];
  let lastBlockStart = -1;
  let lastSegmentEnd = 0;
  const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
  const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  const splitsPair = (o: number) => o > 0 && o < text.length && isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o));
  for (const b of parsed.blocks) {
    if (!(b.start >= 0 && b.start <= b.end && b.end <= text.length)) problems.push(`block out of bounds: ${b.start}-${b.end}`);
    if (b.start < lastBlockStart) problems.push(`blocks out of order at ${b.start}`);
    lastBlockStart = b.start;
    if (b.segments.length === 0) problems.push(`block without segments at ${b.start}`);
    b.segments.forEach((s, i) => {
      if (!(s.start < s.end)) problems.push(`empty segment at ${s.start}`);
      if (s.start < lastSegmentEnd) problems.push(`segment overlaps or is out of order at ${s.start}`);
      if (s.start < b.start || s.end > b.end) problems.push(`segment ${s.start}-${s.end} outside its block ${b.start}-${b.end}`);
      if (splitsPair(s.start) || splitsPair(s.end)) problems.push(`segment ${s.start}-${s.end} splits a surrogate pair`);
      if (i === 0 && s.continues) problems.push(`first segment of a block continues at ${s.start}`);
      lastSegmentEnd = s.end;
    });
  }
  let lastDirective = -1;
  for (const d of parsed.directives) {
    if (!(d.start >= 0 && d.start < d.end && d.end <= text.length)) problems.push(`directive out of bounds: ${d.start}-${d.end}`);
    if (d.start < lastDirective) problems.push(`directives out of order at ${d.start}`);
    lastDirective = d.start;
  }
  return problems;
}
