// The table of small cases: Markdown in, prose out (see describeBlocks for the notation).
// `mm: false` marks a case where micromark knowingly reads the text differently (documented at the
// top of server/src/core/markdown/index.ts); every other case is also checked against micromark.

export interface Case {
  name: string;
  md: string;
  want: string[];
  mm?: false;
}

const c = (name: string, md: string, want: string[], opts: { mm?: false } = {}): Case => ({ name, md, want, ...opts });

export const CASES: Case[] = [
  // Paragraphs and line breaks
  c('plain paragraph', 'Knowledge process outsourcing.', ['p Knowledge process outsourcing.']),
  c('paragraph over lines is one block', 'one\ntwo\nthree', ['p one\ntwo\nthree']),
  c('continuation indentation', 'one\n   two', ['p one\n   two']),
  c('blank line splits paragraphs', 'one\n\ntwo', ['p one', 'p two']),
  c('hard breaks stay in the segment', 'one  \ntwo\\\nthree', ['p one  \ntwo\\\nthree']),
  c('emphasis delimiters stay', 'a *b* __c__ ~~d~~ e', ['p a *b* __c__ ~~d~~ e']),
  c('escapes and entities stay', 'a \\* b &amp; c &copy;', ['p a \\* b &amp; c &copy;']),
  c('whitespace-only input', '   \n\t\n', []),
  c('empty input', '', []),

  // Headings
  c('ATX headings', '# One\n###### Six', ['h1 One', 'h6 Six']),
  c('ATX closing sequence excluded', '## Title ##', ['h2 Title']),
  c('ATX closing needs a space', '# Title#', ['h1 Title#']),
  c('ATX escaped hash kept', '# Title \\#', ['h1 Title \\#']),
  c('seven hashes is a paragraph', '####### no', ['p ####### no']),
  c('hash without space is a paragraph', '#hashtag', ['p #hashtag']),
  c('empty headings are not reported', '#\n## ##', []),
  c('ATX heading with tab', '#\tTitle', ['h1 Title']),
  c('setext level 1', 'Title\n=====', ['h1 Title']),
  c('setext level 2 over two lines', 'Long\ntitle\n---', ['h2 Long\ntitle']),
  c('heading interrupts paragraph', 'text\n# Head', ['p text', 'h1 Head']),
  c('thematic break is not a heading underline after a blank', 'text\n\n---', ['p text']),

  // Lists
  c('bullet list items', '- one\n- two', ['li@0 one', 'li@0 two']),
  c('ordered list items', '1. one\n2) two', ['li@0 one', 'li@0 two']),
  c('nested lists', '- a\n  - b\n    - c', ['li@0 a', 'li@1 b', 'li@2 c']),
  c('list item with continuation', '- a\n  b\nlazy', ['li@0 a\n  b\nlazy']),
  c('second paragraph in item', '- a\n\n  b', ['li@0 a', 'p@0 b']),
  c('item starting with blank line', '-\n  a', ['li@0 a']),
  c('item ends after a blank start and a blank line', '-\n\n  a', ['p a']),
  c('five spaces after marker make code', '-     code\n  text', ['p@0 text']),
  c('task list checkboxes are markup', '- [ ] todo\n- [x] done\n- [X] also', ['li@0 todo', 'li@0 done', 'li@0 also']),
  c('checkbox needs following text', '- [x]', ['li@0 [x]']),
  c('checkbox only at the start', '- a [x] b', ['li@0 a [x] b']),
  c('checkbox after a blank item start', '-\n  [x] done', ['li@0 done']),
  c('no checkbox after a marker with trailing space', '- \n  [x] done', ['li@0 [x] done']),
  c('checkbox after a definition', '- [a]: /u\n  [x] done', ['p@0 done']),
  c('checkbox in a setext heading is text', '- [x] a\n  ---', ['h2@0 [x] a']),
  c('ordered list not at 1 cannot interrupt', 'text\n2. two', ['p text\n2. two']),
  c('ordered list at 1 interrupts', 'text\n1. one', ['p text', 'li@0 one']),
  c('empty item cannot interrupt', 'text\n-\nmore', ['h2 text', 'p more']),
  c('empty star item cannot interrupt', 'text\n*\nmore', ['p text\n*\nmore']),
  c('thematic break wins over list', '* * *\n- x', ['li@0 x']),
  c('indented marker is code', '    - x', []),
  c('heading in list item', '- # Title', ['h1@0 Title']),
  c('code in list item', '- a\n\n      code\n\n  b', ['li@0 a', 'p@0 b']),
  c('fenced code in list item', '- a\n  ```\n  code\n  ```\n  b', ['li@0 a', 'p@0 b']),
  c('tab after marker', '-\ta\n\tb', ['li@0 a\n\tb']),

  // Block quotes
  c('block quote', '> quoted text', ['p>1 quoted text']),
  c('quote markers split segments', '> one\n> two', ['p>1 one¦two']),
  c('lazy continuation', '> one\ntwo', ['p>1 one\ntwo']),
  c('nested quotes', '> > deep', ['p>2 deep']),
  c('bare marker', '>a\n>b', ['p>1 a¦b']),
  c('list in quote', '> - a\n>   b', ['li@0>1 a¦b']),
  c('quote in list', '- > a\n  > b', ['p@0>1 a¦b']),
  c('code in quote', '> ```\n> code\n> ```\n> after', ['p>1 after']),
  c('fence in quote ends with the quote', '> ```\n> code\n\nafter', ['p after']),
  c('heading in quote', '> # Title', ['h1>1 Title']),
  c('thematic break ends lazy paragraph', '> a\n---', ['p>1 a']),

  // Fenced and indented code
  c('backtick fence', '```\ncode words\n```\nafter', ['p after']),
  c('tilde fence with info', '~~~ts title="x"\ncode\n~~~', []),
  c('longer fence needs longer close', '````\n```\nstill code\n````\nafter', ['p after']),
  c('unclosed fence runs to the end', 'before\n```\ncode\n\nmore code', ['p before']),
  c('backtick info cannot contain backticks', '``` a`b\ntext', ['p ``` a`b\ntext']),
  c('fence can interrupt paragraph', 'text\n```\ncode\n```', ['p text']),
  c('closing fence with trailing spaces', '```\ncode\n```   \nafter', ['p after']),
  c('indented code', '    code\n\ntext', ['p text']),
  c('indented code cannot interrupt paragraph', 'text\n    more', ['p text\n    more']),
  c('tab-indented code', '\tcode', []),

  // Inline code
  c('code span', 'use `kpo()` here', ['p use|here']),
  c('double backticks', 'a ``b ` c`` d', ['p a|d']),
  c('unmatched backticks stay', 'a `b', ['p a `b']),
  c('backtick runs must match in length', 'a ``b` c', ['p a ``b` c']),
  c('code span over lines', 'a `b\nc` d', ['p a|d']),
  c('escaped backtick', 'a \\`b` c', ['p a \\`b` c']),
  c('code span beats link', '[a `]` b](x)', ['p a|b']),
  // Backtick runs (issue 12: the closer search is linear; these pin down what it finds)
  c('runs of growing length stay prose', 'a ` b `` c ``` d', ['p a ` b `` c ``` d']),
  c('a long run skips shorter ones to its closer', 'a ``` b ` c `` d ``` e', ['p a|e']),
  c('a run finds its closer past a shorter run', 'a `` b ` c `` d', ['p a|d']),
  c('an unmatched long run, then a matched pair', 'a ``` b ` c ` d', ['p a ``` b|d']),
  c('a closer used once is not used again', '` a ` b ` c', ['p b ` c']),
  c('after an unmatched run, a later pair and a last lone run', 'x ```` a `` b ` c `` d ` e', ['p x ```` a|d ` e']),
  c('runs 1 to 6, then a pair of 7', 'a ` b `` c ``` d ```` e ````` f `````` g ``````` h ``````` i', ['p a ` b `` c ``` d ```` e ````` f `````` g|i']),
  c('the last run of a length closes the one before it', 'a `` b `` c `` d', ['p a|c `` d']),

  // HTML blocks
  c('div block', '<div>\ninner words\n</div>\n\nafter', ['p after']),
  c('comment block', '<!-- a\ncomment -->\nafter', ['p after']),
  c('comment block ends on its line', '<!-- x --> tail\nafter', ['p after']),
  c('script block', '<script>\nvar a = "<b>";\n</script>\nafter', ['p after']),
  c('pre block keeps blank lines', '<pre>\na\n\nb\n</pre>\nafter', ['p after']),
  c('style block', '<style>p{}</style>\nafter', ['p after']),
  c('processing instruction', '<?php echo 1; ?>\nafter', ['p after']),
  c('declaration', '<!DOCTYPE html>\nafter', ['p after']),
  c('CDATA', '<![CDATA[\nraw\n]]>\nafter', ['p after']),
  c('kind 7 tag line', '<custom-tag a="1">\ninside\n\nafter', ['p after']),
  c('kind 7 closing tag line', '</custom-tag>\ninside', []),
  c('kind 7 cannot interrupt paragraph', 'text\n<custom-tag>\nmore', ['p text¦more']),
  c('kind 6 interrupts paragraph', 'text\n<div>\nmore', ['p text']),
  c('html block in list', '- a\n\n  <div>\n  x\n  </div>', ['li@0 a']),

  // Inline HTML
  c('inline tags are markup', 'a <b>bold</b> c', ['p a¦bold¦c']),
  c('attributes are not prose', 'a <span title="not prose" data-x=1>b</span>', ['p a¦b']),
  c('inline comment', 'a <!-- not prose --> b', ['p a¦b']),
  c('short comments', 'a <!--> b <!---> c', ['p a¦b¦c']),
  c('inline processing instruction', 'a <?x y?> b', ['p a¦b']),
  c('inline declaration and CDATA', 'a <!X y> b <![CDATA[z]]> c', ['p a¦b¦c']),
  c('tag over lines', 'a <span\ntitle="x">b', ['p a¦b']),
  c('not a tag', 'a < b > c <1>', ['p a < b > c <1>']),
  c('unclosed comment stays', 'a <!-- b', ['p a <!-- b']),

  // Links and images
  c('inline link', 'see [the guide](https://example.com "Title") now', ['p see¦the guide|now']),
  c('link destination in angle brackets', '[a](<b c> \'t\') d', ['p a|d']),
  c('empty destination', '[a]() b', ['p a|b']),
  c('nested parentheses in destination', '[a](b(c)d) e', ['p a|e']),
  c('link over lines', '[a\nb](\n/url\n"t"\n) c', ['p a\nb|c']),
  c('reference links', '[a][r] [r][] [r]\n\n[r]: /url', ['p a|r¦r']),
  c('reference label is case-insensitive', '[A][R]\n\n[r]: /u', ['p A']),
  c('undefined references are text', '[a][nope] [b]', ['p [a][nope] [b]']),
  c('full reference to undefined label blocks shortcut', '[r][nope]\n\n[r]: /u', ['p [r][nope]']),
  c('shortcut followed by parentheses', '[r] (x)\n\n[r]: /u', ['p r¦(x)']),
  c('resource fails, shortcut wins', '[r](not a link\n\n[r]: /u', ['p r¦(not a link']),
  c('image alt is prose', 'a ![alt text](img.png "t") b', ['p a|alt text|b']),
  c('reference image', '![alt][r]\n\n[r]: /img.png', ['p alt']),
  c('link in image alt', '![a [b](c) d](e)', ['p a¦b|d']),
  c('no links in links', '[a [b](c) d](e)', ['p [a¦b|d](e)']),
  c('brackets inside link text', '[a [b] c](d)', ['p a [b] c']),
  c('escaped bracket', '\\[a](b)', ['p \\[a](b)']),
  c('bang without bracket', 'a! b', ['p a! b']),

  // Autolinks and bare URLs
  c('URL autolink', 'see <https://example.com/a> now', ['p see|now']),
  c('email autolink', 'mail <a.b@example.com> now', ['p mail|now']),
  c('tag-like text is inline HTML', 'a <b c> d', ['p a¦d']),
  c('neither autolink nor tag', 'a <b c d', ['p a <b c d']),
  c('bare https URL', 'see https://example.com/path now', ['p see|now']),
  c('bare http URL with trailing period', 'see http://example.com.', ['p see|.']),
  c('bare URL in parentheses', '(see https://example.com/a_(b))', ['p (see|)']),
  c('bare www URL', 'go to www.example.org today', ['p go to|today']),
  c('www needs a boundary before', 'awww.example.org', ['p awww.example.org']),
  c('bare email', 'write to someone@example.com, please', ['p write to|, please']),
  c('email needs a dot', 'a@b c', ['p a@b c']),
  c('URL text inside link label stays prose', '[https://example.com](x)', ['p https://example.com']),
  c('URL inside open bracket stays prose', '[see www.example.com', ['p [see www.example.com']),
  c('trailing entity-like text', 'see www.a.com&amp; x', ['p see|&amp; x']),

  // Tables
  c('table rows and cells', '| A | B |\n|---|:-:|\n| c | d |', ['th A|B', 'td c|d']),
  c('table without outer pipes', 'A | B\n--|--\nc | d', ['th A|B', 'td c|d']),
  c('escaped pipe in cell', '| a \\| b | c |\n|--|--|', ['th a \\| b|c']),
  c('code in cells', '| `x` y | z |\n|-|-|', ['th y|z']),
  c('empty cells skipped', '| a | | b |\n|-|-|-|\n| | x | |', ['th a|b', 'td x']),
  c('extra body cells kept', '| a |\n|---|\n| b | c |', ['th a', 'td b|c']),
  c('table ends at blank line', '| a |\n|-|\n| b |\n\nafter', ['th a', 'td b', 'p after']),
  c('table interrupts paragraph', 'intro\n| a | b |\n|---|---|', ['p intro', 'th a|b']),
  c('mismatched delimiter is not a table', '| a | b |\n|---|', ['p | a | b |\n|---|']),
  c('single column with pipe', '| a |\n|---|', ['th a']),
  c('delimiter row needs a pipe or colon', 'a\n---', ['h2 a']),
  c('table in quote', '> | a | b |\n> |---|---|\n> | c | d |', ['th>1 a|b', 'td>1 c|d']),
  c('table in list', '- | a | b |\n  |---|---|', ['th@0 a|b']),
  c('body row with heading start ends table', '| a |\n|-|\n# h', ['th a', 'h1 h']),
  c('link in cell', '| [a](b) c |\n|-|', ['th a|c']),
  c('a list item is not a delimiter row', '| a | b |\n- | - |', ['p | a | b |', 'li@0 | - |']),
  c('header row needs no pipe', 'a\n|-|\n\nb\n:--', ['th a', 'th b']),
  c('lazy header row', '> a\nb | c\n> --|--\n> d', ['p>1 a', 'th>1 b|c', 'td>1 d']),
  c('lazy delimiter row is not a table', '> a\nb | c\n--|--', ['p>1 a\nb | c\n--|--']),
  c('body rows cannot be lazy', '> | a |\n> |---|\nb', ['th>1 a', 'p b']),
  c('indented line after table is code', '| a |\n|---|\n    code', ['th a']),

  // Front matter
  c('YAML front matter', '---\ntitle: Not prose\n---\nText', ['p Text']),
  c('TOML front matter', '+++\ntitle = "x"\n+++\nText', ['p Text']),
  c('YAML closed by dots', '---\ntitle: x\n...\nText', ['p Text'], { mm: false }),
  c('unclosed front matter is a thematic break', '---\nText', ['p Text']),
  c('front matter only at the very start', 'Intro\n\n---\na: b\n---', ['p Intro', 'h2 a: b']),
  c('empty front matter', '---\n---\nText', ['p Text']),

  // Definitions and footnotes
  c('definition is not prose', '[label]: https://example.com "Title"\n\nText', ['p Text']),
  c('definition then paragraph', '[a]: /x\nText [a]', ['p Text¦a']),
  c('definition title on next line', '[a]: /x\n  "title"\nText', ['p Text']),
  c('broken title leaves the definition', '[a]: /x\n"title" more', ['p "title" more']),
  c('definition cannot interrupt paragraph', 'Text\n[a]: /x', ['p Text\n[a]: /x']),
  c('definitions then setext underline', '[a]: /u\n===\n\n[b]: /v\nB\n===', ['p ===', 'h1 B']),
  c('definitions then thematic break', '[a]: /u\n---\nb', ['p b']),
  c('definitions then table', '[a]: /u\n| x |\n|---|', ['th x']),
  c('definitions in a quote', '> [a]: /u\n> "t"\n> text [a]', ['p>1 text¦a']),
  c('label over lines', '[a\nb]: /u\n\n[A B]', ['p A B']),
  c('footnote definition label excluded', '[^1]: The note text.', ['p The note text.']),
  c('footnote continuation', '[^n]: first\n    second', ['p first\n    second']),
  c('footnote call excluded', 'Claim[^1] here.\n\n[^1]: Note.', ['p Claim|here.', 'p Note.']),
  c('undefined footnote call is text', 'Claim[^x]', ['p Claim[^x]']),

  // Directives do not change prose
  c('directive comment block', '<!-- kpo-disable -->\nText', ['p Text']),

  // Offsets: CRLF, BOM, astral characters
  c('CRLF paragraphs', 'one\r\ntwo\r\n\r\nthree', ['p one\r\ntwo', 'p three']),
  c('CRLF quote', '> a\r\n> b', ['p>1 a¦b']),
  c('lone CR line endings', 'a\rb\r\rc', ['p a\rb', 'p c']),
  c('BOM', '\ufeff# Title\ntext', ['h1 Title', 'p text']),
  c('BOM before front matter', '\ufeff---\nx: y\n---\ntext', ['p text']),
  c('emoji and CJK', '知识 🚀 `代码` 流程外包 👍🏽', ['p 知识 🚀|流程外包 👍🏽']),
  c('NUL characters', 'a\u0000b', ['p a\u0000b']),

  // Where micromark reads differently (see the top of markdown/index.ts)
  c('ordered list after indented code', '    code\n\n9) item', ['li@0 item'], { mm: false }),
  c('ordered list in a quote opened after a paragraph', 'text\n> 2. item', ['p text', 'li@0>1 item'], { mm: false }),
  c('empty item in a quote opened after a paragraph', 'text\n> -\n    b', ['p text'], { mm: false }),
  c('lone tag on a lazy line', '- a\n<x-y>\n  b', ['li@0 a¦b'], { mm: false }),
  c('unclosed dashes before a footnote', '---\n\n[^n]: note', ['p note'], { mm: false }),
  c('image label spelling a footnote call', 'x ![^n] y\n\n[^n]: note', ['p x ![^n] y', 'p note'], { mm: false }),
];
