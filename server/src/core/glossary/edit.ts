// Growing a glossary file from the editor: add an entry, or add an alias to an entry. Pure functions
// from the file's text to its new text. YAML is edited by inserting lines where the `yaml` package's
// Document says the list ends, indented like the lines around them, so everything already in the file
// (comments, blank lines, quoting, flow or block style) stays byte for byte; the result is parsed
// again to check it, and only if that check fails is the Document re-serialised instead. JSON files
// are parsed and written again with their indentation.

import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { deriveId } from './read';
import { normalizeKey } from '../match/normalize';

export interface NewEntry {
  term: string;
  category: string;
  definition: string;
}

/** The entry an alias is for: its id, and its term for messages. */
export interface AliasTarget {
  id: string;
  term: string;
}

export type GlossaryFormat = 'yaml' | 'json';

export type EditResult = { text: string } | { error: string };

/** The format of a glossary file, from its name. */
export function formatOf(file: string): GlossaryFormat {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

/** The file's text with a new entry at the end of its `terms` list (the file is created when `text` is empty). */
export function addEntry(text: string, entry: NewEntry, format: GlossaryFormat = 'yaml'): EditResult {
  const fields: Array<[string, string]> = [
    ['term', entry.term.trim()],
    ['category', entry.category.trim()],
    ['definition', entry.definition.trim().replace(/\s*\n\s*/g, ' ')],
  ];
  const empty = fields.find(([, v]) => v === '');
  if (empty) return { error: `The ${empty[0]} is empty.` };
  if (format === 'json') return editJson(text, (root) => appendTerm(root, Object.fromEntries(fields)));
  return appendYamlItem(text, fields.map(([k, v]) => [k, scalar(v)]), (doc) => hasItem(doc, (m) => m.get('term') === fields[0][1]));
}

/**
 * The file's text with `alias` added to the entry `target`: to its `aliases` when the file has the entry
 * (by id, or by the id its term derives), else as a new item `{ id, aliases: [alias] }` that changes the
 * entry of an earlier glossary.
 */
export function addAlias(text: string, target: AliasTarget, alias: string, format: GlossaryFormat = 'yaml'): EditResult {
  const name = alias.trim().replace(/\s+/g, ' ');
  if (name === '') return { error: 'The alias is empty.' };
  if (format === 'json') {
    return editJson(text, (root) => {
      const terms = Array.isArray(root.terms) ? root.terms : undefined;
      const item = terms?.find((t): t is Record<string, unknown> => isObject(t) && idOf(t.id, t.term) === target.id);
      if (item) {
        const aliases = Array.isArray(item.aliases) ? item.aliases : [];
        if (aliases.some((a) => typeof a === 'string' && normalizeKey(a) === normalizeKey(name))) return `“${name}” is already an alias of “${target.term}”.`;
        item.aliases = [...aliases, name];
        return undefined;
      }
      return appendTerm(root, { id: target.id, aliases: [name] });
    });
  }

  const parsed = parse(text);
  if ('error' in parsed) return parsed;
  const { doc, newline } = parsed;
  const terms = doc.contents && isMap(doc.contents) ? (doc.contents.get('terms', true) as Node | undefined) : undefined;
  const item = isSeq(terms) ? (terms.items as Node[]).find((i): i is YAMLMap => isMap(i) && idOf(i.get('id'), i.get('term')) === target.id) : undefined;
  if (!item) {
    return appendYamlItem(text, [['id', scalar(target.id)], ['aliases', `[${scalar(name)}]`]], (d) => hasAlias(d, target.id, name));
  }
  const aliases = item.get('aliases', true) as Node | undefined;
  if (isSeq(aliases) && aliases.items.some((a) => isScalar(a) && typeof a.value === 'string' && normalizeKey(a.value) === normalizeKey(name))) {
    return { error: `“${name}” is already an alias of “${target.term}”.` };
  }
  let next: string | undefined;
  if (aliases === undefined || (isScalar(aliases) && aliases.value === null)) {
    // No list yet: a line `aliases: [alias]` after the entry's last line (or replacing an empty `aliases:`).
    const pair = (item.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'aliases');
    if (pair) {
      const keyEnd = (pair.key as Node).range![1];
      const colon = text.indexOf(':', keyEnd);
      const eol = /[^\r\n]*/.exec(text.slice(colon + 1))![0];
      const comment = /#.*$/.exec(eol)?.[0];
      next = text.slice(0, colon + 1) + ` [${scalar(name)}]` + (comment ? ` ${comment}` : '') + text.slice(colon + 1 + eol.length);
    } else {
      const keyIndent = columnOf(text, item.range![0]);
      next = insertLines(text, endOfNode(text, item), [`${' '.repeat(keyIndent)}aliases: [${scalar(name)}]`], newline);
    }
  } else if (isSeq(aliases) && aliases.flow) {
    // `aliases: [a, b]`: after the last item, or inside the brackets when empty.
    const last = aliases.items[aliases.items.length - 1] as Node | undefined;
    next = last
      ? text.slice(0, last.range![1]) + `, ${scalar(name)}` + text.slice(last.range![1])
      : text.slice(0, aliases.range![0] + 1) + scalar(name) + text.slice(aliases.range![0] + 1);
  } else if (isSeq(aliases) && aliases.items.length > 0) {
    const first = aliases.items[0] as Node;
    const dashIndent = leadingSpaces(text, first.range![0]);
    next = insertLines(text, endOfNode(text, aliases), [`${dashIndent}- ${scalar(name)}`], newline);
  } else {
    return { error: `The entry “${target.term}” has an "aliases" field that is not a list: fix it first.` };
  }
  return checked(next, (d) => hasAlias(d, target.id, name)) ?? fallbackAlias(doc, target, name);
}

// ---------------------------------------------------------------------------------------------------
// YAML

function parse(text: string): { doc: Document; newline: string } | { error: string } {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) {
    return { error: `The glossary file has a syntax error (${doc.errors[0].message.split('\n')[0]}): fix it first.` };
  }
  if (doc.contents !== null && !isMap(doc.contents) && !(isScalar(doc.contents) && doc.contents.value === null)) {
    return { error: 'The glossary file is not a mapping with a "terms:" list: fix it first.' };
  }
  return { doc, newline };
}

/** Appends `- key: value` lines (values already YAML text) to the `terms` list, creating it if needed. */
function appendYamlItem(text: string, fields: Array<[string, string]>, verify: (doc: Document) => boolean): EditResult {
  const parsed = parse(text);
  if ('error' in parsed) return parsed;
  const { doc, newline } = parsed;
  const root = doc.contents;
  const terms = root && isMap(root) ? (root.get('terms', true) as Node | undefined) : undefined;
  // The first field follows the dash with the same gap as the file's items, so all keys line up.
  const render = (dashIndent: string, keyIndent: string) =>
    fields.map(([key, value], i) => (i === 0 ? `${dashIndent}-${' '.repeat(Math.max(1, keyIndent.length - dashIndent.length - 1))}${key}: ${value}` : `${keyIndent}${key}: ${value}`));

  let next: string;
  if (terms === undefined) {
    // No list yet (an empty file, comments only, or other top-level fields): add one at the end.
    const lines = ['terms:', ...render('  ', '    ')];
    const body = text.replace(/\s+$/, '');
    next = body === '' ? lines.join(newline) + newline : insertLines(text, text.length, lines, newline);
  } else if ((isScalar(terms) && terms.value === null) || (isSeq(terms) && terms.flow && terms.items.length === 0)) {
    // `terms:` with nothing after it, or `terms: []`: the list starts on the next line.
    const key = ((root as YAMLMap).items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'terms')!.key as Node;
    const keyIndent = columnOf(text, key.range![0]);
    const lines = render(' '.repeat(keyIndent + 2), ' '.repeat(keyIndent + 4));
    const colon = text.indexOf(':', key.range![1]);
    const rest = isSeq(terms) ? text.slice(terms.range![1]) : text.slice(colon + 1);
    const afterValue = rest.replace(/^[ \t]*(#[^\r\n]*)?/, '');
    const comment = /^[ \t]*(#[^\r\n]*)?/.exec(rest)![1];
    next = text.slice(0, colon + 1) + (comment ? ` ${comment}` : '') + newline + lines.join(newline) + (afterValue.startsWith('\n') || afterValue.startsWith('\r') || afterValue === '' ? '' : newline) + afterValue;
    if (afterValue === '') next += newline;
  } else if (isSeq(terms) && !terms.flow) {
    const items = terms.items as Node[];
    const first = items[0];
    const dashIndent = leadingSpaces(text, first.range![0]);
    const keyIndent = ' '.repeat(isMap(first) ? columnOf(text, first.range![0]) : dashIndent.length + 2);
    // Entries separated by blank lines get one before the new entry too.
    const spaced = items.slice(1).some((i) => (i as Node & { spaceBefore?: boolean }).spaceBefore);
    next = insertLines(text, endOfNode(text, terms), [...(spaced ? [''] : []), ...render(dashIndent, keyIndent)], newline);
  } else if (isSeq(terms)) {
    // A flow list with items (`terms: [{...}]`): the Document writes it.
    return fallbackAppend(doc, fields);
  } else {
    return { error: '"terms" is not a list: fix the glossary file first.' };
  }
  return checked(next, verify) ?? fallbackAppend(doc, fields);
}

/** `next` when it parses and passes `verify`, else undefined. */
function checked(next: string | undefined, verify: (doc: Document) => boolean): EditResult | undefined {
  if (next === undefined) return undefined;
  const doc = parseDocument(next, { uniqueKeys: false });
  return doc.errors.length === 0 && verify(doc) ? { text: next } : undefined;
}

/** Re-serialises the Document with the item added: comments survive, layout may change. */
function fallbackAppend(doc: Document, fields: Array<[string, string]>): EditResult {
  const item = doc.createNode(Object.fromEntries(fields.map(([k, v]) => [k, parseDocument(v).toJS() as unknown])));
  if (!doc.contents || !isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  const root = doc.contents as unknown as YAMLMap;
  const terms = root.get('terms', true);
  if (isSeq(terms)) (terms as YAMLSeq).items.push(item);
  else root.set('terms', doc.createNode([item]));
  return { text: doc.toString({ lineWidth: 0 }) };
}

function fallbackAlias(doc: Document, target: AliasTarget, alias: string): EditResult {
  const terms = doc.contents && isMap(doc.contents) ? doc.contents.get('terms', true) : undefined;
  const item = isSeq(terms) ? (terms.items as Node[]).find((i): i is YAMLMap => isMap(i) && idOf(i.get('id'), i.get('term')) === target.id) : undefined;
  if (!item) return fallbackAppend(doc, [['id', target.id], ['aliases', `[${scalar(alias)}]`]]);
  const aliases = item.get('aliases', true);
  if (isSeq(aliases)) (aliases as YAMLSeq).items.push(doc.createNode(alias));
  else item.set('aliases', doc.createNode([alias]));
  return { text: doc.toString({ lineWidth: 0 }) };
}

function hasItem(doc: Document, test: (item: YAMLMap) => boolean): boolean {
  const terms = doc.contents && isMap(doc.contents) ? doc.contents.get('terms', true) : undefined;
  return isSeq(terms) && (terms.items as Node[]).some((i) => isMap(i) && test(i));
}

function hasAlias(doc: Document, id: string, alias: string): boolean {
  return hasItem(doc, (m) => {
    if (idOf(m.get('id'), m.get('term')) !== id) return false;
    const aliases = m.get('aliases', true);
    return isSeq(aliases) && aliases.items.some((a) => isScalar(a) && a.value === alias);
  });
}

/** A value as a YAML scalar on one line: plain where YAML allows it, quoted otherwise. */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0, blockQuote: false }).replace(/\r?\n$/, '');
}

/** Inserts whole lines at `at` (moved to the start of the next line when it is mid-line). */
function insertLines(text: string, at: number, lines: string[], newline: string): string {
  let pos = at;
  if (pos > 0 && text[pos - 1] !== '\n') pos = lineEnd(text, pos);
  const before = text.slice(0, pos);
  const needsBreak = before.length > 0 && !before.endsWith('\n');
  const block = (needsBreak ? newline : '') + lines.join(newline) + newline;
  return before + block + text.slice(pos);
}

/** The offset after the line break ending the line that holds `offset` (or the text's end). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** Where a block node's text ends: its range's end, the start of the line after its last line. */
function endOfNode(_text: string, node: Node): number {
  return node.range![2];
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The indentation of the line holding `offset` (spaces only). */
function leadingSpaces(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^ */.exec(text.slice(start))![0];
}

function idOf(id: unknown, term: unknown): string | undefined {
  if (typeof id === 'string' && id.trim() !== '') return id.trim();
  if (typeof term === 'string' && term.trim() !== '') return deriveId(term.trim());
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// JSON

function editJson(text: string, change: (root: Record<string, unknown>) => string | undefined): EditResult {
  let root: unknown;
  if (text.trim() === '') root = {};
  else {
    try {
      root = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { error: `The glossary file is not valid JSON (${(error as Error).message}): fix it first.` };
    }
  }
  if (!isObject(root)) return { error: 'The glossary file is not an object with a "terms" list: fix it first.' };
  if (root.terms !== undefined && !Array.isArray(root.terms)) return { error: '"terms" is not a list: fix the glossary file first.' };
  const problem = change(root);
  if (problem) return { error: problem };
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  return { text: JSON.stringify(root, null, indent).replace(/\n/g, newline) + newline };
}

function appendTerm(root: Record<string, unknown>, item: Record<string, unknown>): undefined {
  root.terms = [...(Array.isArray(root.terms) ? root.terms : []), item];
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
