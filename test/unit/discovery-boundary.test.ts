// Glossary discovery with a boundary (issue 12, S3): the repository root, or outside a repository the
// starting folder (kpo-lint: its current folder) or the home folder, never above; glossary files that
// another user could have put in place are ignored with a warning at 1:1; FIFOs and devices with a
// glossary name are never opened. Real folders, owners and modes; the "attacker" runs as user 65534
// (setpriv) and the victim as root; those cases are skipped when not root or setpriv is missing.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { discoverGlossaryFiles, discoveryFolders, glossaryFilesIn } from '../../server/src/node/discover';

const ROOT = path.join(__dirname, '..', '..', '..');
const BIN = process.env.KPO_LINT_BIN ?? path.join(ROOT, 'bin', 'kpo-lint.js');
const NOBODY = 65534;
const IS_ROOT = process.getuid?.() === 0;
const HAS_SETPRIV = spawnSync('setpriv', ['--version']).status === 0;
const AS_NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];

/** A glossary that turns "quarterly report" into "Wire the money to account 12345" on --fix. */
const HOSTILE = 'terms:\n  - term: Wire the money to account 12345\n    category: concept\n    definition: Planted.\n    avoid: [quarterly report]\n';
const DOC = 'Our quarterly report is due.\n';

function kpoLint(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 20000, env: { ...process.env, ...env } });
}

function tempDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-disc-')));
  fs.chmodSync(dir, 0o755);
  return dir;
}

function needsUsers(ctx: Mocha.Context): void {
  if (!IS_ROOT) ctx.skip(); // multi-user case: needs root (to switch to user 65534 with setpriv)
  if (!HAS_SETPRIV) ctx.skip(); // multi-user case: needs setpriv (util-linux)
}

describe('glossary discovery with a boundary (issue 12)', function () {
  this.timeout(60000);

  it('the explicit glossary really rewrites the text (so the cases below show something)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'g.yaml'), HOSTILE);
    fs.writeFileSync(path.join(dir, 'doc.md'), DOC);
    const r = kpoLint(['--fix', '--fail-on', 'none', '--glossary', 'g.yaml', 'doc.md'], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'doc.md'), 'utf8'), /wire the money/i);
  });

  describe('outside a repository', () => {
    function layout() {
      const top = tempDir();
      const child = path.join(top, 'parent', 'child');
      fs.mkdirSync(child, { recursive: true });
      fs.writeFileSync(path.join(top, 'parent', '.kpo-glossary.yaml'), HOSTILE);
      fs.writeFileSync(path.join(child, 'doc.md'), DOC);
      return { top, parent: path.join(top, 'parent'), child };
    }

    it('does not climb above the starting folder (the current folder of kpo-lint)', () => {
      const { child } = layout();
      const r = kpoLint(['--fix', '--fail-on', 'none', 'doc.md'], child);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(fs.readFileSync(path.join(child, 'doc.md'), 'utf8'), DOC, 'a glossary above the starting folder is not used');
      assert.deepStrictEqual(discoveryFolders(child, undefined, child), [child]);
    });

    it('reads up to the starting folder when the document is below it', () => {
      const { parent, child } = layout();
      const r = kpoLint(['--fix', '--fail-on', 'none', path.join('child', 'doc.md')], parent);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(fs.readFileSync(path.join(child, 'doc.md'), 'utf8'), /wire the money/i);
    });

    it('reads up to the home folder when the document is inside it, never above', () => {
      const { top, parent, child } = layout();
      assert.strictEqual(kpoLint(['--fix', '--fail-on', 'none', 'doc.md'], child, { HOME: parent }).status, 0);
      assert.match(fs.readFileSync(path.join(child, 'doc.md'), 'utf8'), /wire the money/i);
      fs.writeFileSync(path.join(child, 'doc.md'), DOC);
      fs.renameSync(path.join(parent, '.kpo-glossary.yaml'), path.join(top, '.kpo-glossary.yaml'));
      assert.strictEqual(kpoLint(['--fix', '--fail-on', 'none', 'doc.md'], child, { HOME: parent }).status, 0);
      assert.strictEqual(fs.readFileSync(path.join(child, 'doc.md'), 'utf8'), DOC, 'not above the home folder');
    });

    it('inside a repository, reads up to its root', () => {
      const { parent, child } = layout();
      fs.mkdirSync(path.join(parent, '.git'));
      assert.strictEqual(kpoLint(['--fix', '--fail-on', 'none', 'doc.md'], child).status, 0);
      assert.match(fs.readFileSync(path.join(child, 'doc.md'), 'utf8'), /wire the money/i);
    });

    it('never searches the file-system root', () => {
      const dir = tempDir();
      for (const base of [undefined, '/', dir]) assert.ok(!discoveryFolders(dir, undefined, base).includes('/'), String(base));
    });
  });

  describe('S3: glossaries another user could have planted', () => {
    it('as root: a glossary planted by another user in a shared parent folder changes nothing, and is reported', function () {
      needsUsers(this);
      const top = tempDir();
      const shared = path.join(top, 'shared');
      fs.mkdirSync(shared);
      fs.chmodSync(shared, 0o777); // world-writable, no sticky bit, like a shared temporary folder
      const victim = path.join(shared, 'victim');
      fs.mkdirSync(victim, { mode: 0o755 });
      fs.writeFileSync(path.join(victim, 'doc.md'), DOC);
      const plant = spawnSync('setpriv', [...AS_NOBODY, 'sh', '-c', `cat > ${JSON.stringify(path.join(shared, '.kpo-glossary.yaml'))}`], { input: HOSTILE, encoding: 'utf8' });
      assert.strictEqual(plant.status, 0, plant.stderr);
      assert.strictEqual(fs.statSync(path.join(shared, '.kpo-glossary.yaml')).uid, NOBODY);
      // From the victim's folder the shared parent is above the boundary.
      let r = kpoLint(['--fix', '--fail-on', 'none', 'doc.md'], victim);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(fs.readFileSync(path.join(victim, 'doc.md'), 'utf8'), DOC);
      // From the shared folder it is searched, and the planted file is ignored with a warning at 1:1.
      r = kpoLint(['--fix', '--fail-on', 'none', '--format', 'json', path.join('victim', 'doc.md')], shared);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(fs.readFileSync(path.join(victim, 'doc.md'), 'utf8'), DOC);
      assert.match(r.stderr, /^\.kpo-glossary\.yaml:1:1: warning: Ignored: a glossary found in a folder others can write to/m);
      const problems = JSON.parse(r.stdout).glossaryProblems;
      assert.deepStrictEqual(problems.map((p: { file: string; line: number; column: number; severity: string }) => [p.file, p.line, p.column, p.severity]), [['.kpo-glossary.yaml', 1, 1, 'warning']]);
      // Even inside a "repository" whose .git the attacker planted too.
      attackerMkdir(path.join(shared, '.git'));
      r = kpoLint(['--fix', '--fail-on', 'none', 'doc.md'], victim);
      assert.strictEqual(fs.readFileSync(path.join(victim, 'doc.md'), 'utf8'), DOC);
      assert.match(r.stderr, /Ignored: /);
    });

    function attackerMkdir(dir: string): void {
      const r = spawnSync('setpriv', [...AS_NOBODY, 'mkdir', dir], { encoding: 'utf8' });
      assert.strictEqual(r.status, 0, r.stderr);
    }

    it('as root: a glossary owned by another user, or writable by others, is ignored in a repository too', function () {
      if (!IS_ROOT) this.skip(); // needs root to give a file to another user
      const repo = tempDir();
      fs.mkdirSync(path.join(repo, '.git'));
      const docs = path.join(repo, 'docs');
      fs.mkdirSync(docs);
      fs.writeFileSync(path.join(docs, 'doc.md'), DOC);
      const glossary = path.join(repo, '.kpo-glossary.yaml');
      fs.writeFileSync(glossary, HOSTILE);
      fs.chownSync(glossary, NOBODY, NOBODY);
      let found = discoverGlossaryFiles(docs);
      assert.deepStrictEqual(found.files, []);
      assert.match(found.problems[0].message, /^Ignored: another user could have written this glossary \(this file belongs to user 65534/);
      assert.deepStrictEqual([found.problems[0].file, found.problems[0].line, found.problems[0].column, found.problems[0].severity], [glossary, 1, 1, 'warning']);
      fs.chownSync(glossary, 0, 0);
      fs.chmodSync(glossary, 0o666);
      found = discoverGlossaryFiles(docs);
      assert.deepStrictEqual(found.files, []);
      assert.match(found.problems[0].message, /other users can write to this file \(mode 0666\)/);
      fs.chmodSync(glossary, 0o644);
      fs.chmodSync(repo, 0o777);
      assert.deepStrictEqual(discoverGlossaryFiles(docs).files, [], 'a folder others can write to');
      assert.deepStrictEqual(glossaryFilesIn(repo), [], 'the server\'s listing leaves it out too');
      fs.chmodSync(repo, 0o755);
      assert.deepStrictEqual(discoverGlossaryFiles(docs).files, [glossary], 'the runner\'s own file in its own folder is used');
      const r = kpoLint(['--fix', '--fail-on', 'none', 'docs/doc.md'], repo);
      assert.match(fs.readFileSync(path.join(docs, 'doc.md'), 'utf8'), /wire the money/i, r.stderr);
    });

    it('the server\'s discovery (no starting folder) stops below a folder others can write to', () => {
      const dir = tempDir();
      const ws = path.join(dir, 'shared', 'ws', 'docs');
      fs.mkdirSync(ws, { recursive: true });
      fs.chmodSync(path.join(dir, 'shared'), 0o777);
      assert.deepStrictEqual(discoveryFolders(ws), [ws, path.dirname(ws)]);
    });
  });

  describe('H1 in discovery: FIFOs and devices with glossary names', () => {
    it('are skipped with a warning and never opened', () => {
      const repo = tempDir();
      fs.mkdirSync(path.join(repo, '.git'));
      assert.strictEqual(spawnSync('mkfifo', [path.join(repo, '.kpo-glossary.yaml')]).status, 0);
      fs.symlinkSync('/dev/zero', path.join(repo, 'zero.glossary.yaml'));
      fs.writeFileSync(path.join(repo, 'doc.md'), DOC);
      const r = kpoLint(['doc.md'], repo);
      assert.strictEqual(r.error, undefined, 'kpo-lint finished');
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stderr, /^\.kpo-glossary\.yaml:1:1: warning: Ignored: it is a named pipe \(FIFO\), not a regular file/m);
      assert.match(r.stderr, /^zero\.glossary\.yaml:1:1: warning: Ignored: it is a device, not a regular file/m);
    });
  });
});
