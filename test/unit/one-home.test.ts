// One home per idea: each idea below is written in exactly one module of server/src and client/src.
// A pattern recognises the idea's code; it must match in its home (so the pattern is real) and nowhere
// else (so nobody writes it again by hand instead of importing it).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

const IDEAS: Array<{ idea: string; home: string; pattern: RegExp }> = [
  { idea: '1-based line/column to a 0-based position', home: 'server/src/core/positions.ts', pattern: /\b(?:line|column)\s*-\s*1\b/ },
  { idea: 'a binary search', home: 'server/src/core/search.ts', pattern: /\(\s*lo\s*\+\s*hi\s*\)|\blo\s*\+\s*\(\s*\(\s*hi\s*-\s*lo\s*\)|>>>\s*1\b/ },
  { idea: 'the “term (ACRONYM)” label of an entry', home: 'server/src/core/glossary/label.ts', pattern: /\$\{[\w.]*\bterm\}\s*\(\$\{[\w.]*\bacronym\}\)/ },
  { idea: 'which file names are glossary files', home: 'server/src/shared/glossary-files.ts', pattern: /\\\.glossary\\\.|\{\.kpo-glossary,/ },
  { idea: 'the list of severities', home: 'server/src/core/types.ts', pattern: /'error',\s*'warning',\s*'info',\s*'hint'/ },
  { idea: 'line starts of a text', home: 'server/src/core/positions.ts', pattern: /function\s+lineStartsOf\b/ },
];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sources(rel));
    else if (entry.name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

/** Lines that match, as "file:line", comments left out (a comment may name the idea). */
function matches(files: string[], pattern: RegExp): string[] {
  const found: string[] = [];
  for (const file of files) {
    fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').forEach((line, i) => {
      const code = line.replace(/^\s*(\/\/|\*|\/\*).*$/, '');
      if (pattern.test(code)) found.push(`${file}:${i + 1}`);
    });
  }
  return found;
}

describe('one home per idea', () => {
  const all = [...sources('server/src'), ...sources('client/src')];
  for (const { idea, home, pattern } of IDEAS) {
    it(`${idea}: only in ${home}`, () => {
      const found = matches(all, pattern);
      assert.ok(found.some((f) => f.startsWith(`${home}:`)), `the pattern no longer finds the idea in its home: ${pattern}`);
      assert.deepStrictEqual(found.filter((f) => !f.startsWith(`${home}:`)), []);
    });
  }

  it('the check finds a copy written elsewhere', () => {
    const dir = fs.mkdtempSync(path.join(ROOT, 'out', 'one-home-'));
    try {
      const file = path.join(dir, 'copy.ts');
      fs.writeFileSync(file, 'const at = { line: p.line - 1, character: p.column - 1 };\nconst label = `${e.term} (${e.acronym})`;\n');
      const rel = path.relative(ROOT, file);
      assert.deepStrictEqual(matches([rel], IDEAS[0].pattern), [`${rel}:1`]);
      assert.deepStrictEqual(matches([rel], IDEAS[2].pattern), [`${rel}:2`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
