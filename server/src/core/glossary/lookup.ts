// Looking an entry up by what a writer would type: its term, acronym, an alias, a non-standard variant
// it corrects, or its id, in any capitalisation and in the plural. Used by the MCP server's lookup_term
// (and anything else that takes a name from a person or a model rather than from a document).

import { closest } from './suggest';
import { normalizeKey, pluralForms } from '../match/normalize';
import type { Glossary, GlossaryEntry } from '../types';

/** Which of an entry's names a lookup matched. */
export type NameKindMatched = 'term' | 'acronym' | 'alias' | 'variant' | 'id';

export type LookupResult = { entry: GlossaryEntry; matched: NameKindMatched } | { entry: undefined; suggestion?: string };

/** The entry a name names, or the nearest known name when none does (a likely typo). */
export function lookupEntry(glossary: Glossary, name: string): LookupResult {
  const key = normalizeKey(name);
  if (key === '') return { entry: undefined };
  // In this order: an acronym or the term is what a writer means most often, a variant or an id least.
  const kinds: Array<[NameKindMatched, (e: GlossaryEntry) => string[]]> = [
    ['acronym', (e) => (e.acronym ? [e.acronym] : [])],
    ['term', (e) => [e.term]],
    ['alias', (e) => e.aliases],
    ['variant', (e) => e.avoid],
    ['id', (e) => [e.id.replace(/-/g, ' ')]],
  ];
  for (const [matched, names] of kinds) {
    const entry = glossary.entries.find((e) => names(e).some((n) => keysOf(n).includes(key)));
    if (entry) return { entry, matched };
  }
  const known = glossary.entries.flatMap((e) => [e.term, ...(e.acronym ? [e.acronym] : []), ...e.aliases]);
  return { entry: undefined, suggestion: closest(name.trim(), known) };
}

/** A name's key, and its keys in the plural (the last word's plural forms, as the matcher reads them). */
function keysOf(name: string): string[] {
  const key = normalizeKey(name);
  const cut = key.lastIndexOf(' ') + 1;
  return [key, ...pluralForms(key.slice(cut)).map((plural) => key.slice(0, cut) + plural)];
}
