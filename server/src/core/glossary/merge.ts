// Many glossary files into one glossary. Later files build on earlier ones: an entry whose id (or
// derived id) names an entry of an earlier file changes it instead of adding one (its aliases and
// variants are added, its other fields replace, `disabled: true` switches it off). Every name belongs to
// one entry; links between entries and FAQ items must name something that exists.

import type { ComparisonAspect, FaqItem, Glossary, GlossaryEntry, GlossaryProblem, LoadResult } from '../types';
import { normalizeKey } from '../match/normalize';
import { deriveId, type EntryPatch, type Link, type Located } from './read';
import { suggest } from './suggest';

/** Cross-file work: merging changes into earlier entries, duplicate and clashing names, links, reverse FAQ links. */
export function merge(
  patches: EntryPatch[],
  faq: FaqItem[],
  comparison: ComparisonAspect[],
  links: Link[],
  problems: GlossaryProblem[],
  files: string[],
): LoadResult {
  const byId = new Map<string, GlossaryEntry>();
  const fileOf = new Map<GlossaryEntry, number>();
  const names = new NameRegistry(problems);
  const switchedOff = new Set<string>();
  for (const patch of patches) {
    const id = patch.id ?? (patch.term ? deriveId(patch.term) : undefined);
    const existing = id === undefined ? undefined : byId.get(id);
    if (existing && fileOf.get(existing)! < patch.file) {
      // A change to an entry of an earlier file.
      names.remove(existing);
      if (patch.disabled) {
        byId.delete(existing.id);
        switchedOff.add(existing.id);
        continue;
      }
      const changed = applyPatch(existing, patch);
      changed.changedIn = [...(existing.changedIn ?? []), { file: patch.place.file, line: patch.place.line, column: patch.place.column }];
      if (!names.add(changed, patch.place, existing)) {
        names.add(existing, patch.place);
        continue;
      }
      Object.assign(existing, changed);
      for (const key of ['contested', 'wellKnown'] as const) if (!(key in changed)) delete existing[key];
      for (const link of patch.links) links.push({ ...link, from: existing.id });
      continue;
    }
    if (existing) {
      const message = patch.id !== undefined
        ? `Duplicate id "${existing.id}": "${existing.term}" at ${where(existing)} has it already. Give this entry its own "id".`
        : `Entry "${patch.term}" was skipped: the term is already the term of "${existing.term}" (${where(existing)}). Each name may belong to one entry only: remove or rename it.`;
      problems.push({ ...patch.place, severity: 'error', message });
      continue;
    }
    if (patch.disabled) continue;
    const missing = (['term', 'category', 'definition'] as const).filter((key) => patch[key] === undefined);
    if (missing.length > 0) {
      const them = missing.length > 1 ? 'them' : 'it';
      const lacks = `This entry has no ${missing.map((m) => `"${m}"`).join(', ')}: add ${them}`;
      const message =
        patch.id && !patch.term
          ? `${lacks}. No earlier glossary has an entry "${patch.id}" to change, so this is a new entry and needs ${them}.`
          : `${lacks}${missing.includes('category') ? ' (a category such as kpo-service, bpo-task or concept)' : ''}.`;
      problems.push({ ...patch.mapping, severity: 'error', message });
      continue;
    }
    const entry = applyPatch(
      { id: id!, term: '', category: '', definition: '', aliases: [], avoid: [], industries: [], related: [], faq: [], examples: [], notes: [], source: { file: patch.place.file, line: patch.place.line, column: patch.place.column } },
      patch,
    );
    if (!names.add(entry, patch.place)) continue;
    byId.set(entry.id, entry);
    fileOf.set(entry, patch.file);
    for (const link of patch.links) links.push({ ...link, from: entry.id });
  }
  const kept = [...byId.values()];
  const faqIds = new Map<string, FaqItem>();
  for (const item of faq) {
    if (faqIds.has(item.id)) {
      const at = links.find((l) => l.from === item.id)?.at;
      problems.push({ file: at?.file ?? files[0] ?? '', line: at?.line ?? 1, column: at?.column ?? 1, severity: 'error', message: `Duplicate FAQ id "${item.id}": give the question its own "id".` });
    } else faqIds.set(item.id, item);
  }
  for (const link of links) {
    if (link.kind === 'faq') {
      if (!faqIds.has(link.target)) problems.push({ ...link.at, severity: 'error', message: `"${link.from}" links to an unknown FAQ item "${link.target}"${suggest(link.target, [...faqIds.keys()])}.` });
    } else if (!byId.has(link.target) && !switchedOff.has(link.target)) {
      problems.push({ ...link.at, severity: 'error', message: `${link.kind === 'faq-term' ? 'FAQ item' : 'Entry'} "${link.from}" links to an unknown entry "${link.target}"${suggest(link.target, [...byId.keys()])}.` });
    }
  }
  // FAQ items name their entries; each entry lists its FAQ items too, whichever side wrote the link.
  for (const item of faqIds.values()) {
    item.terms = item.terms.filter((id) => byId.has(id));
    for (const id of item.terms) {
      const entry = byId.get(id)!;
      if (!entry.faq.includes(item.id)) entry.faq.push(item.id);
    }
  }
  for (const entry of kept) {
    entry.related = entry.related.filter((id) => byId.has(id) && id !== entry.id);
    entry.faq = entry.faq.filter((id) => faqIds.has(id));
  }
  const glossary: Glossary = { entries: kept, byId, faq: [...faqIds.values()], comparison, files };
  problems.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : files.indexOf(a.file) - files.indexOf(b.file)));
  return { glossary, problems };
}

/** An entry with the fields a patch gives: aliases and variants are added, other fields replace. */
function applyPatch(entry: GlossaryEntry, patch: EntryPatch): GlossaryEntry {
  const next: GlossaryEntry = { ...entry };
  if (patch.term !== undefined) next.term = patch.term;
  if (patch.acronym !== undefined) next.acronym = patch.acronym;
  if (patch.category !== undefined) next.category = patch.category;
  if (patch.definition !== undefined) next.definition = patch.definition;
  const union = (a: string[], b: string[] | undefined) => (b ? [...a, ...b.filter((x) => !a.some((y) => normalizeKey(y) === normalizeKey(x)))] : a);
  next.aliases = union(entry.aliases, patch.aliases);
  next.avoid = union(entry.avoid, patch.avoid);
  for (const key of ['industries', 'related', 'faq', 'examples', 'notes'] as const) {
    if (patch[key] !== undefined) next[key] = patch[key]!;
  }
  if (patch.tests !== undefined) next.tests = patch.tests;
  if (patch.side !== undefined) next.side = patch.side;
  for (const key of ['contested', 'wellKnown'] as const) {
    if (patch[key] === true) next[key] = true;
    else if (patch[key] === false) delete next[key];
  }
  // A later glossary that gives a contested entry a category takes a side for its documents.
  if (patch.category !== undefined && patch.contested === undefined) delete next.contested;
  return next;
}

/**
 * Every name (term, acronym, alias, variant) belongs to one entry. Adding an entry whose names clash
 * with another entry's reports the clash and refuses the entry; names repeated within an entry are a
 * warning.
 */
class NameRegistry {
  private readonly owners = new Map<string, { entry: GlossaryEntry; what: string }>();

  constructor(private readonly problems: GlossaryProblem[]) {}

  /** Registers the names of `entry` (`replacing` is the entry it changes, whose names were removed); false on a clash. */
  add(entry: GlossaryEntry, place: Located, replacing?: GlossaryEntry): boolean {
    const forms = namesOf(entry);
    const clashes: string[] = [];
    const mine = new Set<string>();
    for (const [text, what, key] of forms) {
      const other = this.owners.get(key);
      // An acronym may stand for several entries ("RPO": recruitment or research process
      // outsourcing): the document's own definition says which one it means.
      const shared = other !== undefined && what === 'acronym' && other.what === 'acronym';
      if (other && other.entry !== entry && other.entry !== replacing && !shared) {
        clashes.push(`the ${what} "${text}" is already the ${other.what} of "${other.entry.term}" (${where(other.entry)})`);
      } else if (mine.has(key) && what !== 'term' && !replacing) {
        this.problems.push({ ...place, severity: 'warning', message: `In "${entry.term}", the ${what} "${text}" repeats another name of the same entry: remove it.` });
      }
      mine.add(key);
    }
    if (clashes.length > 0) {
      const verb = replacing ? 'The change to' : 'Entry';
      this.problems.push({ ...place, severity: 'error', message: `${verb} "${entry.term}" was skipped: ${clashes.join('; ')}. Each name may belong to one entry only: remove or rename it.` });
      return false;
    }
    for (const [, what, key] of forms) if (!this.owners.has(key)) this.owners.set(key, { entry: replacing ?? entry, what });
    return true;
  }

  remove(entry: GlossaryEntry): void {
    for (const [, , key] of namesOf(entry)) if (this.owners.get(key)?.entry === entry) this.owners.delete(key);
  }
}

function namesOf(entry: GlossaryEntry): Array<[string, string, string]> {
  const forms: Array<[string, string, string]> = [[entry.term, 'term', normalizeKey(entry.term)]];
  if (entry.acronym) forms.push([entry.acronym, 'acronym', `=${entry.acronym}`]);
  for (const alias of entry.aliases) forms.push([alias, 'alias', normalizeKey(alias)]);
  for (const variant of entry.avoid) forms.push([variant, 'variant to avoid', normalizeKey(variant)]);
  return forms.filter(([, , key]) => key !== '' && key !== '=');
}

function where(entry: GlossaryEntry): string {
  return entry.source ? `${entry.source.file}:${entry.source.line}:${entry.source.column}` : 'elsewhere';
}
