// The Markdown prose scanner of the core engine.
//
// parseMarkdown(text) finds the prose of a Markdown document (the text a writer reads: paragraphs,
// headings, list items, table cells, link text, image alt text, emphasis, block-quote content) and
// reports it as blocks of segments with UTF-16 offsets into `text`. It also reports `kpo-…`
// directive comments. It is a hand-written, line-oriented scanner (block structure as in CommonMark,
// then one left-to-right pass per block for inline constructs) that follows CommonMark 0.31 with
// the GitHub extensions (tables, task lists, footnotes, autolink literals) and front matter, as
// micromark implements them; the tests compare it with micromark on a generated corpus.
//
// It is a pure function over a string: no I/O, never throws, linear time.
//
// Choices:
// - Emphasis and strikethrough delimiters (`*`, `_`, `~`) stay inside segments; they are not
//   letters, so word matching ignores them. Backslash escapes and character references (`&amp;`)
//   also stay inside segments.
// - Segments never start or end with whitespace. Within a paragraph a segment may span soft line
//   breaks when only whitespace lies between the lines; block-quote markers (`>`) between lines
//   split it, the next segment having `continues: true`.
// - `continues` is true across: line breaks and container markers, inline HTML tags and comments,
//   the `[` of a link and the `]`/`][]` of a shortcut or collapsed reference link, a task checkbox.
//   It is false across: code spans, autolinks and bare URLs/emails, a link destination `](…)` or
//   reference label `][label]`, image boundaries (`![`, `](src)`: the alt text is its own run),
//   footnote calls (`[^1]`), and between table cells.
// - Blocks without any prose (a code-only paragraph, an empty heading, a row of empty cells) are
//   not reported.
// - `listDepth` is set on every block inside a list item (0 = inside a top-level item), not only
//   on list items and paragraphs; `quoteDepth` (added) counts the enclosing block quotes.
// - A list item's block is its first paragraph; when a link reference definition takes up its first
//   lines, the rest is reported as a 'paragraph'.
//
// Known divergences from micromark (CommonMark + GFM + frontmatter). The generated cross-check
// corpus does not produce them (see test/unit/markdown/corpus.ts); the unit tests pin our reading.
// - micromark applies the paragraph-interruption rules of list items (an ordered item must start
//   at 1, an empty item cannot interrupt) where no paragraph is being interrupted: right after an
//   indented code block (`    code` + blank line + `9) item`), and to an item that starts inside a
//   block quote or list item opened on the same line right after a paragraph (`text` +
//   `> 2. item`). We follow CommonMark: those are list items.
// - A line that holds only an HTML tag of kind 7 (`<custom-tag>`, `</span>`) where it could be a
//   lazy continuation line (`- a` + `<x-y>`): micromark starts an HTML block inside the open
//   container; we follow CommonMark (commonmark.js): the line continues the paragraph.
// - A first line `---` that is not closed as front matter makes micromark's front-matter extension
//   misread later footnote definitions (`[^n]: note` becomes a link reference definition). We read
//   `---` as a thematic break and the footnote normally.
// - `![^note]` is `!` followed by a footnote call in micromark; we read an image label (so `note`
//   is prose when it is not a defined reference).
// - YAML front matter may also be closed by `...` (micromark only accepts `---`).
// - A link text longer than 4 x (longest definition label) + 64 characters is never looked up as a
//   reference label (a bound that keeps pathological bracket nesting linear; real labels are far
//   shorter).
// Behaviours of micromark that look odd but are followed: a table header row may be a lazy
// continuation line when its delimiter row continues the containers; a header row needs no pipe
// when the delimiter row has one (`a` + `|-|`); a task checkbox in an item that starts with a
// blank line counts only when nothing, not even a space, follows the marker.

import { BlockParser } from './blocks';
import { maskHoles, type BlockKind } from './block-specs';
import { InlineScanner, InlineContext } from './inline';
import type { Directive } from '../directives';

export type { BlockKind, Directive };

export interface Segment {
  start: number;
  end: number;
  /**
   * true when only markup (a soft line break, container markers like '>' or indentation, emphasis,
   * an inline HTML tag, link brackets) separates it from the previous segment of the same block, so
   * words may join across the gap; false when read content (inline code, a URL, an image, a link
   * destination) lies between.
   */
  continues: boolean;
}

export interface ProseBlock {
  kind: BlockKind;
  /** Extent of the block's lines in the document (without the final line ending). */
  start: number;
  end: number;
  /** The prose inside, in order, non-overlapping, never empty ranges. */
  segments: Segment[];
  /** Headings: 1-6. */
  headingLevel?: number;
  /** Blocks inside list items: 0 = inside a top-level item. */
  listDepth?: number;
  /** Table rows: true for the header row. */
  tableHeader?: boolean;
  /** Blocks inside block quotes: how many enclose it. */
  quoteDepth?: number;
  /**
   * The text of the links and the alt text of the images in the block, as pairs of offsets
   * [start, end, start, end, ...] in document order; absent when there are none. Fixes never write
   * inside them (nor inside a destination, which is not prose).
   */
  links?: number[];
}

export interface ParsedMarkdown {
  blocks: ProseBlock[];
  directives: Directive[];
}

/**
 * Finds the prose and the directives of a Markdown document. Never throws: should the scanner
 * ever fail on some input, the document is reported as having no prose.
 */
export function parseMarkdown(text: string): ParsedMarkdown {
  try {
    return parseMarkdownStrict(text);
  } catch {
    return { blocks: [], directives: [] };
  }
}

/** parseMarkdown without the safety net, for tests. */
export function parseMarkdownStrict(text: string): ParsedMarkdown {
  if (typeof text !== 'string') text = String(text ?? '');
  const directives: Directive[] = [];
  const parser = new BlockParser(text, directives);
  parser.run();
  const references: References = { definitions: parser.definitions, footnotes: parser.footnotes, maxLabel: parser.maxLabel };
  const parsed = scanInlines(text, parser, references, directives, 0);
  referencesOf.set(parsed, references);
  return parsed;
}

/** The link reference and footnote definitions of a whole document: what the inline scan of any block depends on. */
export interface References {
  definitions: Set<string>;
  footnotes: Set<string>;
  /** Longest normalized definition label. */
  maxLabel: number;
}

const referencesOf = new WeakMap<ParsedMarkdown, References>();

/** The definitions of the document `parsed` came from (parseMarkdown and parseMarkdownSlice remember them). */
export function documentReferences(parsed: ParsedMarkdown): References | undefined {
  return referencesOf.get(parsed);
}

/** Remembers the definitions of a document assembled from pieces (incremental re-analysis). */
export function setDocumentReferences(parsed: ParsedMarkdown, references: References): void {
  referencesOf.set(parsed, references);
}

/**
 * For incremental re-analysis: reads text[from, to) as a document of its own (blocks, directives,
 * offsets into `text`), resolving reference links against `references`, the definitions of the
 * whole document. Also returns the definitions found inside the slice, so that the caller can check
 * that the edit left the document's definitions as they were. Throws where parseMarkdown would
 * fall back: the caller then analyses the whole document.
 */
export function parseMarkdownSlice(text: string, from: number, to: number, references: References): { parsed: ParsedMarkdown; definitions: Set<string>; footnotes: Set<string> } {
  const slice = text.slice(from, to);
  const directives: Directive[] = [];
  const parser = new BlockParser(slice, directives);
  parser.run();
  const parsed = scanInlines(slice, parser, references, directives, from);
  return { parsed, definitions: parser.definitions, footnotes: parser.footnotes };
}

/** The definitions of text[from, to) read as a document of its own (the block phase only). */
export function sliceDefinitions(text: string, from: number, to: number): { definitions: Set<string>; footnotes: Set<string> } {
  const parser = new BlockParser(text.slice(from, to), []);
  parser.run();
  return { definitions: parser.definitions, footnotes: parser.footnotes };
}

/** The inline phase: every block's segments, with offsets moved by `shift`. */
function scanInlines(text: string, parser: BlockParser, references: References, directives: Directive[], shift: number): ParsedMarkdown {
  const labelStarts = new Set<number>();
  for (const label of references.definitions) labelStarts.add(label.charCodeAt(0));
  const ctx: InlineContext = {
    definitions: references.definitions,
    footnotes: references.footnotes,
    labelRawCap: references.maxLabel * 4 + 64,
    labelStarts,
    directives,
  };
  const scanner = new InlineScanner(ctx);
  const blocks: ProseBlock[] = [];
  const links: number[] = [];
  const specs = parser.specs;
  for (let i = 0; i < specs.block.length; i++) {
    const block = specs.block[i];
    const cells = specs.cells[i];
    const holes = specs.holes[i];
    const from = specs.from[i];
    links.length = 0;
    if (cells !== null) {
      for (let k = 0; k < cells.length; k += 2) {
        scanner.scan(text, cells[k], cells[k + 1], 0, null, block.segments, true, false, links);
      }
    } else if (holes !== null) {
      const masked = maskHoles(text, from, specs.to[i], holes);
      const rel: number[] = [];
      for (let k = 0; k < holes.length; k += 2) rel.push(holes[k] - from, holes[k + 1] - from);
      scanner.scan(masked, 0, masked.length, from, rel, block.segments, false, specs.task[i], links);
    } else {
      scanner.scan(text, from, specs.to[i], 0, null, block.segments, false, specs.task[i], links);
    }
    if (block.segments.length > 0) {
      // Grown by push, the array keeps room for 16 more; it lives as long as the document's analysis.
      block.segments = block.segments.slice();
      if (links.length > 0) (block as ProseBlock).links = shift === 0 ? links.slice() : links.map((x) => x + shift);
      if (shift !== 0) {
        block.start += shift;
        block.end += shift;
        for (const segment of block.segments) {
          segment.start += shift;
          segment.end += shift;
        }
      }
      blocks.push(block as ProseBlock);
    }
  }
  if (directives.length > 1) directives.sort((a, b) => a.start - b.start);
  if (shift !== 0) {
    for (const d of directives) {
      d.start += shift;
      d.end += shift;
    }
  }
  return { blocks, directives };
}
