// fast-check generators of hostile Markdown: every construct the scanner knows, glossary names and
// their confusions, and the characters that break naive offset arithmetic (emoji, combining marks,
// CJK, CRLF, a BOM, NUL bytes, lone surrogates).

import * as fc from 'fast-check';
import type { Glossary } from '../../../server/src/core/types';

const MARKUP = [
  '# ', '## ', '- ', '* ', '1. ', '  - ', '> ', '>> ', '    ', '\t', '| ', ' | ', '|---|---|\n', '```\n', '~~~\n', '`', '``',
  '**', '_', '*', '[', ']', '](https://example.com/KPO)', '![', '<', '>', '<div>', '</div>', '<!-- ', ' -->',
  '<!-- kpo-disable -->', '<!-- kpo-enable -->', '<!-- kpo-disable-next-line -->', '<!-- kpo-disable-line kpo-bpo/task-mismatch -->',
  '---\n', '+++\n', '[ref]: https://example.com\n', 'https://example.com/data-entry ', 'www.example.com ', '<https://x.y>',
  '\\', '&amp;', '(', ')', ', ', '. ', '; ', ': ', '? ', '!', '-', "'s", '\u2019s',
];
const ODD = ['😀', '🎉', 'e\u0301', '知识流程外包', '\uFEFF', '\u0000', '\uD800', '\uDC00', '\r\n', '\r', '\n', '\n\n', ' ', '\u00a0', '\u2028'];
const WORDS = ['our', 'team', 'will', 'handle', 'the', 'desk', 'not', 'while', 'unlike', 'than', 'cheap', 'routine', 'critical thinking', 'highly skilled', 'provider', 'and', 'for', 'is', 'valued'];

/** Glossary names as written and in variants: every term, alias, acronym and variant to avoid. */
export function glossaryWords(glossary: Glossary): string[] {
  const names: string[] = [];
  for (const e of glossary.entries) {
    names.push(e.term, e.term.toUpperCase(), ...e.aliases, ...e.avoid);
    if (e.acronym) names.push(e.acronym, e.acronym + 's', `${e.term} (${e.acronym})`, `${e.acronym} (${e.term})`);
  }
  const acronyms = glossary.entries.filter((e) => e.acronym);
  for (const a of acronyms) for (const b of acronyms) if (a !== b) names.push(`${a.acronym} (${b.term})`, `${b.term} (${a.acronym})`);
  return names;
}

export function markdownDocument(glossary: Glossary, maxPieces = 60): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...glossaryWords(glossary)) },
    { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 4, arbitrary: fc.constantFrom(...MARKUP) },
    { weight: 2, arbitrary: fc.constantFrom(...ODD) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
  );
  const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '\n\n');
  return fc
    .array(fc.tuple(piece, separator), { minLength: 1, maxLength: maxPieces, size: 'max' })
    .map((pairs) => pairs.map(([p, sep]) => p + sep).join(''));
}

/** True when `offset` splits a surrogate pair of `text`. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
