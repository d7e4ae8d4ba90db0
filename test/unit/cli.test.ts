// kpo-lint, in-process through main() with captured output, and once through the real binary.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/kpo-lint';

const ROOT = path.join(__dirname, '..', '..', '..');
const SAMPLE = path.join(ROOT, 'samples', 'proposal.md');

function lint(args: string[], options: { stdin?: string | Uint8Array; cwd?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const code = main(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readStdin: () => options.stdin ?? '',
    cwd: options.cwd ?? ROOT,
    color: false,
  });
  return { code, stdout, stderr };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-lint-'));
}

describe('kpo-lint', () => {
  it('reports positioned findings on the sample proposal and exits 1', () => {
    const { code, stdout } = lint(['samples/proposal.md']);
    assert.strictEqual(code, 1);
    for (const rule of ['kpo-bpo/task-mismatch', 'kpo-bpo/attribute-mismatch', 'acronym/wrong-expansion', 'acronym/undefined', 'term/preferred']) {
      assert.ok(stdout.includes(rule), `no ${rule} finding in:\n${stdout}`);
    }
    assert.match(stdout, /^samples\/proposal\.md$/m);
    assert.match(stdout, /^\s+\d+:\d+\s+warning\s+“customer support” is a routine BPO task/m);
    assert.match(stdout, /problems \(1 error, \d+ warnings, \d+ info\)/);
  });

  it('JSON output has 1-based positions that point at the flagged text', () => {
    const { stdout } = lint(['--format', 'json', 'samples/proposal.md']);
    const report = JSON.parse(stdout);
    const text = fs.readFileSync(SAMPLE, 'utf8');
    const lines = text.split('\n');
    const findings = report.files[0].findings;
    assert.ok(findings.length >= 7);
    for (const f of findings) {
      assert.strictEqual(lines[f.line - 1].slice(f.column - 1, f.line === f.endLine ? f.endColumn - 1 : undefined), text.slice(f.start, f.line === f.endLine ? f.end : text.indexOf('\n', f.start)));
    }
    assert.strictEqual(report.summary.error, findings.filter((f: { severity: string }) => f.severity === 'error').length);
  });

  it('SARIF output is SARIF 2.1.0 with rules, regions and fixes', () => {
    const { stdout } = lint(['--format', 'sarif', 'samples/proposal.md']);
    const sarif = JSON.parse(stdout);
    assert.strictEqual(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.strictEqual(run.tool.driver.name, 'kpo-lint');
    assert.strictEqual(run.tool.driver.rules.length, 5);
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'acronym/wrong-expansion');
    assert.strictEqual(result.level, 'error');
    assert.strictEqual(result.locations[0].physicalLocation.artifactLocation.uri, 'samples/proposal.md');
    assert.ok(result.locations[0].physicalLocation.region.startLine > 1);
    assert.ok(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text.length > 0);
    assert.strictEqual(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
  });

  it('--fix rewrites the file and leaves no fixable finding', () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.md');
    fs.copyFileSync(SAMPLE, file);
    const { stdout } = lint(['--fix', '--format', 'json', file], { cwd: dir });
    const report = JSON.parse(stdout);
    assert.ok(report.files[0].fixed >= 1);
    const fixed = fs.readFileSync(file, 'utf8');
    assert.notStrictEqual(fixed, fs.readFileSync(SAMPLE, 'utf8'));
    assert.ok(fixed.includes('Knowledge Process Outsourcing unit'));
    // Only safe fixes are applied: the KPO/BPO switches stay suggestions, the sentences are untouched.
    assert.ok(fixed.includes('Our KPO desk will take over customer support tickets'));
    assert.ok(fixed.includes('The BPO team will prepare the intellectual property research'));
    const again = JSON.parse(lint(['--format', 'json', file], { cwd: dir }).stdout);
    assert.deepStrictEqual(again.files[0].findings.filter((f: { fixes: Array<{ safe: boolean }> }) => f.fixes.some((x) => x.safe)), []);
    assert.ok(again.files[0].findings.some((f: { ruleId: string; fixes: Array<{ safe: boolean }> }) => f.ruleId === 'kpo-bpo/task-mismatch' && f.fixes.length > 0), 'suggestions remain for the editor');
    assert.deepStrictEqual(fs.readdirSync(dir), ['p.md'], 'no temporary file is left behind');
  });

  it('reads standard input with "-", and --fix prints the fixed text', () => {
    const { code, stdout } = lint(['-'], { stdin: 'Our KPO desk will take over customer support tickets.\n' });
    assert.strictEqual(code, 1);
    assert.match(stdout, /<stdin>/);
    const fixed = lint(['--fix', '-'], { stdin: 'Knowledge Processing Outsourcing (KPO) rocks.\n' });
    assert.strictEqual(fixed.stdout, 'Knowledge Process Outsourcing (KPO) rocks.\n');
  });

  it('decodes standard input bytes strictly, keeps its BOM with --fix, and bounds its size', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const fixed = lint(['--fix', '-'], { stdin: Buffer.concat([bom, Buffer.from('Knowledge Processing Outsourcing (KPO) rocks.\n')]) });
    assert.strictEqual(fixed.stdout, '\ufeffKnowledge Process Outsourcing (KPO) rocks.\n');
    const bad = lint(['--format', 'json', '-'], { stdin: Buffer.from([0x4b, 0x50, 0x4f, 0xc3, 0x28]) });
    assert.strictEqual(bad.code, 2);
    const report = JSON.parse(bad.stdout);
    assert.deepStrictEqual(report.files[0].problems, [{ severity: 'error', message: 'Not checked: it is not valid UTF-8 text: save it as UTF-8.', line: 1, column: 1 }]);
    assert.strictEqual(report.summary.fileProblems, 1);
    let stderr = '';
    const code = main(['--max-size', '0.5', '-'], { stdout: () => undefined, stderr: (s) => (stderr += s), readStdin: (max) => (max === 524288 ? { error: 'is over the 0.5 MB limit' } : 'x'), cwd: ROOT, color: false });
    assert.strictEqual(code, 2, stderr);
  });

  it('lints folders and globs', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'a.md'), 'KPO is growing.\n');
    fs.writeFileSync(path.join(dir, 'sub', 'b.md'), 'BPO is growing.\n');
    fs.writeFileSync(path.join(dir, 'c.txt'), 'KPO is growing.\n');
    const folder = JSON.parse(lint(['--format', 'json', '.'], { cwd: dir }).stdout);
    assert.deepStrictEqual(folder.files.map((f: { file: string }) => f.file), ['a.md', path.join('sub', 'b.md')]);
    const glob = JSON.parse(lint(['--format', 'json', 'sub/*.md'], { cwd: dir }).stdout);
    assert.deepStrictEqual(glob.files.map((f: { file: string }) => f.file), [path.join('sub', 'b.md')]);
  });

  it('--fail-on and --rule set the exit status and severities', () => {
    assert.strictEqual(lint(['-', '--fail-on', 'warning'], { stdin: 'KPO is growing.' }).code, 0, 'an info finding is below warning');
    assert.strictEqual(lint(['-', '--fail-on', 'info'], { stdin: 'KPO is growing.' }).code, 1);
    assert.strictEqual(lint(['-', '--fail-on', 'info', '--rule', 'acronym/undefined=off'], { stdin: 'KPO is growing.' }).code, 0);
    assert.strictEqual(lint(['-', '--rule', 'acronym/undefined=error'], { stdin: 'KPO is growing.' }).code, 1);
    assert.strictEqual(lint(['samples/proposal.md', '--fail-on', 'none']).code, 0);
  });

  it('exits 2 with a clear message for a missing file, a folder without Markdown, or a bad option', () => {
    const missing = lint(['nope.md']);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /nope\.md: no such file or folder/);
    const empty = lint(['.'], { cwd: tempDir() });
    assert.strictEqual(empty.code, 2);
    assert.match(empty.stderr, /holds no Markdown files/);
    const option = lint(['--colour', 'x.md']);
    assert.strictEqual(option.code, 2);
    assert.match(option.stderr, /--colour/);
    assert.strictEqual(lint(['--format', 'xml', 'x.md']).code, 2);
    assert.strictEqual(lint([]).code, 2);
  });

  it('exits 2 with positioned problems for a broken glossary', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'g.yaml'), 'terms:\n  - term: Alpha\n    category: concept\n');
    const result = lint(['--glossary', 'g.yaml', SAMPLE], { cwd: dir });
    assert.strictEqual(result.code, 2);
    assert.match(result.stderr, /^g\.yaml:2:5: error: This entry has no "definition"/m);
    const folder = lint(['--glossary', '.', SAMPLE], { cwd: dir });
    assert.strictEqual(folder.code, 2);
    assert.match(folder.stderr, /is a folder/);
  });

  it('adds terms from --glossary files', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'g.yaml'), 'terms:\n  - term: Patent landscaping\n    category: kpo-service\n    definition: Mapping the patents of a field.\n');
    const result = lint(['--glossary', 'g.yaml', '--format', 'json', '-'], { cwd: dir, stdin: 'Our BPO team does patent landscaping.' });
    const findings = JSON.parse(result.stdout).files[0].findings;
    assert.ok(findings.some((f: { ruleId: string; entryId: string }) => f.ruleId === 'kpo-bpo/task-mismatch' && f.entryId === 'patent-landscaping'));
  });

  it('--help and --version', () => {
    assert.match(lint(['--help']).stdout, /Usage: kpo-lint/);
    assert.match(lint(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('the installed binary runs (bundle in dist/)', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kpo-lint.js'), '--format', 'json', SAMPLE], { encoding: 'utf8' });
    assert.strictEqual(result.status, 1, result.stderr);
    assert.ok(JSON.parse(result.stdout).files[0].findings.length > 0);
  });

  it('stops quietly when its reader goes away (kpo-lint … | head)', () => {
    // A report far larger than a pipe's buffer, read for its first line only.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-pipe-'));
    try {
      const doc = path.join(dir, 'big.md');
      fs.writeFileSync(doc, 'Our BPO team does equity research and patent landscaping.\n\n'.repeat(4000));
      const script = `"${process.execPath}" "${path.join(ROOT, 'bin', 'kpo-lint.js')}" --no-discovery --format json "${doc}" | head -c 20`;
      const result = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
      assert.strictEqual(result.stdout, '{\n  "version": 1,\n  ');
      assert.doesNotMatch(result.stderr, /EPIPE|Unhandled|at /, result.stderr);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
