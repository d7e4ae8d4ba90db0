// The glossary appendix: a table of the glossary terms a document uses, with their acronyms and short
// definitions, kept between two marker comments so that running the command again updates it in place.

import type { DocumentAnalysis } from './analysis';
import type { Glossary, GlossaryEntry, TextEdit } from './types';

export const APPENDIX_START = '<!-- kpo-glossary-appendix:start -->';
export const APPENDIX_END = '<!-- kpo-glossary-appendix:end -->';

/** The first sentence of a definition, for a table cell. */
function shortDefinition(definition: string): string {
  const flat = definition.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.;](\s|$)/);
  return end > 0 ? flat.slice(0, end + 1) : flat;
}

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

/** The entries a document uses, in alphabetical order of their terms, excluding the appendix itself. */
export function usedEntries(analysis: DocumentAnalysis, glossary: Glossary): GlossaryEntry[] {
  const existing = findAppendix(analysis.text);
  const used = new Map<string, GlossaryEntry>();
  for (const m of analysis.mentions) {
    if (existing && m.start >= existing.start && m.end <= existing.end) continue;
    if (m.ref.kind === 'avoid') continue;
    if (glossary.byId.get(m.ref.entry.id) === m.ref.entry) used.set(m.ref.entry.id, m.ref.entry);
  }
  return [...used.values()].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
}

/** The table, between the markers; the rules are switched off inside it (definitions name both sides). */
export function renderAppendix(entries: GlossaryEntry[], newline = '\n'): string {
  const lines = [APPENDIX_START, '<!-- kpo-disable -->', '', '## Glossary', ''];
  if (entries.length === 0) lines.push('_No glossary terms are used in this document._');
  else {
    lines.push('| Term | Acronym | Definition |', '|---|---|---|');
    for (const e of entries) lines.push(`| ${cell(e.term)} | ${e.acronym ? cell(e.acronym) : ''} | ${cell(shortDefinition(e.definition))} |`);
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
  const table = renderAppendix(usedEntries(analysis, glossary), newline);
  const existing = findAppendix(text);
  if (existing) return { start: existing.start, end: existing.end, newText: table };
  const trimmed = text.replace(/\s+$/, '');
  const separator = trimmed.length === 0 ? '' : newline + newline;
  return { start: trimmed.length, end: text.length, newText: separator + table + newline };
}
