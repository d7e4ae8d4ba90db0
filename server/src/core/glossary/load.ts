// Reads glossary files (YAML, or JSON, which is YAML too) into a Glossary and a list of positioned
// problems. It never throws: a file with a few bad entries still yields its good ones, and every
// problem says where it is and what to do. The file system is not touched here; callers pass text.
// Each file is read on its own (read.ts, or its digest), then the files are merged in order (merge.ts).

import type { ComparisonAspect, FaqItem, GlossaryProblem, LoadResult } from '../types';
import { merge } from './merge';
import { readFile, type EntryPatch, type FileParts, type Link } from './read';

// The loader's public face also names what its callers check files against.
export { GLOSSARY_FIELDS, MAX_GLOSSARY_BYTES } from './read';

export interface GlossarySource {
  /** A name for messages: a path or a URI. */
  file: string;
  text: string;
  /**
   * What `digestGlossary` made of this very text, when the caller has it (the built-in glossary ships
   * one): read instead of parsing the YAML again, which is most of a glossary's load time.
   */
  digest?: string;
}

/** The digest format; a digest of another version is ignored and the text parsed. */
const DIGEST_VERSION = 1;

/**
 * Loads glossary sources into one glossary. Later files build on earlier ones: an entry whose id (or
 * derived id) names an entry of an earlier file changes it instead of adding one — its aliases and
 * variants are added, its other fields replace, `disabled: true` switches it off.
 */
export function loadGlossary(sources: GlossarySource[]): LoadResult {
  const problems: GlossaryProblem[] = [];
  const patches: EntryPatch[] = [];
  const faq: FaqItem[] = [];
  const comparison: ComparisonAspect[] = [];
  const links: Link[] = [];
  sources.forEach((source, file) => {
    const parts = (source.digest !== undefined ? fromDigest(source.digest, file, source.file) : undefined) ?? readFile(source.file, source.text, file);
    // Loops, not push(...list): a list of 150,000 problems would overflow the stack as arguments.
    for (const p of parts.patches) patches.push(p);
    for (const f of parts.faq) faq.push(f);
    for (const c of parts.comparison) comparison.push(c);
    for (const l of parts.links) links.push(l);
    for (const p of parts.problems) problems.push(p);
  });
  const result = merge(patches, faq, comparison, links, problems, sources.map((s) => s.file));
  result.problems = capProblems(result.problems);
  return result;
}

/** Problems listed per file; the rest are counted in one more problem (a file of broken entries must not flood the editor). */
const MAX_PROBLEMS_PER_FILE = 500;

function capProblems(problems: GlossaryProblem[]): GlossaryProblem[] {
  const perFile = new Map<string, number>();
  const kept: GlossaryProblem[] = [];
  const firstDropped = new Map<string, GlossaryProblem>();
  for (const p of problems) {
    const n = (perFile.get(p.file) ?? 0) + 1;
    perFile.set(p.file, n);
    if (n <= MAX_PROBLEMS_PER_FILE) kept.push(p);
    else if (!firstDropped.has(p.file)) firstDropped.set(p.file, p);
  }
  for (const [file, first] of firstDropped) {
    const more = perFile.get(file)! - MAX_PROBLEMS_PER_FILE;
    kept.push({ file, line: first.line, column: first.column, severity: 'error', message: `… and ${more} more problem${more === 1 ? '' : 's'} in this file, not listed: fix the ones above first (they are often the same mistake).` });
  }
  return kept;
}

/**
 * A glossary file read into plain data (JSON), to be given back as `GlossarySource.digest` with the
 * same text: the build does this for the built-in glossary, so loading it needs no YAML parser.
 * Positions are kept; the file's name is filled in when the digest is read.
 */
export function digestGlossary(text: string): string {
  const parts = readFile('', text, 0);
  return JSON.stringify({ version: DIGEST_VERSION, ...parts });
}

/** The parts of a digest, as file number `fileIndex` named `file`; undefined when it is not usable. */
function fromDigest(digest: string, fileIndex: number, file: string): FileParts | undefined {
  try {
    const parsed = JSON.parse(digest, (key, value) => (key === 'file' ? (typeof value === 'number' ? fileIndex : file) : value)) as FileParts & { version?: number };
    return parsed.version === DIGEST_VERSION ? parsed : undefined;
  } catch {
    return undefined;
  }
}
