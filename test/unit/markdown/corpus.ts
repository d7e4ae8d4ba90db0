// A deterministic generator of Markdown documents that mix every construct the prose scanner
// handles, for the cross-check against micromark (and for the speed measurement). Seeded, so a
// failing document can be regenerated from its seed.

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }
  /** Uniform in [0, 1). (mulberry32) */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

const WORDS = [
  'knowledge', 'process', 'outsourcing', 'KPO', 'BPO', 'analytics', 'research', 'the', 'a', 'of', 'and',
  'with', 'which', 'how', 'when', 'where', 'we', 'what', 'http', 'www', 'hello', 'world', 'legal',
  'data', 'equity', 'report', 'vendor', 'offshore', 'team', 'quality', 'SLA', 'e-mail', 'co-op',
  "client's", 'café', 'naïve', 'Zürich', 'façade', 'résumé', 'Ελλάδα', 'данные', '知识', '流程外包',
  'データ', '분석', '🚀', '👍🏽', 'x2', '2024', '3.5%', 'h', 'w', 'ww', 'https', 'mailto',
];
const PUNCT = [',', '.', ';', ':', '!', '?', '(', ')', '"', "'", '-', '/', '&', '%', '+', '=', '#', '~', '^'];
const URLS = [
  'https://example.com', 'http://example.org/path/to/page', 'https://example.com/a?b=c&d=e#frag',
  'https://en.wikipedia.org/wiki/Outsourcing_(business)', 'http://x.y.z/~user/', 'https://example.com/path.',
  'https://example.com/a_b', 'https://ex-ample.com/(x)', 'HTTPS://EXAMPLE.COM/UP',
];
const WWWS = ['www.example.com', 'www.example.org/path', 'WWW.EXAMPLE.NET/a-b', 'www.kpo.co.uk/x_(y)', 'www.a.b'];
const EMAILS = ['someone@example.com', 'first.last+tag@sub.example.org', 'a_b-c@x.io', 'info@kpo.co'];
const ENTITIES = ['&amp;', '&copy;', '&#169;', '&#x27;', '&nbsp;', '&lt;b&gt;', '&foo;', '&'];
const HTML_INLINE = [
  '<b>', '</b>', '<em class="x">', '</em>', '<br/>', '<br />', '<span title="a b" data-x=1>', '</span>',
  '<a href="https://example.com">', '</a>', '<!-- a note -->', '<!-- kpo-disable-line term/preferred -->',
  '<!---->', '<?pi x?>', '<!DOCTYPE x>', '<![CDATA[ raw ]]>', '<kbd>', '</kbd>', '<x-y z>',
];
const DESTS = [
  'https://example.com', '/relative/path', 'page.html#anchor', '<with spaces.html>', 'a(b)c', '', 'http://x.y/?q=1',
  '#section', 'mailto:someone@example.com',
];
const TITLES = ['"Title here"', "'single'", '(parens)', '"with \\"escaped\\" quotes"'];
export const REF_LABELS = ['ref', 'Another Ref', 'kpo-guide', 'Émigré', 'x'];
const UNDEFINED_LABELS = ['nope', 'missing link'];
const FOOTNOTES = ['1', 'note', 'a-b'];

export interface GenOptions {
  /** Line ending to use. */
  eol: string;
  /** Whether table cells may be generated (no `|` in inline content then). */
}

class Gen {
  /** What the last generated block was. */
  private lastKind = '';
  /** Whether a top-level ordered list may start at a number other than 1 (see list()). */
  private orderedStartFree = false;
  constructor(readonly rng: Rng) {}

  word(): string {
    return this.rng.pick(WORDS);
  }

  words(min: number, max: number): string {
    const n = this.rng.int(min, max);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.word());
    return out.join(' ');
  }

  codeSpan(inCell: boolean): string {
    const r = this.rng;
    const n = r.int(1, 3);
    const ticks = '`'.repeat(n);
    let content = r.pick(['x = 1', 'kpo()', 'a * b', '`', 'foo `` bar', '<b>', '[x](y)', 'www.example.com', ' spaced ', 'KPO', '# not']);
    if (inCell) content = content.replace(/\|/g, '');
    if (n === 1) content = content.replace(/`/g, "'");
    if (r.chance(0.05)) return ticks + content; // unmatched
    if (content.startsWith('`') || content.endsWith('`')) content = ' ' + content + ' ';
    return ticks + content + ticks;
  }

  /** An inline piece. `inLink` avoids links in link text. */
  piece(inLink: boolean, inCell: boolean): string {
    const r = this.rng;
    const k = r.next();
    if (k < 0.45) return this.word();
    if (k < 0.52) return this.word() + r.pick(PUNCT);
    if (k < 0.57) {
      const d = r.pick(['*', '_', '**', '__', '~~', '~']);
      return d + this.words(1, 3) + d;
    }
    if (k < 0.62) return this.codeSpan(inCell);
    if (k < 0.66 && !inLink) return this.link(inCell);
    if (k < 0.67 && !inLink) return `[![${this.words(1, 2)}](img.png)](${r.pick(DESTS)})`;
    if (k < 0.69 && !inLink) return this.image(inCell);
    if (k < 0.71) return r.pick(['<https://example.com/x>', '<mailto:a@b.c>', '<someone@example.com>', '<irc://x.y>', '<not a link>']);
    if (k < 0.75) {
      const u = r.pick(URLS);
      return r.pick(['', '(', '"', '*']) + u + r.pick(['', '.', ',', ')', '!', '?', ').', '"', '*']);
    }
    if (k < 0.77) return r.pick(['', '(', '_']) + r.pick(WWWS) + r.pick(['', '.', ')', ',']);
    if (k < 0.79) return r.pick(['', 'mail ', '(']) + r.pick(EMAILS) + r.pick(['', '.', ')']);
    if (k < 0.83) return r.pick(HTML_INLINE);
    if (k < 0.86) return r.pick(ENTITIES);
    if (k < 0.88) return r.pick(['\\*', '\\[', '\\`', '\\\\', '\\_', '\\<', '\\!', '\\a']);
    if (k < 0.9) return '[^' + r.pick(FOOTNOTES.concat(['zz'])) + ']';
    if (k < 0.93) return r.pick(['[', ']', '<', '>', '*', '_', '`', '!', '![', '](', '[]']);
    if (k < 0.95 && !inLink) return '[' + this.words(1, 2) + ']';
    if (k < 0.96) return this.word() + r.pick(['', "'s", '-based', '/']) + this.word();
    if (k < 0.97) return '[' + r.pick([...URLS, ...WWWS, ...EMAILS]) + r.pick([']', '](x)', '] ', ' words]']);
    return this.word() + '@' + this.word();
  }

  inline(min: number, max: number, inLink = false, inCell = false): string {
    const r = this.rng;
    const n = r.int(min, max);
    let out = '';
    for (let i = 0; i < n; i++) {
      let p = this.piece(inLink, inCell);
      if (inCell) p = p.replace(/\|/g, '\\|');
      out += (i === 0 ? '' : r.chance(0.9) ? ' ' : '') + p;
    }
    // `![^note]` is read differently by micromark (a footnote call after `!`); not generated.
    return out.replace(/!\[\^/g, '! [^');
  }

  link(inCell: boolean): string {
    const r = this.rng;
    const text = this.inline(1, 3, true, inCell);
    const k = r.next();
    if (k < 0.5) {
      const dest = r.pick(DESTS);
      const title = r.chance(0.3) ? ' ' + r.pick(TITLES) : '';
      return `[${text}](${dest}${title})`;
    }
    if (k < 0.7) return `[${text}][${r.pick(REF_LABELS.concat(UNDEFINED_LABELS))}]`;
    if (k < 0.85) return `[${r.pick(REF_LABELS.concat(UNDEFINED_LABELS))}][]`;
    return `[${r.pick(REF_LABELS.concat(UNDEFINED_LABELS))}]`;
  }

  image(inCell: boolean): string {
    const r = this.rng;
    const alt = r.chance(0.2) ? '' : this.inline(1, 3, true, inCell);
    if (r.chance(0.7)) return `![${alt}](${r.pick(['img.png', 'https://example.com/a.png', '<a b.png>'])}${r.chance(0.3) ? ' "t"' : ''})`;
    return `![${alt}][${r.pick(REF_LABELS)}]`;
  }

  // -------------------------------------------------------------------------------------------
  // Blocks: each returns lines (without line endings), to be prefixed by containers.

  paragraph(): string[] {
    const r = this.rng;
    // One run of inline content, broken into lines at random spaces, so that code spans, links,
    // HTML and emphasis can span lines.
    const text = this.inline(2, r.chance(0.1) ? 60 : 24);
    const parts = text.split(' ');
    const lines: string[] = [];
    let line = parts[0];
    for (let i = 1; i < parts.length; i++) {
      if (r.chance(0.12)) {
        if (r.chance(0.08)) line += r.pick(['  ', '\\']);
        lines.push(line);
        line = (r.chance(0.15) ? r.pick([' ', '  ', '   ', '\t']) : '') + parts[i];
      } else {
        line += (r.chance(0.05) ? '\t' : ' ') + parts[i];
      }
    }
    lines.push(line);
    const out = lines.map((l) => guardLine(l));
    if (r.chance(0.08)) out.push(r.pick(['2. ', '9) ', '10. ', '* ', '-']) + (r.chance(0.8) ? this.words(1, 3) : ''));
    return out;
  }

  heading(): string[] {
    const r = this.rng;
    if (r.chance(0.75)) {
      const level = r.int(1, 6);
      if (r.chance(0.05)) return [r.pick(['#', '## ##', '###   ', '# #'])];
      return ['#'.repeat(level) + r.pick([' ', ' ', '\t', '  ']) + guardLine(this.inline(1, 5)) + (r.chance(0.2) ? ' ' + '#'.repeat(r.int(1, 3)) : '')];
    }
    const lines = this.paragraph().slice(0, 2);
    lines.push(r.pick(['===', '---', '=====', '-- ']));
    return lines;
  }

  fenced(): string[] {
    const r = this.rng;
    const ch = r.pick(['`', '~']);
    const fence = ch.repeat(r.int(3, 5));
    const out = [fence + r.pick(['', 'ts', ' js', 'markdown title="x"'])];
    const n = r.int(0, 4);
    for (let i = 0; i < n; i++) out.push(r.pick(['# not a heading', '- not a list', 'const kpo = "BPO";', '', '  indented words', '<div>', fence.slice(0, 2) + ' x', '[x]: /y']));
    out.push(fence + (r.chance(0.2) ? ch : ''));
    return out;
  }

  indentedCode(): string[] {
    const n = this.rng.int(1, 3);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push('    ' + this.rng.pick(['code words here', '# not heading', 'kpo = 1', '- item']));
    return out;
  }

  htmlBlock(): string[] {
    const r = this.rng;
    return r.pick([
      ['<div class="note">', this.words(2, 5), '</div>'],
      ['<!-- a comment', 'spanning lines -->'],
      ['<!-- kpo-disable -->'],
      ['<!-- kpo-enable term/preferred, kpo-bpo/task-mismatch -->'],
      ['<!-- kpo-disable-next-line -->'],
      ['<script>', 'var s = "<b>words</b>";', '</script>'],
      ['<pre>', 'preformatted words', '</pre>'],
      ['<style>p { color: red }</style>'],
      ['<?php echo "words"; ?>'],
      ['<!DOCTYPE html>'],
      ['<![CDATA[', 'raw words', ']]>'],
      ['<custom-element data-x="1">', this.words(1, 3)],
      ['</section>'],
      ['<table><tr><td>', 'cell words', '</td></tr></table>'],
    ]);
  }

  table(): string[] {
    const r = this.rng;
    const cols = r.int(1, 4);
    const lead = r.chance(0.7);
    const trail = r.chance(0.6);
    const row = (cells: string[]) => (lead ? '| ' : '') + cells.join(' | ') + (trail ? ' |' : '');
    const header: string[] = [];
    for (let i = 0; i < cols; i++) header.push(this.inline(1, 2, false, true));
    const delim: string[] = [];
    for (let i = 0; i < cols; i++) delim.push(r.pick(['---', ':--', '--:', ':-:', '-']));
    if (cols === 1 && !lead && !trail) return this.paragraph();
    const out = [row(header), (lead ? '|' : '') + delim.join('|') + (trail ? '|' : '')];
    const n = r.int(0, 4);
    for (let i = 0; i < n; i++) {
      const cells: string[] = [];
      const m = r.chance(0.8) ? cols : r.int(1, cols + 1);
      for (let j = 0; j < m; j++) cells.push(r.chance(0.1) ? '' : this.inline(1, 3, false, true));
      out.push(row(cells));
    }
    return out.map((l) => (l.trim().startsWith('|') || l.includes('|') ? l : l + ' |'));
  }

  list(depth: number): string[] {
    const r = this.rng;
    const ordered = r.chance(0.4);
    const bullet = r.pick(['-', '*', '+']);
    const delim = r.pick(['.', ')']);
    // micromark applies the rule "an ordered list must start at 1 to interrupt a paragraph" also
    // where nothing is interrupted: after indented code (which generated lists can produce when
    // their content is misaligned), and inside a container opened on the same line. CommonMark
    // does not, and neither do we. So other start numbers are only generated for top-level lists
    // after a paragraph.
    const start = depth === 0 && this.orderedStartFree && r.chance(0.5) ? r.int(0, 12) : 1;
    const n = r.int(1, 4);
    const task = r.chance(0.25);
    const out: string[] = [];
    const loose = r.chance(0.3);
    for (let i = 0; i < n; i++) {
      const marker = ordered ? `${start + i}${delim}` : bullet;
      // Content must line up with the marker, or the item's lines fall out of it (often into
      // indented code, after which micromark misreads ordered lists, see above). Tabs only at the
      // top level, where their columns are known: the content then starts at column 4.
      const gap = r.chance(0.85) ? ' ' : depth === 0 && marker.length < 4 ? r.pick(['  ', '\t', '    ']) : r.pick(['  ', '    ']);
      const width = gap === '\t' ? 4 : marker.length + gap.length;
      const pad = gap === '\t' && r.chance(0.5) ? '\t' : ' '.repeat(width);
      const body: string[] = [];
      let first = this.paragraph();
      if (task) first[0] = r.pick(['[ ] ', '[x] ', '[X] ']) + first[0];
      body.push(...first);
      if (depth < 3 && r.chance(0.25)) {
        const nested = this.list(depth + 1);
        if (r.chance(0.3) || cannotInterrupt(nested)) body.push('');
        body.push(...nested);
      }
      if (r.chance(0.2)) {
        body.push('');
        body.push(...this.blockFor(depth + 1, true));
      }
      out.push(marker + gap + body[0]);
      for (const line of body.slice(1)) out.push(line === '' ? '' : pad + line);
      if (loose && i < n - 1) out.push('');
    }
    return out;
  }

  blockquote(depth: number): string[] {
    const r = this.rng;
    const inner: string[] = [];
    const n = r.int(1, 3);
    for (let i = 0; i < n; i++) {
      if (i > 0) inner.push('');
      inner.push(...this.blockFor(depth + 1, false));
    }
    // (A bare `>` is in the unit tests: lines after it that start with spaces lose one column to
    // the marker, which misaligns nested content.)
    const marker = r.pick(['> ', '> ', '> > ', '>\t']);
    const blank = marker.trimEnd();
    const out = inner.map((l) => (l === '' ? blank : marker + l));
    // A lazy continuation line after a paragraph line.
    if (r.chance(0.15) && /^> [A-Za-z\u00c0-\u024f]/.test(out[out.length - 1]) && !/^> .*\|/.test(out[out.length - 1])) {
      out.push(guardLine(this.words(1, 4)));
    }
    return out;
  }

  definitions(): string[] {
    const r = this.rng;
    const out: string[] = [];
    const n = r.int(1, 3);
    for (let i = 0; i < n; i++) {
      const label = r.chance(0.1) ? r.pick(['Another\nRef', 'kpo-guide\n']) : r.pick(REF_LABELS);
      const dest = r.pick(['https://example.com/ref', '/local', '<a b>', 'http://x.y']);
      const title = r.chance(0.5) ? (r.chance(0.5) ? ' ' : '\n  ') + r.pick(TITLES) : '';
      out.push(...`[${label}]: ${dest}${title}`.split('\n'));
    }
    return out;
  }

  footnote(): string[] {
    const r = this.rng;
    const out = [`[^${r.pick(FOOTNOTES)}]: ${guardLine(this.inline(2, 6))}`];
    if (r.chance(0.4)) out.push('    ' + guardLine(this.inline(2, 5)));
    return out;
  }

  blockFor(depth: number, inList: boolean): string[] {
    return this.blockKind(depth, inList);
  }

  private blockKind(depth: number, inList: boolean): string[] {
    const r = this.rng;
    const k = r.next();
    this.lastKind = k < 0.4 || k >= 0.96 ? 'paragraph' : 'other';
    if (k < 0.4) return this.paragraph();
    if (k < 0.5) return this.heading();
    if (k < 0.58) return this.fenced();
    if (k < 0.66 && depth < 4) return this.list(depth);
    if (k < 0.72 && depth < 4) return this.blockquote(depth);
    if (k < 0.78) return this.table();
    if (k < 0.84) return this.htmlBlock();
    if (k < 0.88 && !inList) return this.indentedCode();
    if (k < 0.91) return [r.pick(['***', '---', '___', '* * *', '- - -'])];
    if (k < 0.94) return this.definitions();
    if (k < 0.96) return this.footnote();
    return this.paragraph();
  }

  document(): string[] {
    const r = this.rng;
    const out: string[] = [];
    if (r.chance(0.15)) {
      out.push(
        ...r.pick([
          ['---', 'title: Knowledge words', 'tags: [kpo, bpo]', '---'],
          ['+++', 'title = "words here"', '+++'],
          ['---', '---'],
        ]),
      );
    }
    const n = r.int(4, 14);
    let prevFirst = '';
    for (let i = 0; i < n; i++) {
      const k = r.next();
      let block: string[];
      this.orderedStartFree = this.lastKind === 'paragraph';
      if (k < 0.08) block = this.definitions();
      else if (k < 0.13) block = this.footnote();
      else block = this.blockFor(0, false);
      if (k < 0.13) this.lastKind = 'other';
      if (block.length === 0) continue;
      // An unclosed `---` or `+++` on the first line makes micromark (frontmatter extension)
      // misread later footnote definitions; real front matter is generated above.
      if (out.length === 0 && /^(---|\+\+\+)\s*$/.test(block[0])) block = ['***'];
      // Usually a blank line between blocks; sometimes none, so that blocks interrupt paragraphs.
      // Always after an HTML block (which would swallow the next block, often leaving list items
      // misaligned) and after a table (micromark ends a table in a container differently when the
      // next line is lazy).
      const prev = out.length > 0 ? out[out.length - 1] : '';
      const needBlank = startsIndented(block) || cannotInterrupt(block) || prev.includes('|') || /^\s*</.test(prevFirst);
      if (out.length > 0 && (r.chance(0.8) || needBlank)) out.push('');
      prevFirst = block[0];
      out.push(...block);
    }
    return out;
  }
}

/**
 * An ordered list starting at a number other than 1 cannot interrupt a paragraph. When such a
 * list is generated it gets a blank line before it, so that it is a list. (Paragraph lines that
 * look like such list items are generated separately.)
 */
function cannotInterrupt(block: string[]): boolean {
  if (block.length === 0) return false;
  // micromark also applies the paragraph-interruption rules to a list item that starts inside a
  // block quote opened on the same line (`> 2. x` right after a paragraph), unlike CommonMark.
  const first = block[0].replace(/^(> ?)+/, '');
  if (/^\d+[.)]/.test(first) && !/^1[.)]/.test(first)) return true;
  if (first !== block[0] && /^([-+*]|\d+[.)])[ \t]*$/.test(first)) return true;
  // A lone tag (an HTML block of kind 7) on a line that could be a lazy continuation: micromark
  // starts an HTML block inside the open container; CommonMark (commonmark.js) continues the
  // paragraph. Not generated.
  if (LONE_TAG.test(block[0])) return true;
  return false;
}

function startsIndented(block: string[]): boolean {
  return block.length > 0 && /^ {4}/.test(block[0]);
}

const LONE_TAG = /^[ \t]*<\/?[A-Za-z][^<>]*>[ \t]*$/;

/** Keeps a generated prose line from accidentally starting another block. */
function guardLine(line: string): string {
  const t = line.replace(/^[ \t]+/, '');
  // (A line starting with `<` can start an HTML block that interrupts the paragraph; those are
  // generated as blocks of their own.)
  if (/^([-+*>#=~`|:_<]|\d+[.)]|\[\^)/.test(t) || t === '' || LONE_TAG.test(t)) return 'so ' + t;
  return line;
}

/** One generated document. */
export function generateDocument(seed: number): string {
  const rng = new Rng(seed);
  const gen = new Gen(rng);
  const lines = gen.document();
  const eol = rng.chance(0.15) ? '\r\n' : '\n';
  return lines.join(eol) + (rng.chance(0.8) ? eol : '');
}
