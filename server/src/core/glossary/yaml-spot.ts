// Where an offset is in a YAML glossary file, for completion, hover and go to definition while the
// file is being written: which mapping (the top level, an entry, an FAQ item, ...), whether the offset
// is on a key or on a value, and which key the value belongs to. Read from the lines around the offset
// by their indentation, not by a parser, because the file is usually half-typed and invalid there.

/** The mappings of a glossary file, named by the keys leading to them. */
export type MappingKind = 'top' | 'entry' | 'tests' | 'faq' | 'aspect' | 'side';

export interface YamlSpot {
  /** The keys from the top level to the mapping the offset is in ([] top, ['terms'] an entry, ...). */
  path: string[];
  mapping: MappingKind | undefined;
  role: 'key' | 'value';
  /** For a value: the key it is the value of (or an item of, for lists). */
  key?: string;
  /** The word under or before the offset (a key, or one scalar value or list item), maybe empty. */
  start: number;
  end: number;
  text: string;
  /** The keys already written in the same mapping (other than the one at the offset). */
  siblings: string[];
}

interface Line {
  start: number;
  text: string;
  /** Column of the first character, or -1 for a blank or comment-only line. */
  indent: number;
  /** Column of the dash of a sequence item (`- `), if the line starts one. */
  dash?: number;
  /** Column of the content after the indentation and the dash. */
  content: number;
  /** The key written at `content`, and where its colon is. */
  key?: string;
  colon?: number;
  /** Whether the key has a value on the same line (other than a comment). */
  inlineValue?: boolean;
}

const KEY = /^([A-Za-z_][\w-]*)[ \t]*:(?=[ \t]|$)/;

function readLine(start: number, text: string): Line {
  const indent = /^ */.exec(text)![0].length;
  const rest = text.slice(indent);
  if (rest === '' || rest.startsWith('#') || /^[ \t]*$/.test(rest)) return { start, text, indent: -1, content: -1 };
  const line: Line = { start, text, indent, content: indent };
  const dash = /^-([ \t]+|$)/.exec(rest);
  if (dash) {
    line.dash = indent;
    line.content = indent + dash[0].length;
  }
  const key = KEY.exec(text.slice(line.content));
  if (key) {
    line.key = key[1];
    line.colon = line.content + key[0].length - 1;
    const after = text.slice(line.colon + 1).replace(/^[ \t]*/, '');
    line.inlineValue = after !== '' && !after.startsWith('#');
  }
  return line;
}

/** The mapping kind for a path of keys. */
function mappingKind(path: string[]): MappingKind | undefined {
  const p = path.join('/');
  if (p === '') return 'top';
  if (p === 'terms') return 'entry';
  if (p === 'terms/tests') return 'tests';
  if (p === 'faq') return 'faq';
  if (p === 'comparison') return 'aspect';
  if (p === 'comparison/kpo' || p === 'comparison/bpo') return 'side';
  return undefined;
}

/** Fields whose values are lists of plain scalars (so `- x` under them is a value, not a new mapping). */
const SCALAR_LISTS: Record<string, string[]> = {
  entry: ['aliases', 'avoid', 'industry', 'related', 'faq', 'examples', 'notes'],
  tests: ['flag', 'pass'],
  faq: ['terms'],
  side: ['traits'],
};

export function yamlSpot(text: string, offset: number): YamlSpot | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  const lines: Line[] = [];
  let at = 0;
  let current = -1;
  for (const raw of text.split('\n')) {
    const body = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (current < 0 && offset >= at && offset <= at + body.length) current = lines.length;
    lines.push(readLine(at, body));
    at += raw.length + 1;
  }
  if (current < 0) return undefined;
  const line = lines[current];
  const column = offset - line.start;
  const blank = line.indent < 0;
  if (blank && line.text.trimStart().startsWith('#')) return undefined;
  if (!blank) {
    if (column < line.content) return undefined;
    const hash = line.text.search(/(^|[ \t])#/);
    if (hash >= 0 && hash < column) return undefined;
  }
  // A blank line holds a key of the mapping at the cursor's column.
  const col = blank ? column : line.content;
  const found = pathOf(lines, current, col, blank ? undefined : line.dash);
  if (!found) return undefined;
  const { path, siblings } = found;
  const below = blank ? [] : keysBelow(lines, current, col);
  const last = path[path.length - 1];
  const parentPath = path.slice(0, -1);
  const parentKind = mappingKind(parentPath);
  const inScalarList = last !== undefined && parentKind !== undefined && (SCALAR_LISTS[parentKind]?.includes(last) ?? false);

  const wordAt = (from: number, to: number) => {
    let s = column;
    let e = column;
    while (s > from && /[\w.-]/.test(line.text[s - 1])) s--;
    while (e < to && /[\w.-]/.test(line.text[e])) e++;
    return { start: line.start + s, end: line.start + e, text: line.text.slice(s, e) };
  };

  if (!blank && line.key !== undefined) {
    const others = [...siblings, ...below].filter((k) => k !== line.key);
    if (column <= line.colon!) return { path, mapping: mappingKind(path), role: 'key', ...wordAt(line.content, line.colon!), siblings: others };
    return { path, mapping: mappingKind(path), role: 'value', key: line.key, ...valueWord(line, column, line.colon! + 1), siblings: others };
  }
  if (inScalarList) {
    // `- item` (or an empty line) in a list of plain values: a value of the list's key.
    const word = blank ? { start: offset, end: offset, text: '' } : valueWord(line, column, line.content);
    return { path: parentPath, mapping: parentKind, role: 'value', key: last, ...word, siblings: [] };
  }
  // A key being typed (no colon yet), or an empty line where a key can go.
  const word = blank ? { start: offset, end: offset, text: '' } : wordAt(line.content, line.text.length);
  if (!blank && !/^[\w-]*$/.test(line.text.slice(line.content).trimEnd())) return undefined;
  return { path, mapping: mappingKind(path), role: 'key', ...word, siblings: [...siblings, ...below] };
}

/** The scalar under the offset in `key: value`, `key: [a, b]` or `- value`, from column `from` on. */
function valueWord(line: Line, column: number, from: number): { start: number; end: number; text: string } {
  const text = line.text;
  const stop = (i: number) => /[,[\]{}]/.test(text[i]) || (text[i] === '#' && (i === 0 || /[ \t]/.test(text[i - 1])));
  let s = column;
  while (s > from && !stop(s - 1)) s--;
  let e = column;
  while (e < text.length && !stop(e)) e++;
  while (s < e && /[ \t'"]/.test(text[s])) s++;
  while (e > s && /[ \t'"]/.test(text[e - 1])) e--;
  if (s > column || e < column) s = e = column;
  return { start: line.start + s, end: line.start + e, text: text.slice(s, e) };
}

/**
 * The keys leading to the mapping whose keys are at column `col` and which holds line `index`; `dash`
 * when the line itself starts a list item. Also the keys of that mapping above the line. Undefined when
 * the lines do not make a structure (a bad indentation).
 */
function pathOf(lines: Line[], index: number, col: number, dash: number | undefined, depth = 0): { path: string[]; siblings: string[] } | undefined {
  if (depth > 32) return undefined;
  const siblings: string[] = [];
  let itemDash = dash;
  let i = index - 1;
  if (itemDash === undefined) {
    // Up through the mapping's earlier keys to where it starts.
    for (; i >= 0; i--) {
      const l = lines[i];
      if (l.indent < 0) continue;
      if (l.content === col) {
        if (l.key) siblings.push(l.key);
        if (l.dash !== undefined) {
          itemDash = l.dash;
          i--;
          break;
        }
        continue;
      }
      if (l.indent > col) continue; // the nested values of an earlier key
      // Less indented: the key owning this mapping.
      if (l.key === undefined || l.inlineValue || l.content > col) return undefined;
      const outer = pathOf(lines, i, l.content, l.dash, depth + 1);
      return outer && { path: [...outer.path, l.key], siblings };
    }
    if (itemDash === undefined) return col === 0 ? { path: [], siblings } : undefined;
  }
  // The mapping is a list item with its dash at itemDash: find the key owning the list.
  for (; i >= 0; i--) {
    const l = lines[i];
    if (l.indent < 0 || l.indent > itemDash) continue;
    if (l.dash === itemDash) continue; // an earlier item of the same list
    if (l.key === undefined || l.inlineValue || l.content > itemDash) return undefined;
    const outer = pathOf(lines, i, l.content, l.dash, depth + 1);
    return outer && { path: [...outer.path, l.key], siblings };
  }
  return undefined;
}

/** The keys of the mapping at column `col` below line `index`, until the mapping ends. */
function keysBelow(lines: Line[], index: number, col: number): string[] {
  const keys: string[] = [];
  for (let i = index + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.indent < 0) continue;
    if (l.content === col && l.dash === undefined) {
      if (l.key) keys.push(l.key);
      continue;
    }
    if (l.indent >= col) continue;
    break;
  }
  return keys;
}
