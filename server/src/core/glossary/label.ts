// How an entry is named wherever it is listed or titled (hover, completion, glossary files, the
// client's quick picks and entry pages): "Knowledge Process Outsourcing (KPO)", or the term alone.

/** The entry's term, with its acronym in parentheses when it has one. */
export function entryLabel(entry: { term: string; acronym?: string }): string {
  return entry.acronym ? `${entry.term} (${entry.acronym})` : entry.term;
}
