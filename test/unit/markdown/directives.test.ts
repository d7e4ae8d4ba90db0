// `kpo-…` directive comments: where they count (HTML blocks, inline HTML) and where they do not
// (code), and how their rule lists are read.

import * as assert from 'assert';
import { Directive, parseMarkdownStrict } from '../../../server/src/core/markdown';

function directives(md: string): Array<Omit<Directive, 'start' | 'end'> & { text: string }> {
  return parseMarkdownStrict(md).directives.map((d) => ({ command: d.command, rules: d.rules, text: md.slice(d.start, d.end) }));
}

describe('markdown prose scanner: directives', () => {
  const table: Array<[string, string, Array<[Directive['command'], string[]]>]> = [
    ['disable, all rules', '<!-- kpo-disable -->', [['disable', []]]],
    ['enable, all rules', '<!-- kpo-enable -->', [['enable', []]]],
    ['disable-line', 'Text <!-- kpo-disable-line --> more', [['disable-line', []]]],
    ['disable-next-line with rules', '<!-- kpo-disable-next-line kpo-bpo/task-mismatch, term/preferred -->', [['disable-next-line', ['kpo-bpo/task-mismatch', 'term/preferred']]]],
    ['rules separated by spaces', '<!-- kpo-disable a/b c/d -->', [['disable', ['a/b', 'c/d']]]],
    ['rules separated by commas only', '<!--kpo-disable a/b,c/d-->', [['disable', ['a/b', 'c/d']]]],
    ['comment over lines', '<!--\n  kpo-disable\n  term/preferred\n-->', [['disable', ['term/preferred']]]],
    ['inline comment over lines', 'Text <!-- kpo-disable-line\nterm/preferred --> more', [['disable-line', ['term/preferred']]]],
    ['in an HTML block after a tag', '<div>\n<!-- kpo-enable --> <!-- kpo-disable x/y -->\n</div>', [['enable', []], ['disable', ['x/y']]]],
    ['in a block quote', '> <!-- kpo-disable -->\n> text', [['disable', []]]],
    ['in a list item', '- text <!-- kpo-disable-line -->', [['disable-line', []]]],
    ['in a table cell', '| a <!-- kpo-disable-line --> |\n|---|', [['disable-line', []]]],
    ['quote markers in a spanning comment are ignored', '> <!-- kpo-disable\n> term/preferred -->', [['disable', ['term/preferred']]]],
    ['not in fenced code', '```\n<!-- kpo-disable -->\n```', []],
    ['not in indented code', '    <!-- kpo-disable -->', []],
    ['not in inline code', 'a `<!-- kpo-disable -->` b', []],
    ['not in a script block', '<script>\n<!-- kpo-disable -->\n</script>', []],
    ['not in front matter', '---\nx: <!-- kpo-disable -->\n---', []],
    ['ordinary comments are not directives', '<!-- note --> <!-- kpo-disabled --> <!-- kpo-disable-lines -->', []],
    ['unclosed comment is not a directive', 'a <!-- kpo-disable', []],
    ['in link text', '[a <!-- kpo-disable-line --> b](u)', [['disable-line', []]]],
  ];
  for (const [name, md, want] of table) {
    it(name, () => {
      const got = directives(md);
      assert.deepStrictEqual(
        got.map((d) => [d.command, d.rules]),
        want,
      );
      for (const d of got) assert.match(d.text, /^<!--[\s\S]*-->$/);
    });
  }

  it('reports offsets of the whole comment, in document order', () => {
    const md = '# T\n\n<!-- kpo-disable -->\n\nText <!-- kpo-disable-line a/b --> end\n\n<!-- kpo-enable -->\n';
    const ds = parseMarkdownStrict(md).directives;
    assert.deepStrictEqual(
      ds.map((d) => [d.start, d.end]),
      [
        [md.indexOf('<!-- kpo-disable -->'), md.indexOf('<!-- kpo-disable -->') + '<!-- kpo-disable -->'.length],
        [md.indexOf('<!-- kpo-disable-line'), md.indexOf(' end')],
        [md.indexOf('<!-- kpo-enable'), md.length - 1],
      ],
    );
  });

  it('does not turn directive comments into prose', () => {
    const md = 'Text <!-- kpo-disable-line term/preferred --> more';
    const [b] = parseMarkdownStrict(md).blocks;
    assert.deepStrictEqual(
      b.segments.map((s) => md.slice(s.start, s.end)),
      ['Text', 'more'],
    );
  });
});
