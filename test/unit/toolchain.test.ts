// Fresh-machine honesty: every external program a suite of `npm test` runs (Neovim, code-server,
// Chromium, ...) is installed by scripts/test.mjs before that suite, because the suite names the
// toolchain part that provides it (scripts/suites.mjs). This test reads each suite's sources and fails
// when one of them uses a program whose part the suite does not name, so the next tool cannot be
// forgotten the way Neovim once was (it ran in the protocol suite, but was installed only for VS Code).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

const ROOT = path.join(__dirname, '..', '..', '..');

interface Suite {
  name: string;
  tools: string[];
  sources: string[];
}
interface Part {
  programs: string[];
  uses: RegExp;
}

/** The source files under a folder or file of the repository (TypeScript, JavaScript, Lua). */
function sourceFiles(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [abs];
  const out: string[] = [];
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const child = path.join(rel, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(child));
    else if (/\.(ts|mts|js|mjs|cjs|lua)$/.test(entry.name)) out.push(path.join(ROOT, child));
  }
  return out;
}

/** The scripts/ modules a file imports (relative imports), followed transitively. */
function withImportedScripts(files: string[]): string[] {
  const seen = new Set(files);
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"](\.{1,2}\/[^'"]+)['"]|path\.join\(ROOT,\s*'scripts',\s*'([^']+)',\s*'([^']+\.mjs)'\)/g)) {
      const target = m[1] ? path.resolve(path.dirname(file), m[1]) : path.join(ROOT, 'scripts', m[2], m[3]);
      for (const candidate of [target, `${target}.ts`, `${target}.mjs`, `${target}.js`]) {
        if (candidate.startsWith(path.join(ROOT, 'scripts')) && fs.existsSync(candidate) && fs.statSync(candidate).isFile() && !seen.has(candidate)) {
          seen.add(candidate);
          queue.push(candidate);
        }
      }
    }
  }
  return [...seen];
}

describe('npm test installs the tools of each suite before running it', () => {
  let suites: Suite[];
  let parts: Record<string, Part>;

  before(async () => {
    suites = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'suites.mjs')).href)).SUITES;
    parts = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'e2e', 'toolchain.mjs')).href)).PARTS;
  });

  it('names only toolchain parts that scripts/e2e/toolchain.mjs can install', () => {
    for (const suite of suites) for (const tool of suite.tools) assert.ok(tool in parts, `suite ${suite.name} names "${tool}", which the toolchain does not provide`);
  });

  it('lists, for every suite, the part of every external program its sources use', () => {
    const missing: string[] = [];
    for (const suite of suites) {
      const installer = path.join(ROOT, 'scripts', 'e2e', 'toolchain.mjs');
      const files = withImportedScripts(suite.sources.flatMap(sourceFiles)).filter((f) => f !== installer);
      assert.ok(files.length > 0, `suite ${suite.name}: none of its sources exist (${suite.sources.join(', ')})`);
      for (const file of files) {
        // Code only: comments describe how to call things, which is not calling them.
        const text = fs.readFileSync(file, 'utf8').split('\n').filter((line) => !/^\s*(\/\/|\*|\/\*|--)/.test(line)).join('\n');
        for (const [part, { uses, programs }] of Object.entries(parts)) {
          if (uses.test(text) && !suite.tools.includes(part)) missing.push(`${suite.name}: ${path.relative(ROOT, file)} uses ${programs.join('/')} but the suite's tools are [${suite.tools.join(', ')}]`);
        }
      }
    }
    assert.deepStrictEqual(missing, []);
  });

  it('covers every test folder with a suite', () => {
    const covered = new Set(suites.flatMap((s) => s.sources.map((src) => src.split('/').slice(0, 2).join('/'))));
    const testDirs = fs.readdirSync(path.join(ROOT, 'test'), { withFileTypes: true }).filter((d) => d.isDirectory() && !['fixtures', 'e2e', 'eval'].includes(d.name));
    for (const dir of testDirs) assert.ok(covered.has(`test/${dir.name}`), `test/${dir.name} is run by no suite of scripts/suites.mjs`);
  });
});
