// Reads one glossary file (YAML, or JSON, which is YAML too) on its own: its entries as patches (only
// the fields it writes, for merge.ts to apply to earlier files' entries), its FAQ items, comparison
// aspects and links, and its problems, each positioned and saying what to do. Never throws.

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ComparisonAspect, ComparisonSide, ExampleCase, FaqItem, GlossaryProblem } from '../types';
import { pluralForms } from '../match/normalize';
import { lineStartsOf, oneBasedRange } from '../positions';
import { COMMON_WORDS } from './common-words';
import { isShortName } from './index';
import { closest } from './suggest';
import { describe, yamlProblem } from './yaml-problems';

/** One file read on its own: its entries, FAQ items, comparison aspects, links and problems. */
export interface FileParts {
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

/** One glossary file (its name for messages, and its text) read on its own, as file number `fileIndex`. */
export function readFile(file: string, text: string, fileIndex: number): FileParts {
  const parts: FileParts = { patches: [], faq: [], comparison: [], links: [], problems: [] };
  new FileReader(file, text, parts.problems).read(fileIndex, parts.patches, parts.faq, parts.comparison, parts.links);
  return parts;
}

/** An entry as one file writes it: only the fields it gives. */
export interface EntryPatch {
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

export interface Link {
  from: string;
  target: string;
  kind: 'related' | 'faq' | 'faq-term';
  at: Located;
}

export interface Located {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

class FileReader {
  private readonly lines = new LineCounter();

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly problems: GlossaryProblem[],
  ) {}

  read(fileIndex: number, patches: EntryPatch[], faq: FaqItem[], comparison: ComparisonAspect[], links: Link[]): void {
    const { text, file } = this;
    if (text.length > MAX_GLOSSARY_BYTES) {
      this.report({ file, line: 1, column: 1, endLine: 1, endColumn: 1 }, `The glossary is ${Math.round(text.length / 1048576)} MB, over the 16 MB limit: split it into several files.`);
      return;
    }
    if (text.includes('\u0000')) {
      const nul = text.indexOf('\u0000');
      this.report({ file, ...oneBasedRange(lineStartsOf(text), nul, nul) }, 'The file contains a NUL byte, so it is not a text file: a glossary must be UTF-8 YAML or JSON.');
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
    return { file: this.file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
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
