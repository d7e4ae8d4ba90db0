// Whole-process figures of `kpo-lint` (node bin/kpo-lint.js, the bundled CLI): wall time, CPU time
// (user + system) and peak resident memory, read from GNU time (/usr/bin/time -v) when it is there.
// Prints JSON lines.
//
//   node scripts/bench/cli.mjs [--quick]

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SIZES } from './corpus.mjs';
import { CORPUS, ROOT, SYNTHETIC, emit, log, median, round } from './lib.mjs';

const quick = process.argv.includes('--quick');
const TIME = '/usr/bin/time';
const hasTime = fs.existsSync(TIME);
const bin = path.join(ROOT, 'bin', 'kpo-lint.js');

function once(args) {
  const command = hasTime ? TIME : process.execPath;
  const argv = hasTime ? ['-v', process.execPath, bin, ...args] : [bin, ...args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(command, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`kpo-lint ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const field = (name) => {
    const m = new RegExp(`${name}[^:]*:\\s*([\\d.]+)`).exec(r.stderr ?? '');
    return m ? Number(m[1]) : NaN;
  };
  return { wall, cpu: (field('User time') + field('System time')) * 1000, rss: field('Maximum resident set size') / 1024 };
}

function run(label, args, runs) {
  log(`cli: ${label}`);
  once(args); // warm the file cache
  const results = Array.from({ length: runs }, () => once(args));
  return {
    wallMs: round(median(results.map((r) => r.wall)), 1),
    cpuMs: round(median(results.map((r) => r.cpu)), 1),
    rssMB: round(median(results.map((r) => r.rss)), 1),
    runs,
  };
}

// Start-up alone: Node.js, and kpo-lint loading its bundle (--version reads no glossary, no document).
const node = (() => {
  const r = [];
  for (let i = 0; i < (quick ? 3 : 5); i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
    r.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return round(median(r), 1);
})();
emit({ kind: 'cli-startup', nodeMs: node, versionMs: run('kpo-lint --version', ['--version'], quick ? 3 : 5).wallMs, measuredWith: hasTime ? TIME : 'wall clock only' });

for (const s of SIZES) {
  if (quick && s.key === '10m') continue;
  const file = path.join(CORPUS, `doc-${s.key}.md`);
  emit({ kind: 'cli', size: s.key, glossary: 'builtin', ...run(`${s.name}, built-in glossary`, ['--no-color', file], s.key === '10m' ? 3 : quick ? 3 : 5) });
}
{
  const file = path.join(CORPUS, 'doc-1m.md');
  emit({ kind: 'cli', size: '1m', glossary: 'synthetic', ...run('1 MB, built-in + 10,000-term glossary', ['--no-color', '--glossary', SYNTHETIC, file], quick ? 2 : 3) });
}
