// Pathological inputs: the scanner must return, in bounds, without throwing. (No timing
// assertions: a quadratic path would show up as a test that does not finish.)

import * as assert from 'assert';
import fc from 'fast-check';
import { parseMarkdownStrict } from '../../../server/src/core/markdown';
import { checkInvariants } from './describe';

function run(md: string): void {
  const parsed = parseMarkdownStrict(md);
  assert.deepStrictEqual(checkInvariants(md, parsed), []);
}

const M = 1_000_000;

const INPUTS: Array<[string, () => string]> = [
  ['NUL bytes', () => '\0'.repeat(1000) + 'a\0b\n\0- \0\n> \0'],
  ['lone surrogates', () => '\ud800\n\udc00 `\ud800` [\udc00](\ud800) \ud83d\n| \ud800 |\n|-|'],
  ['10 MB single line of prose', () => 'knowledge process outsourcing '.repeat(350_000)],
  ['10 MB single line of markup characters', () => '[a`<*_!h@w]\\('.repeat(800_000)],
  ['100k-row table', () => '| a | b |\n|---|---|\n' + '| x `y` | [z](w) |\n'.repeat(100_000)],
  ['1000-deep nested list', () => Array.from({ length: 1000 }, (_, i) => ' '.repeat(2 * i) + '- item ' + i).join('\n')],
  ['1000-deep nested quote', () => Array.from({ length: 1000 }, (_, i) => '>'.repeat(i + 1) + ' q ' + i).join('\n')],
  ['1000-deep quote with lazy lines', () => '> '.repeat(1000) + 'x\n' + 'lazy\n'.repeat(1000)],
  ['1000-deep list with lazy lines', () => Array.from({ length: 1000 }, (_, i) => ' '.repeat(2 * i) + '- i').join('\n') + '\nlazy\n'.repeat(500)],
  ['1000-deep mixed containers', () => '- > '.repeat(1000) + 'x\n' + '  > '.repeat(1000) + 'y'],
  ['backtick runs of many lengths', () => Array.from({ length: 5000 }, (_, i) => '`'.repeat(1 + (i % 60)) + ' x ').join('')],
  ['unclosed brackets', () => '['.repeat(M)],
  ['closing brackets', () => ']'.repeat(M)],
  ['nested brackets', () => '['.repeat(M / 2) + ']'.repeat(M / 2)],
  ['nested brackets with a definition', () => '['.repeat(M / 2) + 'a' + ']'.repeat(M / 2) + '\n\n[a]: /x'],
  ['image openers', () => '!['.repeat(M / 2)],
  ['unclosed resources with titles', () => '[a](b ('.repeat(M / 7)],
  ['unclosed angle destinations', () => '[a](<'.repeat(M / 5)],
  ['unclosed quoted titles', () => '[a](b "'.repeat(M / 7)],
  ['unclosed comments', () => '<!--'.repeat(M / 4)],
  ['unclosed processing instructions', () => '<?'.repeat(M / 2)],
  ['unclosed declarations', () => '<!A'.repeat(M / 3)],
  ['unclosed CDATA', () => '<![CDATA['.repeat(M / 9)],
  ['unclosed attribute values', () => '<a b="'.repeat(M / 6)],
  ['unclosed tags', () => '<a '.repeat(M / 3)],
  ['unclosed autolinks', () => '<a:'.repeat(M / 3)],
  ['www prefixes', () => 'www.'.repeat(M / 4)],
  ['URL with a long punctuation tail', () => 'http://a' + '.'.repeat(M) + 'b'],
  ['URL with many parentheses', () => 'http://a/' + '('.repeat(M) + ')'.repeat(1000)],
  ['URL with entity-like tail', () => 'http://a/' + '&a'.repeat(M / 2)],
  ['at signs', () => 'a@'.repeat(M / 2)],
  ['long atext before at sign', () => 'a'.repeat(M) + '@b.c'],
  ['escaped atext', () => '\\_'.repeat(M / 2) + '@b.co'],
  ['emphasis runs', () => '*_'.repeat(M / 2)],
  ['many fences', () => '```\n'.repeat(M / 4)],
  ['many HTML blocks', () => '<div>\n\n'.repeat(M / 7)],
  ['many definitions', () => '[a]: /b\n'.repeat(M / 8) + '[a] [a][] [x][a]'],
  ['definitions with unclosed titles', () => '[a]: /b (\n'.repeat(M / 10)],
  ['many footnotes', () => '[^a]: x\n'.repeat(M / 8) + '[^a]'.repeat(1000)],
  ['many setext headings', () => 'a\n=\n'.repeat(M / 4)],
  ['many pipes', () => 'a|b\n'.repeat(M / 4)],
  ['carriage returns', () => 'a\rb\r\n'.repeat(M / 5)],
  ['tabs and markers', () => '\t- \t>\t'.repeat(M / 6)],
  ['nested list markers on each line', () => '- - - - - - - - x\n'.repeat(M / 18)],
  ['backslashes', () => '\\'.repeat(M)],
  ['less-than signs', () => '<'.repeat(M)],
  ['hard breaks', () => 'a  \n'.repeat(M / 4)],
  ['one quote, many lazy lines', () => '> a\n' + 'b\n'.repeat(M / 2)],
  ['front matter never closed', () => '---\n' + 'a: b\n'.repeat(M / 5)],
  ['pseudo-random ASCII', () => Array.from({ length: M }, (_, i) => String.fromCharCode(((i * 2654435761) >>> 0) % 128)).join('')],
];

describe('markdown prose scanner: robustness', () => {
  for (const [name, make] of INPUTS) {
    it(name, () => run(make()));
  }

  it('returns in bounds for arbitrary Markdown-ish text (property)', () => {
    const alphabet = [
      ' ', ' ', '\t', '\n', '\n', '\r\n', '\r', 'a', 'b', 'w', 'h', 'x', '1', '.', ':', '/', '@', '_', '*', '-', '+', '#',
      '=', '>', '<', '!', '[', ']', '(', ')', '`', '~', '|', '\\', '&', ';', '"', "'", '^', '?', '\0', '🚀', '知', '\ud800',
      'www.', 'http://', '<!--', '-->', '```', '    ', '- ', '1. ', '> ', '[^1]', '[a]: /b', '<div>', '| a |\n|---|',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 120 }), (parts) => {
        const md = parts.join('');
        const parsed = parseMarkdownStrict(md);
        assert.deepStrictEqual(checkInvariants(md, parsed), []);
      }),
      { numRuns: 3000, seed: 42 },
    );
  });

  it('accepts non-string input without throwing', () => {
    for (const v of [undefined, null, 42, {}]) {
      assert.doesNotThrow(() => parseMarkdownStrict(v as unknown as string));
    }
  });
});
