// Reads glossary files (YAML, or JSON, which is YAML too) into a Glossary and a list of positioned
// problems. It never throws: a file with a few bad entries still yields its good ones, and every
// problem says where it is and what to do. The file system is not touched here; callers pass text.

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type {
  ComparisonAspect,
  ComparisonSide,
  FaqItem,
  Glossary,
  GlossaryEntry,
  GlossaryProblem,
  LoadResult,
} from '../types';
import { normalizeKey } from '../match/normalize';

export interface GlossarySource {
  /** A name for messages: a path or a URI. */
  file: string;
  text: string;
}

const ENTRY_FIELDS = ['id', 'term', 'acronym', 'category', 'definition', 'aliases', 'avoid', 'industry', 'related', 'faq', 'examples', 'notes'] as const;
const TOP_FIELDS = ['version', 'terms', 'comparison', 'faq'] as const;
const FAQ_FIELDS = ['id', 'question', 'answer', 'terms'] as const;
const ASPECT_FIELDS = ['aspect', 'label', 'kpo', 'bpo'] as const;
const SIDE_FIELDS = ['summary', 'traits'] as const;
export const GLOSSARY_FIELDS = { top: TOP_FIELDS, entry: ENTRY_FIELDS, faq: FAQ_FIELDS, aspect: ASPECT_FIELDS, side: SIDE_FIELDS };

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ACRONYM_PATTERN = /^[A-Z][A-Za-z0-9&]*[A-Z0-9]$/;
/** Bigger files are refused rather than parsed: a glossary of 10,000 terms is about 2 MB. */
export const MAX_GLOSSARY_BYTES = 16 * 1024 * 1024;

/** Derives an id from a term: "Call Centre Operations" becomes "call-centre-operations". */
export function deriveId(term: string): string {
  const id = term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'entry';
}

/** Loads one or more glossary sources into one glossary; later files add to earlier ones. */
export function loadGlossary(sources: GlossarySource[]): LoadResult {
  const problems: GlossaryProblem[] = [];
  const entries: GlossaryEntry[] = [];
  const faq: FaqItem[] = [];
  const comparison: ComparisonAspect[] = [];
  const links: Link[] = [];
  for (const source of sources) {
    const reader = new FileReader(source, problems);
    reader.read(entries, faq, comparison, links);
  }
  return finish(entries, faq, comparison, links, problems, sources.map((s) => s.file));
}

interface Link {
  from: string;
  target: string;
  kind: 'related' | 'faq' | 'faq-term';
  at: Located;
}

interface Located {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

class FileReader {
  private readonly lines = new LineCounter();

  constructor(
    private readonly source: GlossarySource,
    private readonly problems: GlossaryProblem[],
  ) {}

  read(entries: GlossaryEntry[], faq: FaqItem[], comparison: ComparisonAspect[], links: Link[]): void {
    const { text, file } = this.source;
    if (text.length > MAX_GLOSSARY_BYTES) {
      this.report({ file, line: 1, column: 1, endLine: 1, endColumn: 1 }, `The glossary is ${Math.round(text.length / 1048576)} MB, over the 16 MB limit: split it into several files.`);
      return;
    }
    if (text.includes('\u0000')) {
      const nul = text.indexOf('\u0000');
      const before = text.slice(0, nul).split(/\r\n|\r|\n/);
      const line = before.length;
      const column = before[before.length - 1].length + 1;
      this.report({ file, line, column, endLine: line, endColumn: column }, 'The file contains a NUL byte, so it is not a text file: a glossary must be UTF-8 YAML or JSON.');
      return;
    }
    let doc;
    try {
      doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    } catch (error) {
      this.report(this.locate(0), `The file could not be read as YAML: ${(error as Error).message}`);
      return;
    }
    for (const error of doc.errors) {
      const at = this.locate(error.pos[0], error.pos[1]);
      this.report(at, yamlMessage(error.code, error.message));
    }
    if (doc.errors.length > 0 && !doc.contents) return;
    const root = doc.contents as Node | null;
    if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
      this.report(this.locate(0), 'The glossary is empty: add a "terms:" list with entries of term, category and definition.');
      return;
    }
    if (!isMap(root)) {
      this.report(this.at(root), 'A glossary file must be a mapping with a "terms:" list, not a ' + describe(root) + '.');
      return;
    }
    this.checkFields(root, TOP_FIELDS, 'at the top level');
    const version = root.get('version', true) as Node | undefined;
    if (version !== undefined && !(isScalar(version) && version.value === 1)) {
      this.report(this.at(version), 'Unsupported "version": this tool reads version 1. Write "version: 1" or leave it out.');
    }
    const terms = root.get('terms', true) as Node | undefined;
    if (terms === undefined) {
      this.report(this.at(root), 'The glossary has no "terms:" list: add one with entries of term, category and definition.');
    } else if (!isSeq(terms)) {
      this.report(this.at(terms), '"terms" must be a list of entries (each line starting with "- ").');
    } else {
      for (const item of terms.items) {
        const entry = this.readEntry(item as Node, links);
        if (entry) entries.push(entry);
      }
    }
    const aspects = root.get('comparison', true) as Node | undefined;
    if (aspects !== undefined) {
      if (!isSeq(aspects)) this.report(this.at(aspects), '"comparison" must be a list of aspects.');
      else for (const item of aspects.items) {
        const aspect = this.readAspect(item as Node);
        if (aspect) comparison.push(aspect);
      }
    }
    const questions = root.get('faq', true) as Node | undefined;
    if (questions !== undefined) {
      if (!isSeq(questions)) this.report(this.at(questions), '"faq" must be a list of questions.');
      else for (const item of questions.items) {
        const question = this.readFaq(item as Node, links);
        if (question) faq.push(question);
      }
    }
  }

  private readEntry(node: Node, links: Link[]): GlossaryEntry | undefined {
    if (!isMap(node)) {
      this.report(this.at(node), 'Each entry of "terms" must be a mapping with term, category and definition.');
      return undefined;
    }
    this.checkFields(node, ENTRY_FIELDS, 'in a glossary entry');
    const term = this.string(node, 'term', true);
    const category = this.string(node, 'category', true);
    const definition = this.string(node, 'definition', true);
    if (term === undefined || category === undefined || definition === undefined) return undefined;
    let id = this.string(node, 'id', false);
    if (id !== undefined && !ID_PATTERN.test(id)) {
      this.report(this.at(node.get('id', true) as Node), `The id "${id}" is not valid: use lowercase letters, digits and single hyphens, such as "${deriveId(id)}".`);
      id = undefined;
    }
    let acronym = this.string(node, 'acronym', false);
    if (acronym !== undefined && !ACRONYM_PATTERN.test(acronym)) {
      this.report(this.at(node.get('acronym', true) as Node), `The acronym "${acronym}" must start with a capital letter and end with a capital letter or digit, such as "KPO".`);
      acronym = undefined;
    }
    const termNode = node.get('term', true) as Node;
    const where = this.at(termNode);
    const entry: GlossaryEntry = {
      id: id ?? deriveId(term),
      term,
      category,
      definition,
      aliases: this.strings(node, 'aliases'),
      avoid: this.strings(node, 'avoid'),
      industries: this.strings(node, 'industry', true),
      related: this.strings(node, 'related'),
      faq: this.strings(node, 'faq'),
      examples: this.strings(node, 'examples'),
      notes: this.strings(node, 'notes'),
      source: { file: where.file, line: where.line, column: where.column },
    };
    if (acronym !== undefined) entry.acronym = acronym;
    for (const [kind, field] of [['related', 'related'], ['faq', 'faq']] as const) {
      const seq = node.get(field, true) as Node | undefined;
      if (isSeq(seq)) for (const item of seq.items) {
        if (isScalar(item) && typeof item.value === 'string') links.push({ from: entry.id, target: item.value, kind, at: this.at(item as Node) });
      }
    }
    (entry as EntryWithPlace).place = where;
    return entry;
  }

  private readAspect(node: Node): ComparisonAspect | undefined {
    if (!isMap(node)) {
      this.report(this.at(node), 'Each comparison item must be a mapping with aspect, kpo and bpo.');
      return undefined;
    }
    this.checkFields(node, ASPECT_FIELDS, 'in a comparison aspect');
    const id = this.string(node, 'aspect', true);
    const kpo = this.readSide(node, 'kpo');
    const bpo = this.readSide(node, 'bpo');
    if (id === undefined || !kpo || !bpo) return undefined;
    return { id, label: this.string(node, 'label', false) ?? id, kpo, bpo };
  }

  private readSide(parent: YAMLMap, key: string): ComparisonSide | undefined {
    const node = parent.get(key, true) as Node | undefined;
    if (node === undefined) {
      this.report(this.at(parent), `This comparison aspect has no "${key}:": add it with a summary and traits.`);
      return undefined;
    }
    if (!isMap(node)) {
      this.report(this.at(node), `"${key}" must be a mapping with "summary" and "traits".`);
      return undefined;
    }
    this.checkFields(node, SIDE_FIELDS, `in the "${key}" side of a comparison`);
    const summary = this.string(node, 'summary', true);
    if (summary === undefined) return undefined;
    return { summary, traits: this.strings(node, 'traits') };
  }

  private readFaq(node: Node, links: Link[]): FaqItem | undefined {
    if (!isMap(node)) {
      this.report(this.at(node), 'Each FAQ item must be a mapping with question and answer.');
      return undefined;
    }
    this.checkFields(node, FAQ_FIELDS, 'in an FAQ item');
    const question = this.string(node, 'question', true);
    const answer = this.string(node, 'answer', true);
    if (question === undefined || answer === undefined) return undefined;
    const id = this.string(node, 'id', false) ?? deriveId(question).slice(0, 60).replace(/-+$/, '');
    const terms = this.strings(node, 'terms');
    const seq = node.get('terms', true) as Node | undefined;
    if (isSeq(seq)) for (const item of seq.items) {
      if (isScalar(item) && typeof item.value === 'string') links.push({ from: id, target: item.value, kind: 'faq-term', at: this.at(item as Node) });
    }
    return { id, question, answer, terms };
  }

  /** Reports keys that are not in `known`, suggesting the closest known one. */
  private checkFields(map: YAMLMap, known: readonly string[], where: string): void {
    for (const pair of map.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) {
        this.report(this.at(pair.key as Node), `Keys must be plain words ${where}.`);
      } else if (!known.includes(key)) {
        const guess = closest(key, known);
        const hint = guess ? ` Did you mean "${guess}"?` : '';
        this.report(this.at(pair.key as Node), `Unknown field "${key}" ${where}.${hint} Known fields: ${known.join(', ')}.`);
      }
    }
  }

  private string(map: YAMLMap, key: string, required: boolean): string | undefined {
    const node = map.get(key, true) as Node | undefined;
    if (node === undefined || (isScalar(node) && node.value === null)) {
      if (required) this.report(this.at(map), `This entry has no "${key}": add one${key === 'category' ? ' (such as kpo-service, bpo-task or concept)' : ''}.`);
      return undefined;
    }
    if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
      this.report(this.at(node), `"${key}" must be text, not a ${describe(node)}.`);
      return undefined;
    }
    const value = String(node.value).trim();
    if (value === '') {
      this.report(this.at(node), `"${key}" is empty: write the ${key} or remove the field.`);
      return undefined;
    }
    return value;
  }

  private strings(map: YAMLMap, key: string, allowSingle = false): string[] {
    const node = map.get(key, true) as Node | undefined;
    if (node === undefined || (isScalar(node) && node.value === null)) return [];
    if (allowSingle && isScalar(node) && typeof node.value === 'string') return node.value.trim() ? [node.value.trim()] : [];
    if (!isSeq(node)) {
      this.report(this.at(node), `"${key}" must be a list, such as [first, second]${allowSingle ? ' (or a single text)' : ''}.`);
      return [];
    }
    const values: string[] = [];
    for (const item of node.items) {
      if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number') && String(item.value).trim() !== '') {
        values.push(String(item.value).trim());
      } else {
        this.report(this.at(item as Node), `Each item of "${key}" must be non-empty text.`);
      }
    }
    return values;
  }

  private locate(start: number, end = start): Located {
    const a = this.lines.linePos(start);
    const b = this.lines.linePos(end);
    return { file: this.source.file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }

  private at(node: Node | null | undefined): Located {
    const range = node?.range;
    return range ? this.locate(range[0], range[1]) : this.locate(0);
  }

  private report(at: Located, message: string): void {
    this.problems.push({ ...at, severity: 'error', message });
  }
}

type EntryWithPlace = GlossaryEntry & { place?: Located };

/** Cross-file checks: duplicate ids, terms and aliases; links to unknown entries; reverse FAQ links. */
function finish(
  entries: GlossaryEntry[],
  faq: FaqItem[],
  comparison: ComparisonAspect[],
  links: Link[],
  problems: GlossaryProblem[],
  files: string[],
): LoadResult {
  const byId = new Map<string, GlossaryEntry>();
  const kept: GlossaryEntry[] = [];
  const names = new Map<string, { entry: GlossaryEntry; what: string }>();
  for (const entry of entries as EntryWithPlace[]) {
    const place = entry.place!;
    delete entry.place;
    const clashes: string[] = [];
    const mine = new Set<string>();
    const forms: Array<[string, string, boolean]> = [[entry.term, 'term', false]];
    if (entry.acronym) forms.push([entry.acronym, 'acronym', true]);
    for (const alias of entry.aliases) forms.push([alias, 'alias', false]);
    for (const variant of entry.avoid) forms.push([variant, 'variant to avoid', false]);
    for (const [text, what, exact] of forms) {
      const key = exact ? `=${text}` : normalizeKey(text);
      if (!key) continue;
      const other = names.get(key);
      if (other && other.entry !== entry) {
        clashes.push(`the ${what} "${text}" is already the ${other.what} of "${other.entry.term}" (${where(other.entry)})`);
      } else if (mine.has(key) && what !== 'term') {
        problems.push({ ...place, severity: 'warning', message: `In "${entry.term}", the ${what} "${text}" repeats another name of the same entry: remove it.` });
      }
      mine.add(key);
    }
    if (clashes.length > 0) {
      problems.push({ ...place, severity: 'error', message: `Entry "${entry.term}" was skipped: ${clashes.join('; ')}. Each name may belong to one entry only: remove or rename it.` });
      continue;
    }
    const first = byId.get(entry.id);
    if (first) {
      problems.push({ ...place, severity: 'error', message: `Duplicate id "${entry.id}": "${first.term}" at ${where(first)} has it already. Give this entry its own "id".` });
      continue;
    }
    for (const [text, what, exact] of forms) {
      const key = exact ? `=${text}` : normalizeKey(text);
      if (key && !names.has(key)) names.set(key, { entry, what });
    }
    byId.set(entry.id, entry);
    kept.push(entry);
  }
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
    } else if (!byId.has(link.target)) {
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

function where(entry: GlossaryEntry): string {
  return entry.source ? `${entry.source.file}:${entry.source.line}:${entry.source.column}` : 'elsewhere';
}

function suggest(value: string, known: string[]): string {
  const guess = closest(value, known);
  return guess ? `; did you mean "${guess}"?` : ': check the id';
}

function describe(node: Node): string {
  if (isAlias(node)) return 'YAML alias (*name): aliases are not read in glossaries, write the value out';
  if (isSeq(node)) return 'list';
  if (isMap(node)) return 'mapping';
  if (isScalar(node)) return node.value === null ? 'empty value' : typeof node.value;
  return 'value of another kind';
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return `${first}: each field may appear once per entry; remove or merge the repeated one.`;
    case 'RESOURCE_EXHAUSTION':
      return `${first}: the file expands YAML aliases too many times; write the values out instead.`;
    default:
      return `YAML syntax error: ${first}. Check the indentation and quoting near here.`;
  }
}

/** The known word nearest to `value` by edit distance, if it is near enough to be a likely typo. */
export function closest(value: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(value.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
