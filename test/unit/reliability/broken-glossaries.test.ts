// The broken-glossary corpus (test/fixtures/broken-glossaries): every file yields a positioned,
// readable problem; the built-in entries still load beside it; kpo-lint exits 2 and prints the
// problems as file:line:column. A huge file, a folder and a missing file are made at test time.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createEngine } from '../../../server/src/core/create-engine';
import { readGlossaryFiles } from '../../../server/src/node/files';
import { main } from '../../../server/src/cli/kpo-lint';
import { builtinSource, fixture } from '../helpers/engine';

const DIR = fixture('broken-glossaries');
const expected: Record<string, string> = JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8'));
const builtinCount = createEngine([builtinSource()]).engine.glossary.entries.length;

function check(file: string, pattern: RegExp): void {
  const read = readGlossaryFiles([file]);
  const created = createEngine([builtinSource(), ...read.sources]);
  const problems = [...read.problems, ...created.problems];
  assert.ok(problems.length > 0, 'no problem reported');
  const match = problems.find((p) => pattern.test(p.message));
  assert.ok(match, `no problem matches ${pattern}: ${JSON.stringify(problems.map((p) => p.message))}`);
  for (const p of problems) {
    assert.strictEqual(p.file, file);
    assert.ok(p.line >= 1 && p.column >= 1, 'positioned');
    assert.ok(p.message.length >= 20 && !/undefined|\[object/.test(p.message), `readable: ${p.message}`);
  }
  assert.ok(created.engine.glossary.entries.length >= builtinCount, 'the built-in entries still load');

  let stderr = '';
  const code = main(['--glossary', file, '-'], { stdout: () => undefined, stderr: (s) => (stderr += s), readStdin: () => 'KPO.', cwd: os.tmpdir(), color: false });
  if (problems.some((p) => p.severity === 'error')) {
    assert.strictEqual(code, 2);
    assert.match(stderr, /:\d+:\d+: error: /);
  }
}

describe('broken glossaries', () => {
  it('the corpus holds at least 30 files, each with an expectation', () => {
    const files = fs.readdirSync(DIR).filter((f) => f !== 'expected.json' && f !== 'README.md');
    assert.ok(files.length >= 30, `${files.length} files`);
    assert.deepStrictEqual(files.sort(), Object.keys(expected).sort());
  });

  for (const [name, pattern] of Object.entries(expected)) {
    it(`${name}: ${pattern}`, () => check(path.join(DIR, name), new RegExp(pattern)));
  }

  it('a file over the size limit', function () {
    this.timeout(60000);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-huge-')), 'huge.glossary.yaml');
    fs.writeFileSync(file, 'terms:\n' + '  - term: x\n    category: concept\n    definition: y\n'.repeat(400000));
    check(file, /over the 16 MB limit/);
  });

  it('a folder where a file is expected, and a missing file', () => {
    check(fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-dir-')), /is a folder/);
    check(path.join(os.tmpdir(), 'kpo-no-such-file.yaml'), /no such file/);
  });
});
