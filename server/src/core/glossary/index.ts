// Compiles a Glossary into the lookup structures the engine needs: a phrase trie for every name an
// entry goes by (term, aliases, acronym, variants to avoid, and their plurals), a trie for the
// comparison's traits, and a sorted name list for completion by prefix. Built once per glossary.

import type { ComparisonAspect, Glossary, GlossaryEntry } from '../types';
import { nameWords, normalizeKey, pluralForms } from '../match/normalize';
import { PhraseIndex } from '../match/phrase-index';
import { countBefore } from '../search';

export type NameKind = 'term' | 'alias' | 'acronym' | 'avoid';
export type Side = 'kpo' | 'bpo';

export interface NameRef {
  entry: GlossaryEntry;
  kind: NameKind;
  /** The name as the glossary writes it. */
  name: string;
  /** Matched through a plural form the glossary did not list. */
  plural: boolean;
}

export interface TraitRef {
  aspect: ComparisonAspect;
  side: Side;
  phrase: string;
  /** A quality any provider may claim (ComparisonSide.qualities): it counts only as a plain predicate. */
  weak: boolean;
  /** A comparative ("cheaper"): it counts only against the other side ("KPO is cheaper than BPO"). */
  comparative: boolean;
}

export interface CompletionName {
  key: string;
  name: string;
  kind: NameKind;
  entry: GlossaryEntry;
}

/** The other side. */
export function otherSide(side: Side): Side {
  return side === 'kpo' ? 'bpo' : 'kpo';
}

/** The side a glossary category belongs to: KPO services and BPO tasks. */
export function sideOfCategory(category: string): Side | undefined {
  if (category === 'kpo-service') return 'kpo';
  if (category === 'bpo-task') return 'bpo';
  return undefined;
}

/** The ids of the two entries that stand for the sides of the comparison. */
const SIDE_IDS: Record<Side, string> = { kpo: 'kpo', bpo: 'bpo' };

export class GlossaryIndex {
  readonly names = new PhraseIndex<NameRef>();
  readonly traits = new PhraseIndex<TraitRef>();
  /** Completion names sorted by key. */
  readonly completionNames: CompletionName[] = [];
  readonly sides: Partial<Record<Side, GlossaryEntry>> = {};
  readonly acronyms: GlossaryEntry[] = [];
  /** The entries of each acronym (most have one; "RPO" has two). */
  private readonly byAcronym = new Map<string, GlossaryEntry[]>();

  constructor(readonly glossary: Glossary) {
    for (const entry of glossary.entries) this.addEntry(entry);
    for (const side of ['kpo', 'bpo'] as const) {
      this.sides[side] = glossary.byId.get(SIDE_IDS[side]) ?? glossary.entries.find((e) => e.acronym === side.toUpperCase());
    }
    for (const aspect of glossary.comparison) {
      for (const side of ['kpo', 'bpo'] as const) {
        for (const phrase of aspect[side].traits) this.traits.add(nameWords(phrase), { aspect, side, phrase, weak: false, comparative: false });
        for (const phrase of aspect[side].qualities ?? []) this.traits.add(nameWords(phrase), { aspect, side, phrase, weak: true, comparative: false });
        for (const phrase of aspect[side].comparatives ?? []) this.traits.add(nameWords(phrase), { aspect, side, phrase, weak: false, comparative: true });
      }
    }
    this.completionNames.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** Which side of the comparison an entry stands for, if it is KPO or BPO itself. */
  sideOf(entry: GlossaryEntry): Side | undefined {
    if (entry === this.sides.kpo) return 'kpo';
    if (entry === this.sides.bpo) return 'bpo';
    return entry.side;
  }

  /** The entries an acronym stands for, in glossary order. */
  expansionsOf(acronym: string): GlossaryEntry[] {
    return this.byAcronym.get(acronym) ?? [];
  }

  /** Completion names whose key starts with the normalised prefix, in key order. */
  namesWithPrefix(prefix: string): CompletionName[] {
    const names = this.completionNames;
    const lo = countBefore(names.length, (i) => names[i].key < prefix);
    const found: CompletionName[] = [];
    for (let i = lo; i < names.length && names[i].key.startsWith(prefix); i++) found.push(names[i]);
    return found;
  }

  private addEntry(entry: GlossaryEntry): void {
    const add = (name: string, kind: NameKind) => {
      const words = nameWords(name);
      if (words.length === 0) return;
      // Acronyms and other short names ("IT", "US", "ops") match only as written, and only capitals
      // get a plural ("FTEs"): matched loosely they would be the words "it", "us", "its".
      const short = kind === 'acronym' || isShortName(name, words);
      const exact = short ? [name] : undefined;
      this.names.add(words, { entry, kind, name, plural: false }, exact);
      const last = words[words.length - 1];
      if (short) {
        if (isCapitals(name)) this.names.add([last + 's'], { entry, kind, name, plural: true }, [name + 's']);
      } else if (/\p{L}/u.test(last)) {
        for (const plural of pluralForms(last)) {
          this.names.add([...words.slice(0, -1), plural], { entry, kind, name, plural: true });
        }
      }
      if (kind !== 'avoid') this.completionNames.push({ key: normalizeKey(name), name, kind, entry });
    };
    add(entry.term, 'term');
    if (entry.acronym) {
      add(entry.acronym, 'acronym');
      this.acronyms.push(entry);
      this.byAcronym.set(entry.acronym, [...(this.byAcronym.get(entry.acronym) ?? []), entry]);
    }
    for (const alias of entry.aliases) add(alias, 'alias');
    for (const variant of entry.avoid) add(variant, 'avoid');
  }
}

/** One word in capitals ("IT", "FTE"), or of three letters or fewer: matched case-sensitively. */
export function isShortName(name: string, words = nameWords(name)): boolean {
  return words.length === 1 && !/\s/.test(name.trim()) && (isCapitals(name) || name.trim().length <= 3);
}

function isCapitals(name: string): boolean {
  return /\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name);
}
