// kpo-lint and the file system (issue 12): --fix writes only what it should, where it should; reads
// are bounded; one file's failure never stops a run; output cannot be used for log injection. Real
// files, links, hard links, FIFOs, permissions and /dev/zero in temporary folders; the CLI runs as a
// real process (bin/kpo-lint.js, the bundle in dist/). Multi-user cases run the "attacker" (and for
// C3 the runner) as user 65534 with setpriv; they are skipped when not root or setpriv is missing.

import * as assert from 'assert';
import { spawn, spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { artifactLocation, escapeControls } from '../../server/src/cli/format';
import { readTextFile } from '../../server/src/node/files';
import { replaceFile, snapshotFile, type ReadSnapshot } from '../../server/src/node/write';

const ROOT = path.join(__dirname, '..', '..', '..');
const BIN = process.env.KPO_LINT_BIN ?? path.join(ROOT, 'bin', 'kpo-lint.js');
const FIXABLE = 'Our Knowledge Processing Outsourcing unit.\n';
const FIXED = 'Our Knowledge Process Outsourcing unit.\n';
const NOBODY = 65534;
const IS_ROOT = process.getuid?.() === 0;
const HAS_SETPRIV = spawnSync('setpriv', ['--version']).status === 0;
const AS_NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];

function kpoLint(args: string[], options: { cwd?: string; input?: string | Buffer; asNobody?: boolean; timeout?: number } = {}): SpawnSyncReturns<string> {
  const argv = [BIN, ...args];
  const [command, commandArgs] = options.asNobody ? ['setpriv', [...AS_NOBODY, process.execPath, ...argv]] : [process.execPath, argv];
  return spawnSync(command, commandArgs, { cwd: options.cwd, input: options.input, encoding: 'utf8', timeout: options.timeout ?? 30000, maxBuffer: 64 * 1024 * 1024 });
}

/** Runs a shell command as user 65534 (the attacker); fails the test if it fails. */
function attacker(script: string): void {
  const r = spawnSync('setpriv', [...AS_NOBODY, 'sh', '-c', script], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, `attacker script failed: ${r.stderr}`);
}

function needsUsers(ctx: Mocha.Context): void {
  if (!IS_ROOT) ctx.skip(); // multi-user case: needs root (to switch to user 65534 with setpriv)
  if (!HAS_SETPRIV) ctx.skip(); // multi-user case: needs setpriv (util-linux)
}

/** A temporary folder others can traverse (so user 65534 can reach what is made inside). */
function tempDir(prefix = 'kpo-fs-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  fs.chmodSync(dir, 0o755);
  return dir;
}

function mkfifo(file: string): void {
  const r = spawnSync('mkfifo', [file]);
  assert.strictEqual(r.status, 0, 'mkfifo');
}

describe('file-system safety of kpo-lint (issue 12)', function () {
  this.timeout(60000);

  describe('S1: the temporary file of --fix', () => {
    it('is created exclusively: a file or symbolic link already at its name is never followed or overwritten', () => {
      const dir = tempDir();
      const secret = path.join(dir, 'secret');
      fs.writeFileSync(secret, 'SECRET\n', { mode: 0o600 });
      const doc = path.join(dir, 'doc.md');
      fs.writeFileSync(doc, FIXABLE);
      const planted = '.doc.md.planted.tmp';
      fs.symlinkSync(secret, path.join(dir, planted));
      const snap = snapshotFile(doc, 1 << 20) as ReadSnapshot;
      // Every name tried is taken: nothing is written anywhere.
      const refused = replaceFile(snap, Buffer.from(FIXED), { tempNames: [planted, planted] });
      assert.deepStrictEqual(refused, { written: false, reason: 'no temporary file could be made beside it (every name tried was taken)' });
      assert.strictEqual(fs.readFileSync(secret, 'utf8'), 'SECRET\n');
      assert.strictEqual(fs.readFileSync(doc, 'utf8'), FIXABLE);
      // A taken name is skipped; the next one is used.
      const written = replaceFile(snap, Buffer.from(FIXED), { tempNames: [planted, 'fresh.tmp'] });
      assert.deepStrictEqual(written, { written: true });
      assert.strictEqual(fs.readFileSync(secret, 'utf8'), 'SECRET\n', 'the link target is untouched');
      assert.ok(fs.lstatSync(path.join(dir, planted)).isSymbolicLink(), 'the planted link is left as it was');
      assert.ok(fs.lstatSync(doc).isFile() && !fs.lstatSync(doc).isSymbolicLink());
      assert.strictEqual(fs.readFileSync(doc, 'utf8'), FIXED);
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), [planted, 'doc.md', 'secret'].sort(), 'no temporary file left');
    });

    it('as root in a shared folder without the sticky bit: links planted by another user at the old predictable names change nothing', function () {
      needsUsers(this);
      const base = tempDir();
      const shared = path.join(base, 'shared');
      fs.mkdirSync(shared);
      fs.chmodSync(shared, 0o777); // world-writable, no sticky bit
      const secretDir = path.join(base, 'root-only');
      fs.mkdirSync(secretDir, { mode: 0o755 });
      const secret = path.join(secretDir, 'secret');
      fs.writeFileSync(secret, 'ROOT ONLY\n', { mode: 0o600 });
      const doc = path.join(shared, 'doc.md');
      fs.writeFileSync(doc, FIXABLE, { mode: 0o644 });
      // The attacker plants links at every name the old code would have used for the next PIDs.
      const plant = spawnSync('setpriv', [...AS_NOBODY, process.execPath, '-e', `
        const fs = require('fs');
        for (let i = 0; i < 4000; i++) {
          const pid = (process.pid + i) % 4194304;
          try { fs.symlinkSync(${JSON.stringify(secret)}, ${JSON.stringify(shared)} + '/.doc.md.kpo-lint-' + pid + '.tmp'); } catch {}
        }`], { encoding: 'utf8' });
      assert.strictEqual(plant.status, 0, plant.stderr);
      const planted = fs.readdirSync(shared).filter((n) => n.endsWith('.tmp')).length;
      assert.ok(planted >= 3000, `${planted} links planted`);
      const r = kpoLint(['--fix', '--fail-on', 'none', 'doc.md'], { cwd: shared });
      assert.strictEqual(r.status, 0, r.stdout + r.stderr);
      assert.strictEqual(fs.readFileSync(secret, 'utf8'), 'ROOT ONLY\n', 'the root-only file is untouched');
      const st = fs.lstatSync(doc);
      assert.ok(st.isFile(), 'doc.md is still a regular file, not the attacker\'s link');
      assert.strictEqual(st.uid, 0);
      assert.strictEqual(fs.readFileSync(doc, 'utf8'), FIXED);
      assert.strictEqual(fs.readdirSync(shared).filter((n) => n.endsWith('.tmp')).length, planted, 'the planted links are left alone');
    });
  });

  describe('S2: folder searches stay in the folder', () => {
    function tree() {
      const base = tempDir();
      const repo = path.join(base, 'repo');
      const docs = path.join(repo, 'docs');
      const notes = path.join(base, 'home', 'notes');
      fs.mkdirSync(docs, { recursive: true });
      fs.mkdirSync(notes, { recursive: true });
      fs.writeFileSync(path.join(notes, 'private.md'), FIXABLE);
      fs.writeFileSync(path.join(docs, 'inside.md'), FIXABLE);
      fs.symlinkSync('../../home/notes', path.join(docs, 'more'));
      fs.symlinkSync('/dev/zero', path.join(docs, 'zero.md'));
      fs.symlinkSync('../../home/notes/private.md', path.join(docs, 'linked.md'));
      mkfifo(path.join(docs, 'pipe.md'));
      return { base, repo, docs, notes };
    }

    it('--fix on a folder never follows links out of it, never reads /dev/zero or a FIFO', () => {
      const { repo, docs, notes } = tree();
      const started = Date.now();
      const r = kpoLint(['--fix', '--fail-on', 'none', '--format', 'json', 'docs'], { cwd: repo, timeout: 20000 });
      assert.ok(r.error === undefined, `killed after ${Date.now() - started} ms: ${r.error}`);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(fs.readFileSync(path.join(notes, 'private.md'), 'utf8'), FIXABLE, 'the file outside is untouched');
      assert.strictEqual(fs.readFileSync(path.join(docs, 'inside.md'), 'utf8'), FIXED);
      assert.deepStrictEqual(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file), [path.join('docs', 'inside.md')]);
      assert.match(r.stderr, /docs\/more: skipped, a symbolic link to .*home\/notes, outside docs/);
      assert.match(r.stderr, /docs\/zero\.md: skipped, a symbolic link to \/dev\/zero/);
      assert.match(r.stderr, /docs\/pipe\.md: skipped, a named pipe \(FIFO\), not a regular file/);
      assert.ok(fs.lstatSync(path.join(docs, 'linked.md')).isSymbolicLink());
    });

    it('globs do not follow links out either', () => {
      const { repo, notes } = tree();
      const r = kpoLint(['--fix', '--fail-on', 'none', 'docs/**/*.md'], { cwd: repo, timeout: 20000 });
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(fs.readFileSync(path.join(notes, 'private.md'), 'utf8'), FIXABLE);
    });

    it('a folder swapped for a link between reading and writing is not written through', () => {
      const { docs, notes } = tree();
      const sub = path.join(docs, 'sub');
      fs.mkdirSync(sub);
      fs.writeFileSync(path.join(sub, 'a.md'), FIXABLE);
      const snap = snapshotFile(path.join(sub, 'a.md'), 1 << 20) as ReadSnapshot;
      fs.renameSync(sub, path.join(docs, 'gone'));
      fs.copyFileSync(path.join(docs, 'gone', 'a.md'), path.join(notes, 'a.md'));
      fs.symlinkSync(notes, sub);
      const outcome = replaceFile(snap, Buffer.from(FIXED), { within: fs.realpathSync(docs) });
      assert.strictEqual(outcome.written, false);
      assert.strictEqual(fs.readFileSync(path.join(notes, 'a.md'), 'utf8'), FIXABLE);
    });
  });

  describe('D1: --fix keeps what a document is', () => {
    it('refuses a symbolic link (as Prettier does): the link stays a link, its target is untouched, exit 2', () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'target.md'), FIXABLE);
      fs.symlinkSync('target.md', path.join(dir, 'link.md'));
      const r = kpoLint(['--fix', 'link.md'], { cwd: dir });
      assert.strictEqual(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stdout, /link\.md\n\s+1:1\s+error\s+Not fixed: it is a symbolic link to target\.md: kpo-lint --fix never writes through links/);
      assert.ok(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink());
      assert.strictEqual(fs.readFileSync(path.join(dir, 'target.md'), 'utf8'), FIXABLE);
      // Without --fix the link is read and checked as usual.
      assert.strictEqual(kpoLint(['link.md'], { cwd: dir }).status, 1);
    });

    it('refuses a hard-linked file (a rewrite would split the links), leaving both names on one inode', () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'a.md'), FIXABLE);
      fs.linkSync(path.join(dir, 'a.md'), path.join(dir, 'b.md'));
      const r = kpoLint(['--fix', 'a.md'], { cwd: dir });
      assert.strictEqual(r.status, 2);
      assert.match(r.stdout, /Not fixed: it has 2 hard links/);
      assert.strictEqual(fs.statSync(path.join(dir, 'a.md')).ino, fs.statSync(path.join(dir, 'b.md')).ino);
      assert.strictEqual(fs.readFileSync(path.join(dir, 'b.md'), 'utf8'), FIXABLE);
    });

    it('keeps the mode (0664 stays 0664 whatever the umask)', () => {
      const dir = tempDir();
      const file = path.join(dir, 'a.md');
      fs.writeFileSync(file, FIXABLE);
      fs.chmodSync(file, 0o664);
      const r = kpoLint(['--fix', '--fail-on', 'none', 'a.md'], { cwd: dir });
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), FIXED);
      assert.strictEqual(fs.statSync(file).mode & 0o7777, 0o664);
    });

    it('does not rewrite a read-only (0444) file, says so, and exits 2', () => {
      const dir = tempDir();
      const file = path.join(dir, 'a.md');
      fs.writeFileSync(file, FIXABLE);
      fs.chmodSync(file, 0o444);
      const r = kpoLint(['--fix', 'a.md'], { cwd: dir });
      assert.strictEqual(r.status, 2);
      assert.match(r.stdout, /Not fixed: it is read-only \(mode 0444\)/);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), FIXABLE);
      assert.strictEqual(fs.statSync(file).mode & 0o7777, 0o444);
    });

    it('as root, keeps the owner of another user\'s file', function () {
      if (!IS_ROOT) this.skip(); // needs root to make a file owned by another user
      const dir = tempDir();
      const file = path.join(dir, 'a.md');
      fs.writeFileSync(file, FIXABLE, { mode: 0o640 });
      fs.chownSync(file, NOBODY, NOBODY);
      const r = kpoLint(['--fix', '--fail-on', 'none', 'a.md'], { cwd: dir });
      assert.strictEqual(r.status, 0, r.stderr);
      const st = fs.statSync(file);
      assert.deepStrictEqual([st.uid, st.gid, st.mode & 0o7777], [NOBODY, NOBODY, 0o640]);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), FIXED);
    });
  });

  describe('D2: an edit saved while --fix runs is kept', () => {
    it('the writer refuses a file changed since it was read', () => {
      const dir = tempDir();
      const file = path.join(dir, 'a.md');
      fs.writeFileSync(file, FIXABLE);
      const snap = snapshotFile(file, 1 << 20) as ReadSnapshot;
      fs.appendFileSync(file, 'An edit saved meanwhile.\n');
      const outcome = replaceFile(snap, Buffer.from(FIXED));
      assert.strictEqual(outcome.written, false);
      assert.match((outcome as { reason: string }).reason, /changed since kpo-lint read it/);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), FIXABLE + 'An edit saved meanwhile.\n');
      assert.deepStrictEqual(fs.readdirSync(dir), ['a.md']);
      // Same size and bytes but a new inode (an editor's save by rename): refused too.
      const again = snapshotFile(file, 1 << 20) as ReadSnapshot;
      fs.writeFileSync(path.join(dir, 'new'), fs.readFileSync(file));
      fs.renameSync(path.join(dir, 'new'), file);
      assert.strictEqual(replaceFile(again, Buffer.from(FIXED)).written, false);
    });

    it('an edit made while the fixed file is being written is not lost (end to end)', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'big.md');
      const paragraph = 'Our Knowledge Processing Outsourcing desk will take over customer support tickets. KPO (Business Process Outsourcing) is wrong.\n\n';
      const original = 'Knowledge Process Outsourcing (KPO) and Business Process Outsourcing (BPO) are defined here.\n\n' + paragraph.repeat(6000);
      let reported = 0;
      // Up to five rounds, until one edit lands inside the window (usually the first).
      for (let round = 0; round < 5 && reported === 0; round++) {
        fs.writeFileSync(file, original);
        const marker = `Saved in the editor, round ${round}.\n`;
        // The edit lands as soon as kpo-lint starts writing its temporary file: after it read the
        // file, before its rename.
        let edited = false;
        const watcher = fs.watch(dir, (_event, name) => {
          if (!edited && name && String(name).endsWith('.tmp')) {
            edited = true;
            fs.appendFileSync(file, marker);
          }
        });
        const child = spawn(process.execPath, [BIN, '--fix', '--fail-on', 'none', file], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
        watcher.close();
        if (!edited) fs.appendFileSync(file, marker);
        assert.ok(fs.readFileSync(file, 'utf8').endsWith(marker), `round ${round}: the edit was lost (exit ${code})`);
        if (/it changed while kpo-lint was fixing it/.test(out)) {
          reported++;
          assert.strictEqual(code, 2);
        }
      }
      assert.ok(reported >= 1, 'the edit landed inside the window at least once, and was reported');
    });
  });

  describe('D3: bytes kept, and strict UTF-8 everywhere', () => {
    it('--fix keeps a UTF-8 BOM and CRLF line ends', () => {
      const dir = tempDir();
      const file = path.join(dir, 'a.md');
      const bom = Buffer.from([0xef, 0xbb, 0xbf]);
      fs.writeFileSync(file, Buffer.concat([bom, Buffer.from(FIXABLE.replace('\n', '\r\n') + 'Second line.\r\n')]));
      const r = kpoLint(['--fix', '--fail-on', 'none', 'a.md'], { cwd: dir });
      assert.strictEqual(r.status, 0, r.stderr);
      assert.deepStrictEqual(fs.readFileSync(file), Buffer.concat([bom, Buffer.from(FIXED.replace('\n', '\r\n') + 'Second line.\r\n')]));
    });

    it('standard input is refused when it is not UTF-8, as the same bytes in a file are', () => {
      const bytes = Buffer.concat([Buffer.from('Knowledge Processing Outsourcing '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
      const stdin = kpoLint(['--fix', '-'], { input: bytes });
      assert.strictEqual(stdin.status, 2);
      assert.strictEqual(stdin.stdout, '', 'no replacement-character text is printed');
      assert.match(stdin.stderr, /<stdin>\n\s+1:1\s+error\s+Not checked: it is not valid UTF-8 text/);
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'a.md'), bytes);
      const file = kpoLint(['a.md'], { cwd: dir });
      assert.strictEqual(file.status, 2);
      assert.match(file.stdout, /Not checked: it is not valid UTF-8 text/);
    });

    it('--fix on standard input keeps its BOM', () => {
      const r = kpoLint(['--fix', '-'], { input: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIXABLE)]) });
      assert.deepStrictEqual(Buffer.from(r.stdout, 'utf8'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIXED)]));
    });
  });

  describe('H1: bounded reads of glossaries and documents', () => {
    /** Runs readTextFile in a child process, so that a read that blocks or grows cannot take mocha down. */
    function readInChild(file: string): { error?: string; text?: string } {
      const r = spawnSync(process.execPath, ['-e', `process.stdout.write(JSON.stringify(require(${JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'node', 'files.js'))}).readTextFile(${JSON.stringify(file)})))`], { encoding: 'utf8', timeout: 10000 });
      assert.strictEqual(r.error, undefined, `readTextFile did not return within 10 s (${r.error})`);
      return JSON.parse(r.stdout);
    }

    it('readTextFile (the server\'s glossaryFiles, the CLI\'s --glossary) refuses a FIFO without blocking, and /dev/zero without reading it', () => {
      const dir = tempDir();
      mkfifo(path.join(dir, 'pipe.yaml'));
      fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
      assert.deepStrictEqual(readInChild(path.join(dir, 'pipe.yaml')), { error: 'is a named pipe (FIFO), not a regular file: skipped' });
      assert.deepStrictEqual(readInChild(path.join(dir, 'zero.yaml')), { error: 'is a device, not a regular file: skipped' });
      assert.deepStrictEqual(readInChild('/dev/zero'), { error: 'is a device, not a regular file: skipped' });
      // A regular file still reads (and a BOM is dropped for glossaries).
      fs.writeFileSync(path.join(dir, 'ok.yaml'), '\ufeffterms: []\n');
      assert.deepStrictEqual(readTextFile(path.join(dir, 'ok.yaml')), { text: 'terms: []\n' });
    });

    it('kpo-lint --glossary with a FIFO or /dev/zero: a positioned error, promptly', () => {
      const dir = tempDir();
      mkfifo(path.join(dir, 'pipe.yaml'));
      for (const g of [path.join(dir, 'pipe.yaml'), '/dev/zero']) {
        const r = kpoLint(['--glossary', g, '-'], { input: 'KPO.', timeout: 15000 });
        assert.strictEqual(r.error, undefined, `${g}: kpo-lint did not finish`);
        assert.strictEqual(r.status, 2);
        assert.match(r.stderr, /:1:1: error: The glossary is (a named pipe \(FIFO\)|a device), not a regular file/);
      }
    });

    it('a document over the size limit is refused before it is read; --max-size raises the limit', () => {
      const dir = tempDir();
      const huge = path.join(dir, 'huge.md');
      fs.writeFileSync(huge, '');
      fs.truncateSync(huge, 17 * 1024 * 1024); // sparse: 17 MB that take no room
      const r = kpoLint(['huge.md'], { cwd: dir });
      assert.strictEqual(r.status, 2);
      assert.match(r.stdout, /huge\.md\n\s+1:1\s+error\s+Not checked: it is 17\.0 MB, over the 16 MB limit: raise it with --max-size\./);
      fs.writeFileSync(path.join(dir, 'small.md'), 'Plain words.\n'.repeat(100000)); // 1.3 MB
      assert.strictEqual(kpoLint(['--max-size', '1', 'small.md'], { cwd: dir }).status, 2);
      assert.strictEqual(kpoLint(['--max-size', '2', 'small.md'], { cwd: dir }).status, 0);
      assert.strictEqual(kpoLint(['--max-size', 'lots', 'small.md'], { cwd: dir }).status, 2);
      const stdin = kpoLint(['--max-size', '1', '-'], { input: 'Plain words.\n'.repeat(100000) });
      assert.strictEqual(stdin.status, 2);
      assert.match(stdin.stdout, /over the 1 MB limit/);
    });
  });

  describe('C3 and batch runs: one file\'s failure is reported and the run goes on', () => {
    it('as an unprivileged user: a file in a read-only folder and an unreadable file are reported, the others fixed, the report printed', function () {
      needsUsers(this);
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'a.md'), FIXABLE);
      fs.mkdirSync(path.join(dir, 'locked'));
      fs.writeFileSync(path.join(dir, 'locked', 'b.md'), FIXABLE);
      fs.writeFileSync(path.join(dir, 'secret.md'), FIXABLE);
      fs.writeFileSync(path.join(dir, 'z.md'), FIXABLE);
      for (const f of ['', 'a.md', 'locked', 'locked/b.md', 'secret.md', 'z.md']) fs.chownSync(path.join(dir, f), NOBODY, NOBODY);
      fs.chmodSync(path.join(dir, 'locked'), 0o555);
      fs.chmodSync(path.join(dir, 'secret.md'), 0o000);
      const r = kpoLint(['--fix', '--format', 'json', '.'], { cwd: dir, asNobody: true });
      assert.strictEqual(r.status, 2, r.stderr);
      assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, 'no stack trace');
      const report = JSON.parse(r.stdout);
      const byFile = Object.fromEntries(report.files.map((f: { file: string }) => [f.file, f]));
      assert.deepStrictEqual(Object.keys(byFile), ['a.md', path.join('locked', 'b.md'), 'secret.md', 'z.md']);
      assert.match(byFile[path.join('locked', 'b.md')].problems[0].message, /^Not fixed: no temporary file could be made beside it: permission denied/);
      assert.match(byFile['secret.md'].problems[0].message, /^Not checked: permission denied/);
      assert.strictEqual(byFile['secret.md'].problems[0].line, 1);
      assert.strictEqual(report.summary.fileProblems, 2);
      assert.strictEqual(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), FIXED);
      assert.strictEqual(fs.readFileSync(path.join(dir, 'z.md'), 'utf8'), FIXED, 'files after the failures are fixed too');
      assert.strictEqual(fs.readFileSync(path.join(dir, 'locked', 'b.md'), 'utf8'), FIXABLE);
      fs.chmodSync(path.join(dir, 'locked'), 0o755);
    });

    it('files that cannot be checked are positioned problems in every format; exit 2; the rest is checked', () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'a.md'), FIXABLE);
      mkfifo(path.join(dir, 'pipe.md'));
      fs.writeFileSync(path.join(dir, 'z.md'), 'Our KPO desk will take over customer support tickets.\n');
      const stylish = kpoLint(['a.md', 'pipe.md', 'missing.md', 'z.md'], { cwd: dir, timeout: 15000 });
      assert.strictEqual(stylish.status, 2);
      assert.match(stylish.stderr, /missing\.md: no such file or folder/);
      assert.match(stylish.stdout, /^pipe\.md\n\s+1:1\s+error\s+Not checked: it is a named pipe \(FIFO\), not a regular file\.\s+kpo-lint$/m);
      assert.match(stylish.stdout, /^z\.md$/m);
      assert.match(stylish.stdout, /1 of 3 files could not be checked or fixed/);
      const sarif = JSON.parse(kpoLint(['--format', 'sarif', 'a.md', 'pipe.md'], { cwd: dir, timeout: 15000 }).stdout);
      const invocation = sarif.runs[0].invocations[0];
      assert.strictEqual(invocation.executionSuccessful, false);
      assert.strictEqual(invocation.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri, 'pipe.md');
      assert.deepStrictEqual(invocation.toolExecutionNotifications[0].locations[0].physicalLocation.region, { startLine: 1, startColumn: 1 });
    });

    it('--help documents the exit status', () => {
      const help = kpoLint(['--help']).stdout;
      assert.match(help, /0\s+no finding at the --fail-on level/);
      assert.match(help, /1\s+findings at or above the --fail-on level/);
      assert.match(help, /2\s+a usage error, a broken glossary, a missing argument, or a file that could not be\s+checked or fixed/);
    });
  });

  describe('output hygiene', () => {
    it('SARIF URIs are percent-encoded', () => {
      const dir = tempDir();
      const names = ['a b.md', 'a#b.md', '100%.md', 'q?.md', 'c:d.md'];
      for (const n of names) fs.writeFileSync(path.join(dir, n), 'Our KPO desk will take over customer support tickets.\n');
      const sarif = JSON.parse(kpoLint(['--format', 'sarif', ...names], { cwd: dir }).stdout);
      const uris = [...new Set(sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri))];
      assert.deepStrictEqual(uris.sort(), ['100%25.md', 'a%20b.md', 'a%23b.md', 'c%3Ad.md', 'q%3F.md']);
      for (const uri of uris as string[]) assert.ok(names.includes(decodeURIComponent(uri)));
      assert.deepStrictEqual(artifactLocation(path.join('sub dir', 'x#1.md')), { uri: 'sub%20dir/x%231.md', uriBaseId: '%SRCROOT%' });
      assert.deepStrictEqual(artifactLocation('/abs/a b.md'), { uri: 'file:///abs/a%20b.md' });
    });

    it('control and bidi characters in file names and messages are escaped in stylish output, not in JSON', () => {
      const dir = tempDir();
      const name = 'evil\n  1:1      error    forged\u001b[2J\u202e\u0085.md';
      fs.writeFileSync(path.join(dir, name), 'Our KPO desk will take over customer support tickets.\n');
      const r = kpoLint([name], { cwd: dir });
      assert.strictEqual(r.status, 1);
      assert.ok(!/forged/.test(r.stdout.split('\n').filter((l) => !l.startsWith('evil')).join('\n')), 'no forged line');
      assert.ok(r.stdout.includes('evil\\u000a  1:1      error    forged\\u001b[2J\\u202e\\u0085.md'), r.stdout);
      assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(r.stdout), 'no raw control character');
      const json = JSON.parse(kpoLint(['--format', 'json', name], { cwd: dir }).stdout);
      assert.strictEqual(json.files[0].file, name, 'JSON keeps the name as it is (JSON escapes it)');
      assert.strictEqual(escapeControls('a\u2066b\u0007c\u009bd'), 'a\\u2066b\\u0007c\\u009bd');
    });
  });
});
