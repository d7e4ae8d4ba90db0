// The reference for the cross-check: micromark (CommonMark) with the GFM and front-matter
// extensions, which reports every token with exact offsets. Prose, as micromark sees it, is its
// `data` tokens (plus character references and escapes, which our scanner keeps inside segments)
// that lie outside code, HTML, definitions, autolinks, link destinations and titles, reference
// labels, front matter, footnote calls and labels, and task-list checkboxes.

import type * as Micromark from 'micromark' with { 'resolution-mode': 'import' };
import type * as Gfm from 'micromark-extension-gfm' with { 'resolution-mode': 'import' };
import type * as Frontmatter from 'micromark-extension-frontmatter' with { 'resolution-mode': 'import' };
import { parseMarkdownStrict } from '../../../server/src/core/markdown';

const EXCLUDED = new Set([
  'codeText',
  'codeFenced',
  'codeIndented',
  'htmlFlow',
  'htmlText',
  'definition',
  'autolink',
  'literalAutolink',
  'resource',
  'reference',
  'frontmatter',
  'yaml',
  'toml',
  'gfmFootnoteCall',
  'gfmFootnoteDefinitionLabel',
  'taskListCheck',
]);
const PROSE = new Set(['data', 'characterReference', 'characterEscape']);

// These packages are ES modules; Node 20 loads them with require().
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse, postprocess, preprocess } = require('micromark') as typeof Micromark;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { gfm } = require('micromark-extension-gfm') as typeof Gfm;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { frontmatter } = require('micromark-extension-frontmatter') as typeof Frontmatter;

const extensions = [gfm(), frontmatter(['yaml', 'toml'])];

/** Prose ranges according to micromark, as [start, end) offsets into `text`. */
export function micromarkProse(text: string): Array<[number, number]> {
  // micromark drops a leading byte order mark before counting offsets.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const events = postprocess(parse({ extensions }).document().write(preprocess()(text, undefined, true)));
  const out: Array<[number, number]> = [];
  let excluded = 0;
  for (const [kind, token] of events) {
    if (EXCLUDED.has(token.type)) {
      excluded += kind === 'enter' ? 1 : -1;
      continue;
    }
    if (kind === 'enter' && excluded === 0 && PROSE.has(token.type)) {
      out.push([token.start.offset + shift, token.end.offset + shift]);
    }
  }
  return out;
}

/** Prose ranges according to our scanner. */
export function scannerProse(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const block of parseMarkdownStrict(text).blocks) for (const s of block.segments) out.push([s.start, s.end]);
  return out;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Start offsets of the runs of letters and digits in `text` that begin inside `ranges`. */
export function wordStarts(text: string, ranges: Array<[number, number]>): number[] {
  const mark = new Uint8Array(text.length + 1);
  for (const [a, b] of ranges) mark.fill(1, a, b);
  const starts: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) if (mark[m.index]) starts.push(m.index);
  return starts;
}

export interface WordDiff {
  /** Words micromark reads as prose and we do not. */
  missing: number[];
  /** Words we read as prose and micromark does not. */
  extra: number[];
}

export function compareWords(text: string): WordDiff {
  const ours = new Set(wordStarts(text, scannerProse(text)));
  const theirs = new Set(wordStarts(text, micromarkProse(text)));
  return {
    missing: [...theirs].filter((w) => !ours.has(w)),
    extra: [...ours].filter((w) => !theirs.has(w)),
  };
}

/** A readable excerpt around offset `at`, for failure messages. */
export function excerpt(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = text.length;
  const lineNo = text.slice(0, lineStart).split('\n').length;
  return `line ${lineNo}: ${JSON.stringify(text.slice(lineStart, lineEnd))} at column ${at - lineStart + 1} (${JSON.stringify(text.slice(at, at + 12))})`;
}
