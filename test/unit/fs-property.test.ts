// A property of kpo-lint --fix on real file trees (issue 12): for any generated tree of Markdown files
// (with fixable text, BOM and CRLF variants, read-only ones, hard links), other files, folders (hidden
// ones too), symbolic links to files and folders inside and outside the given folder, links to
// /dev/null and /dev/zero, and FIFOs, `kpo-lint --fix <folder>`:
// - changes nothing outside the folder;
// - changes nothing that is not a regular, writable, singly linked Markdown file inside it (links,
//   FIFOs, other files, read-only and hard-linked files keep their bytes, type, mode and owner);
// - keeps every byte it does not fix: undoing the one fix the text allows gives the original bytes;
// - keeps the mode and owner of what it fixes, leaves no temporary file, and always finishes.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..');
const BIN = process.env.KPO_LINT_BIN ?? path.join(ROOT, 'bin', 'kpo-lint.js');
const WRONG = 'Knowledge Processing Outsourcing';
const RIGHT = 'Knowledge Process Outsourcing';

type Node =
  | { kind: 'md'; name: string; lines: string[]; bom: boolean; crlf: boolean; readOnly: boolean; hardLink: boolean }
  | { kind: 'other'; name: string; lines: string[] }
  | { kind: 'dir'; name: string; children: Node[] }
  | { kind: 'link'; name: string; to: 'inside-file' | 'inside-dir' | 'outside-file' | 'outside-dir' | 'dev-null' | 'dev-zero' | 'broken' }
  | { kind: 'fifo'; name: string };

const LINES = [`Our ${WRONG} unit.`, `${WRONG} is growing.`, 'Plain words about the weather.', 'Café, naïve, 東京 and 🙂 stay as they are.', '', '# A heading', '- a list item', '`code with Knowledge Processing Outsourcing`', 'Trailing spaces   '];

const nameArb = (ext: fc.Arbitrary<string>) => fc.tuple(fc.constantFrom('a', 'b', 'c', 'doc', 'x y', '.hidden', 'n#1'), ext).map(([n, e]) => n + e);
const linesArb = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 6 });

const leafArb: fc.Arbitrary<Node> = fc.oneof(
  fc.record({ kind: fc.constant('md' as const), name: nameArb(fc.constantFrom('.md', '.markdown')), lines: linesArb, bom: fc.boolean(), crlf: fc.boolean(), readOnly: fc.boolean(), hardLink: fc.boolean() }),
  fc.record({ kind: fc.constant('other' as const), name: nameArb(fc.constantFrom('.txt', '.md.bak', '')), lines: linesArb }),
  fc.record({ kind: fc.constant('link' as const), name: nameArb(fc.constantFrom('.md', '')), to: fc.constantFrom('inside-file' as const, 'inside-dir' as const, 'outside-file' as const, 'outside-dir' as const, 'dev-null' as const, 'dev-zero' as const, 'broken' as const) }),
  fc.record({ kind: fc.constant('fifo' as const), name: nameArb(fc.constantFrom('.md', '')) }),
);

const treeArb: fc.Arbitrary<Node[]> = fc.letrec<{ tree: Node[]; node: Node }>((tie) => ({
  tree: fc.uniqueArray(tie('node'), { maxLength: 6, selector: (n) => n.name }),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafArb, fc.record({ kind: fc.constant('dir' as const), name: nameArb(fc.constant('')).map((n) => n + 'd'), children: tie('tree') })),
})).tree;

function content(node: { lines: string[]; bom?: boolean; crlf?: boolean }): Buffer {
  const text = node.lines.join(node.crlf ? '\r\n' : '\n') + (node.crlf ? '\r\n' : '\n');
  return Buffer.concat([node.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text)]);
}

function build(dir: string, nodes: Node[], ctx: { given: string; outside: string; hardLinks: string }): void {
  for (const node of nodes) {
    const p = path.join(dir, node.name);
    switch (node.kind) {
      case 'md':
        fs.writeFileSync(p, content(node));
        if (node.hardLink) fs.linkSync(p, path.join(ctx.hardLinks, `${fs.readdirSync(ctx.hardLinks).length}.md`));
        if (node.readOnly) fs.chmodSync(p, 0o444);
        break;
      case 'other':
        fs.writeFileSync(p, content(node));
        break;
      case 'dir':
        fs.mkdirSync(p);
        build(p, node.children, ctx);
        break;
      case 'fifo':
        assert.strictEqual(spawnSync('mkfifo', [p]).status, 0);
        break;
      case 'link': {
        const target = {
          'inside-file': path.join(ctx.given, 'anchor.md'),
          'inside-dir': path.join(ctx.given, 'anchord'),
          'outside-file': path.join(ctx.outside, 'o.md'),
          'outside-dir': ctx.outside,
          'dev-null': '/dev/null',
          'dev-zero': '/dev/zero',
          broken: path.join(ctx.given, 'nothing-here'),
        }[node.to];
        fs.symlinkSync(path.relative(dir, target) || '.', p);
        break;
      }
    }
  }
}

interface Entry {
  type: string;
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  ino: number;
  bytes?: string;
  target?: string;
}

function snapshot(dir: string, out = new Map<string, Entry>(), prefix = ''): Map<string, Entry> {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const rel = path.join(prefix, name);
    const st = fs.lstatSync(p);
    const type = st.isFile() ? 'file' : st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'link' : st.isFIFO() ? 'fifo' : 'other';
    const entry: Entry = { type, mode: st.mode, uid: st.uid, gid: st.gid, nlink: st.nlink, ino: st.ino };
    if (type === 'file') entry.bytes = fs.readFileSync(p).toString('latin1');
    if (type === 'link') entry.target = fs.readlinkSync(p);
    out.set(rel, entry);
    if (type === 'dir') snapshot(p, out, rel);
  }
  return out;
}

describe('kpo-lint --fix on generated file trees (property)', function () {
  this.timeout(120000);

  it('changes only the fixable text of regular Markdown files inside the given folder', () => {
    let runs = 0;
    fc.assert(
      fc.property(treeArb, (nodes) => {
        runs++;
        const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-prop-')));
        try {
          const given = path.join(top, 'given');
          const outside = path.join(top, 'outside');
          const hardLinks = path.join(top, 'hardlinks');
          for (const d of [given, outside, hardLinks, path.join(given, 'anchord')]) fs.mkdirSync(d, { recursive: true });
          fs.writeFileSync(path.join(outside, 'o.md'), `Our ${WRONG} unit.\n`);
          fs.writeFileSync(path.join(given, 'anchor.md'), `Our ${WRONG} unit.\n`);
          fs.writeFileSync(path.join(given, 'anchord', 'inner.md'), `${WRONG}.\r\n`);
          build(given, nodes, { given, outside, hardLinks });
          const before = snapshot(top);
          const r = spawnSync(process.execPath, [BIN, '--fix', '--fail-on', 'none', '--no-color', 'given'], { cwd: top, encoding: 'utf8', timeout: 30000 });
          assert.strictEqual(r.error, undefined, `kpo-lint did not finish: ${r.error}`);
          assert.ok(r.status === 0 || r.status === 2, `exit ${r.status}: ${r.stderr}`);
          assert.doesNotMatch(r.stdout + r.stderr, /internal error/);
          const after = snapshot(top);
          assert.deepStrictEqual([...after.keys()], [...before.keys()], 'the same entries (no temporary file left, nothing replaced by something else)');
          for (const [rel, b] of before) {
            const a = after.get(rel)!;
            const insideGiven = rel.startsWith('given' + path.sep);
            const fixable = insideGiven && b.type === 'file' && /\.(md|markdown)$/.test(rel) && !rel.split(path.sep).some((part) => part.startsWith('.')) && (b.mode & 0o222) !== 0 && b.nlink === 1;
            if (!fixable || a.bytes === b.bytes) {
              assert.deepStrictEqual(a, b, `${rel} changed`);
              continue;
            }
            assert.deepStrictEqual({ ...a, bytes: undefined, ino: 0 }, { ...b, bytes: undefined, ino: 0 }, `${rel}: type, mode, owner and links kept`);
            const fixed = Buffer.from(a.bytes!, 'latin1').toString('utf8');
            const original = Buffer.from(b.bytes!, 'latin1').toString('utf8');
            assert.strictEqual(fixed.split(RIGHT).join(WRONG), original, `${rel}: every byte but the fixes kept`);
          }
        } finally {
          spawnSync('rm', ['-rf', top]);
        }
      }),
      { numRuns: 25, seed: 12, endOnFailure: true },
    );
    assert.strictEqual(runs >= 25, true);
  });
});
