// YAML in plain words, for glossary problems a writer can act on: a syntax error said where the
// trouble really is (the colon inside a value, the quote never closed), and what kind of value a node is.

import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';

/** What kind of value a node is, in words ("list", "mapping", "number", …). */
export function describe(node: Node): string {
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
export function yamlProblem(text: string, code: string, message: string, offset: number): { offset: number; message: string } {
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
