// Reads glossary files (YAML, or JSON, which is YAML too) into a Glossary and a list of positioned
// problems. It never throws: a file with a few bad entries still yields its good ones, and every
// problem says where it is and what to do. The file system is not touched here; callers pass text.

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type {
  ComparisonAspect,
  ComparisonSide,
  ExampleCase,
  FaqItem,
  Glossary,
  GlossaryEntry,
  GlossaryProblem,
  LoadResult,
} from '../types';
import { normalizeKey, pluralForms } from '../match/normalize';
import { COMMON_WORDS } from './common-words';
import { isShortName } from './index';

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

/** One file read on its own: its entries, FAQ items, comparison aspects, links and problems. */
interface FileParts {
  patches: EntryPatch[];
  faq: FaqItem[];
  comparison: ComparisonAspect[];
  links: Link[];
  problems: GlossaryProblem[];
}

const ENTRY_FIELDS = ['id', 'term', 'acronym', 'category', 'definition', 'aliases', 'avoid', 'industry', 'related', 'faq', 'examples', 'notes', 'tests', 'disabled', 'contested', 'wellKnown', 'side'] as const;
const TOP_FIELDS = ['version', 'terms', 'comparison', 'faq'] as const;
const FAQ_FIELDS = ['id', 'question', 'answer', 'terms'] as const;
const ASPECT_FIELDS = ['aspect', 'label', 'kpo', 'bpo'] as const;
const SIDE_FIELDS = ['summary', 'traits', 'qualities', 'comparatives'] as const;
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
    const parts = (source.digest !== undefined ? fromDigest(source.digest, file, source.file) : undefined) ?? readFile(source, file);
    // Loops, not push(...list): a list of 150,000 problems would overflow the stack as arguments.
    for (const p of parts.patches) patches.push(p);
    for (const f of parts.faq) faq.push(f);
    for (const c of parts.comparison) comparison.push(c);
    for (const l of parts.links) links.push(l);
    for (const p of parts.problems) problems.push(p);
  });
  const result = finish(patches, faq, comparison, links, problems, sources.map((s) => s.file));
  result.problems = capProblems(result.problems);
  return result;
}

/** Problems listed per file; the rest are counted in one more problem (a file of broken entries must not flood the editor). */
export const MAX_PROBLEMS_PER_FILE = 500;

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

function readFile(source: GlossarySource, fileIndex: number): FileParts {
  const parts: FileParts = { patches: [], faq: [], comparison: [], links: [], problems: [] };
  new FileReader(source, parts.problems).read(fileIndex, parts.patches, parts.faq, parts.comparison, parts.links);
  return parts;
}

/**
 * A glossary file read into plain data (JSON), to be given back as `GlossarySource.digest` with the
 * same text: the build does this for the built-in glossary, so loading it needs no YAML parser.
 * Positions are kept; the file's name is filled in when the digest is read.
 */
export function digestGlossary(text: string): string {
  const parts = readFile({ file: '', text }, 0);
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

/** An entry as one file writes it: only the fields it gives. */
interface EntryPatch {
  /** Index of the source file. */
  file: number;
  /** Where the entry's term (or id) is written, and the whole mapping. */
  place: Located;
  mapping: Located;
  disabled: boolean;
  links: Link[];
  id?: string;
  term?: string;
  acronym?: string;
  category?: string;
  definition?: string;
  aliases?: string[];
  avoid?: string[];
  industries?: string[];
  related?: string[];
  faq?: string[];
  examples?: string[];
  notes?: string[];
  tests?: { flag: ExampleCase[]; pass: ExampleCase[] };
  contested?: boolean;
  wellKnown?: boolean;
  side?: 'kpo' | 'bpo';
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

  read(fileIndex: number, patches: EntryPatch[], faq: FaqItem[], comparison: ComparisonAspect[], links: Link[]): void {
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
    // One problem per mistake: the parser's first error on a line, in plain words, where it is; the
    // entries it breaks report nothing more (their fields are whatever the broken syntax made them).
    const reportedLines = new Set<number>();
    for (const error of doc.errors) {
      this.yamlErrors.push(error.pos[0]);
      const problem = /^\s*[{[]/.test(text)
        ? { offset: error.pos[0], message: 'The JSON breaks here: check the brackets, braces, commas and quotes before this point (or write the glossary in YAML).' }
        : yamlProblem(text, error.code, error.message, error.pos[0]);
      const at = this.locate(problem.offset, problem.offset + 1);
      if (reportedLines.has(at.line)) continue;
      reportedLines.add(at.line);
      this.report(at, problem.message);
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
        const patch = this.readEntry(item as Node, fileIndex);
        if (patch) patches.push(patch);
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

  private readEntry(node: Node, file: number): EntryPatch | undefined {
    if (this.broken(node)) {
      // Its syntax error is reported; an editor keeps the entry's last good version meanwhile.
      return undefined;
    }
    if (!isMap(node)) {
      this.report(this.at(node), 'Each entry of "terms" must be a mapping with term, category and definition.');
      return undefined;
    }
    this.checkFields(node, ENTRY_FIELDS, 'in a glossary entry');
    const has = (key: string) => node.has(key);
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
    const disabled = this.flag(node, 'disabled') ?? false;
    const patch: EntryPatch = {
      file,
      place: this.at((node.get('term', true) as Node | undefined) ?? (node.get('id', true) as Node | undefined) ?? node),
      mapping: this.at(node),
      disabled,
      links: [],
    };
    if (id !== undefined) patch.id = id;
    if (acronym !== undefined) patch.acronym = acronym;
    for (const key of ['contested', 'wellKnown'] as const) {
      const value = this.flag(node, key);
      if (value !== undefined) patch[key] = value;
    }
    const side = this.string(node, 'side', false);
    if (side !== undefined) {
      if (side === 'kpo' || side === 'bpo') patch.side = side;
      else this.report(this.at(node.get('side', true) as Node), `"side" must be kpo or bpo (the side of the comparison this kind of outsourcing belongs to), not "${side}".`);
    }
    for (const key of ['term', 'category', 'definition'] as const) {
      const value = this.string(node, key, false);
      if (value !== undefined) patch[key] = value;
    }
    const lists = [['aliases', 'aliases'], ['avoid', 'avoid'], ['industries', 'industry'], ['related', 'related'], ['faq', 'faq'], ['examples', 'examples'], ['notes', 'notes']] as const;
    for (const [field, key] of lists) {
      if (has(key)) patch[field] = this.strings(node, key, key === 'industry');
    }
    for (const key of ['avoid', 'aliases'] as const) this.checkOrdinaryWords(node, key);
    for (const kind of ['related', 'faq'] as const) {
      const seq = node.get(kind, true) as Node | undefined;
      if (isSeq(seq)) for (const item of seq.items) {
        if (isScalar(item) && typeof item.value === 'string') patch.links.push({ from: '', target: item.value, kind, at: this.at(item as Node) });
      }
    }
    const tests = node.get('tests', true) as Node | undefined;
    if (tests !== undefined) {
      if (!isMap(tests)) this.report(this.at(tests), '"tests" must be a mapping with "flag" and "pass" lists of sentences.');
      else {
        this.checkFields(tests, ['flag', 'pass'], 'in "tests"');
        patch.tests = { flag: this.cases(tests, 'flag'), pass: this.cases(tests, 'pass') };
      }
    }
    return patch;
  }

  /**
   * Warns about a variant or alias that is an ordinary English word, or becomes one through the plural
   * or case rules ("IT" and "its", "US" and "us"): written in capitals it is matched only as written;
   * otherwise every such word in a document would be flagged or defined.
   */
  private checkOrdinaryWords(map: YAMLMap, key: 'avoid' | 'aliases'): void {
    const seq = map.get(key, true) as Node | undefined;
    if (!isSeq(seq)) return;
    const what = key === 'avoid' ? 'variant' : 'alias';
    for (const item of seq.items) {
      if (!isScalar(item) || typeof item.value !== 'string') continue;
      const name = item.value.trim();
      if (/\s/.test(name) || name === '') continue;
      const lower = name.toLowerCase();
      const forms = [lower, ...pluralForms(lower)].filter((w) => COMMON_WORDS.has(w));
      if (forms.length === 0) continue;
      const words = forms.map((w) => `"${w}"`).join(' and ');
      const message = isShortName(name)
        ? `The ${what} "${name}" is also the ordinary word ${words}: it is matched only as written ("${name}"), never as that word.`
        : `The ${what} "${name}" is the ordinary word ${words}: every "${lower}" in a document would be ${key === 'avoid' ? 'flagged' : 'taken for this entry'}. Remove it, or write it in capitals if it is an abbreviation.`;
      this.problems.push({ ...this.at(item as Node), severity: 'warning', message });
    }
  }

  /** A true/false field, reported when it is something else. */
  private flag(node: YAMLMap, key: string): boolean | undefined {
    const value = node.get(key, true) as Node | undefined;
    if (value === undefined) return undefined;
    if (isScalar(value) && typeof value.value === 'boolean') return value.value;
    this.report(this.at(value), `"${key}" must be true or false.`);
    return undefined;
  }

  /** Example sentences with their positions, so a failing one is reported where it is written. */
  private cases(map: YAMLMap, key: string): ExampleCase[] {
    const node = map.get(key, true) as Node | undefined;
    if (node === undefined) return [];
    if (!isSeq(node)) {
      this.report(this.at(node), `"${key}" must be a list of sentences.`);
      return [];
    }
    const cases: ExampleCase[] = [];
    for (const item of node.items) {
      if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) {
        const at = this.at(item as Node);
        cases.push({ text: item.value, file: at.file, line: at.line, column: at.column });
      } else this.report(this.at(item as Node), `Each item of "${key}" must be a sentence.`);
    }
    return cases;
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
    const side: ComparisonSide = { summary, traits: this.strings(node, 'traits') };
    if (node.has('qualities')) side.qualities = this.strings(node, 'qualities');
    if (node.has('comparatives')) side.comparatives = this.strings(node, 'comparatives');
    return side;
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
    if (this.quiet) return;
    this.problems.push({ ...at, severity: 'error', message });
  }

  /** Offsets of the YAML syntax errors of the file. */
  private readonly yamlErrors: number[] = [];
  /** True while reading an entry that a syntax error broke: its other problems are not reported. */
  private quiet = false;

  /** Whether a syntax error lies inside a node. */
  private broken(node: Node): boolean {
    const range = node.range;
    return range !== undefined && range !== null && this.yamlErrors.some((at) => at >= range[0] && at <= range[2]);
  }
}

/** Cross-file work: merging changes into earlier entries, duplicate and clashing names, links, reverse FAQ links. */
function finish(
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
      const hint = patch.id && !patch.term ? ` No earlier glossary has an entry "${patch.id}" to change, so this is a new entry and needs them.` : missing.includes('category') ? ' (a category such as kpo-service, bpo-task or concept)' : '';
      problems.push({ ...patch.mapping, severity: 'error', message: `This entry has no ${missing.map((m) => `"${m}"`).join(', ')}: add ${missing.length > 1 ? 'them' : 'it'}${hint}.` });
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

/**
 * A YAML syntax error in plain words, at the character that broke it: the parser says "Nested mappings
 * are not allowed in compact mappings" at the start of a value; a writer needs to hear that the colon
 * inside the value is the trouble, and where that colon is.
 */
function yamlProblem(text: string, code: string, message: string, offset: number): { offset: number; message: string } {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const lineEnd = (() => {
    const n = text.indexOf('\n', offset);
    return n < 0 ? text.length : n;
  })();
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // The colon (and space) inside the value on this line.
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      const line = text.slice(lineStart, lineEnd);
      const keyColon = line.search(/:(\s|$)/);
      const inner = keyColon >= 0 ? line.slice(keyColon + 1).search(/:(\s|$)/) : -1;
      if (inner >= 0) {
        const at = lineStart + keyColon + 1 + inner;
        const value = line.slice(keyColon + 1).trim();
        return { offset: at, message: `A colon and a space inside a value make YAML read a new key here: put the whole value in quotes (${line.slice(0, keyColon + 1).trim()} "${value.replace(/"/g, '\\"')}"), or write it on the lines below ">-".` };
      }
      return { offset, message: 'This line is indented as if it belonged to the value above: line the keys of one entry up under each other.' };
    }
    case 'MISSING_CHAR':
      if (/quote/i.test(first)) {
        // Point at the opening quote: the last unmatched one before the error.
        const quote = /'/.test(first) ? "'" : '"';
        const open = text.lastIndexOf(quote, Math.min(offset, text.length - 1));
        return { offset: open >= 0 ? open : offset, message: `This quoted value is never closed: add the closing ${quote} at the end of the value.` };
      }
      if (/indicator/i.test(first)) return { offset, message: 'This line is indented differently from the line above: the keys of one entry must line up (and each new entry starts with "- ").' };
      return { offset, message: `Something is missing here (${first}): check the indentation and the quotes.` };
    case 'TAB_AS_INDENT':
      return { offset, message: 'A tab indents this line: YAML needs spaces.' };
    case 'BAD_INDENT':
      return { offset, message: 'This line is indented differently from the line above: the keys of one entry must line up.' };
    case 'DUPLICATE_KEY':
      return { offset, message: `${first}: each field may appear once per entry; remove or merge the repeated one.` };
    case 'RESOURCE_EXHAUSTION':
      return { offset, message: `${first}: the file expands YAML aliases too many times; write the values out instead.` };
    default:
      return { offset, message: `The YAML breaks here (${first}): check the indentation and the quotes near this point.` };
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
