// kpo-lint --fix writes atomically: killed at any moment, the file is either the original or the fully
// fixed text, never a mix or a truncated file.

import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'kpo-lint.js');

describe('kpo-lint --fix is atomic', function () {
  this.timeout(120000);

  it('leaves the original or the fixed file whole when killed mid-run on a large file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-atomic-'));
    const paragraph = 'Our Knowledge Processing Outsourcing desk will take over customer support tickets. KPO (Business Process Outsourcing) is wrong.\n\n';
    const original = 'Knowledge Process Outsourcing (KPO) and Business Process Outsourcing (BPO) are defined here.\n\n' + paragraph.repeat(20000);
    const file = path.join(dir, 'big.md');
    // The fully fixed text, for comparison.
    fs.writeFileSync(file, original);
    const full = spawnSync(process.execPath, [BIN, '--fix', '--fail-on', 'none', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    assert.strictEqual(full.status, 0, full.stderr);
    const fixed = fs.readFileSync(file, 'utf8');
    assert.notStrictEqual(fixed, original);

    const outcomes = new Set<string>();
    for (const delay of [50, 150, 300, 500, 800, 1200, 1800]) {
      fs.writeFileSync(file, original);
      const child = spawn(process.execPath, [BIN, '--fix', '--fail-on', 'none', file], { stdio: 'ignore' });
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));
      const now = fs.readFileSync(file, 'utf8');
      assert.ok(now === original || now === fixed, `after ${delay} ms the file is neither the original nor the fixed text (${now.length} chars)`);
      outcomes.add(now === original ? 'original' : 'fixed');
    }
    assert.ok(outcomes.has('original'), 'some kill came before the write');
  });
});
