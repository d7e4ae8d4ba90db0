// The glossary appendix: a table of the glossary terms a document uses, with their acronyms and the
// first sentence of their definitions, kept between two marker comments so that running the command
// again updates it in place. It is client-facing: terms are written as the document writes them, the
// definitions in the document's spelling (British or American), whole sentences, in a stable order.

import type { DocumentAnalysis } from './analysis';
import { documentStyle, firstSentence, respell, type SpellingStyle } from './spelling';
import type { Glossary, GlossaryEntry, TextEdit } from './types';

export const APPENDIX_START = '<!-- kpo-glossary-appendix:start -->';
export const APPENDIX_END = '<!-- kpo-glossary-appendix:end -->';

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

interface AppendixRow {
  entry: GlossaryEntry;
  /** The term as the document writes it (its spelling and hyphenation), or the glossary's. */
  term: string;
}

/**
 * The entries a document uses, each with its term as the document writes it most often, in alphabetical
 * order of those terms (then of ids, so the order is stable), excluding the appendix itself.
 */
function usedEntries(analysis: DocumentAnalysis, glossary: Glossary): AppendixRow[] {
  const existing = findAppendix(analysis.text);
  const written = new Map<string, Map<string, number>>();
  const entries = new Map<string, GlossaryEntry>();
  for (const m of analysis.mentions) {
    if (existing && m.start >= existing.start && m.end <= existing.end) continue;
    if (m.ref.kind === 'avoid') continue;
    const entry = m.ref.entry;
    if (glossary.byId.get(entry.id) !== entry) continue;
    entries.set(entry.id, entry);
    if (m.ref.kind === 'acronym' || m.ref.plural) continue;
    const forms = written.get(entry.id) ?? new Map<string, number>();
    const form = analysis.text.slice(m.start, m.end).replace(/\s+/g, ' ');
    forms.set(form, (forms.get(form) ?? 0) + 1);
    written.set(entry.id, forms);
  }
  const rows = [...entries.values()].map((entry) => ({ entry, term: termAsWritten(entry, written.get(entry.id)) }));
  return rows.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }) || a.entry.id.localeCompare(b.entry.id));
}

/** The form the document uses most (in the glossary's capitalisation unless the term is a proper name). */
function termAsWritten(entry: GlossaryEntry, forms: Map<string, number> | undefined): string {
  if (!forms || forms.size === 0) return entry.term;
  const [form] = [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  // Keep the glossary's capitals ("Knowledge Process Outsourcing"); a lowercase term follows the
  // document's letters but not a sentence-initial capital.
  if (entry.term !== entry.term.toLowerCase()) return form.toLowerCase() === entry.term.toLowerCase() ? entry.term : form;
  return form.toLowerCase();
}

/** The table, between the markers; the rules are switched off inside it (definitions name both sides). */
function renderAppendix(rows: AppendixRow[], newline = '\n', style?: SpellingStyle): string {
  const lines = [APPENDIX_START, '<!-- kpo-disable -->', '', '## Glossary', ''];
  if (rows.length === 0) lines.push('_No glossary terms are used in this document._');
  else {
    lines.push('| Term | Acronym | Definition |', '|---|---|---|');
    for (const { entry, term } of rows) lines.push(`| ${cell(term)} | ${entry.acronym ? cell(entry.acronym) : ''} | ${cell(respell(firstSentence(entry.definition), style))} |`);
  }
  lines.push('', '<!-- kpo-enable -->', APPENDIX_END);
  return lines.join(newline);
}

function findAppendix(text: string): { start: number; end: number } | undefined {
  const start = text.indexOf(APPENDIX_START);
  if (start < 0) return undefined;
  const end = text.indexOf(APPENDIX_END, start);
  return end < 0 ? undefined : { start, end: end + APPENDIX_END.length };
}

/** The edit that inserts the appendix at the end of the document, or replaces the existing one. */
export function appendixEdit(analysis: DocumentAnalysis, glossary: Glossary): TextEdit {
  const text = analysis.text;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const table = renderAppendix(usedEntries(analysis, glossary), newline, documentStyle(analysis));
  const existing = findAppendix(text);
  if (existing) return { start: existing.start, end: existing.end, newText: table };
  const trimmed = text.replace(/\s+$/, '');
  const separator = trimmed.length === 0 ? '' : newline + newline;
  return { start: trimmed.length, end: text.length, newText: separator + table + newline };
}
