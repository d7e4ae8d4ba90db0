// A selection in prose as something to add to the glossary: the term it holds, when it is prose and
// not a glossary name yet, and the entries named in the same sentence (of which it may be an alias).
// The editor offers "Add … to the workspace glossary" and "Add … as an alias of …" from these.

import { inProse, type DocumentAnalysis } from './analysis';
import type { GlossaryEntry } from './types';

/** Longest selection offered to the glossary. */
const MAX_SELECTION = 80;

export interface SelectedTerm {
  /** The selected words without surrounding emphasis, quotes, brackets and punctuation. */
  term: string;
  /** The selection without its surrounding whitespace. */
  start: number;
  end: number;
}

/** The term selected by [from, to), if it is short prose on one line and not a glossary name yet. */
export function selectedTerm(analysis: DocumentAnalysis, from: number, to: number): SelectedTerm | undefined {
  if (to <= from || to - from > MAX_SELECTION * 2) return undefined;
  const raw = analysis.text.slice(from, to);
  const start = from + (raw.length - raw.trimStart().length);
  const end = to - (raw.length - raw.trimEnd().length);
  const term = analysis.text.slice(start, end).replace(/^[*_"“‘'(]+|[*_"”’'),.;:!?]+$/g, '');
  if (term.length === 0 || term.length > MAX_SELECTION || /[\r\n]/.test(term) || !/\p{L}/u.test(term)) return undefined;
  if (!inProse(analysis, start) || !inProse(analysis, end)) return undefined;
  // Already a glossary name.
  if (analysis.mentions.some((m) => m.start <= start && end <= m.end)) return undefined;
  return { term, start, end };
}

/** The entries named in the sentence (reading unit) holding the range, other than in the range, in order. */
export function entriesNearby(analysis: DocumentAnalysis, start: number, end: number): GlossaryEntry[] {
  const block = analysis.blocks.find((b) => b.block.start <= start && end <= b.block.end);
  if (!block) return [];
  const first = block.tokens.findIndex((t) => t.end > start);
  const unit = block.units.find((u) => u.first <= first && first < u.end) ?? block.units[0];
  const entries: GlossaryEntry[] = [];
  for (const m of block.mentions) {
    if (unit && (m.first < unit.first || m.last >= unit.end)) continue;
    if (m.start < end && start < m.end) continue;
    if (!entries.includes(m.ref.entry)) entries.push(m.ref.entry);
  }
  return entries;
}
