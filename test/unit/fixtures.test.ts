// Fixture documents: each line's expected findings are marked with <!-- expect: rule-id ... --> at
// its end. The test compares them with the findings, then applies every safe fix, compares the
// result with the snapshot <name>.fixed.md (UPDATE_SNAPSHOTS=1 writes it), and lints the fixed text
// again: no fixable finding may remain.

import * as assert from 'assert';
import * as fs from 'fs';
import { builtinEngine, fixture } from './helpers/engine';
import { fixAll } from '../../server/src/core/apply-fixes';
import { lineOf, lineStartsOf } from '../../server/src/core/positions';

const DIR = fixture();
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md'));

function expectations(text: string): string[] {
  const out: string[] = [];
  text.split(/\r\n|\n/).forEach((line, i) => {
    for (const m of line.matchAll(/<!-- expect: ([^>]*?) -->/g)) for (const id of m[1].split(/\s+/)) out.push(`${i + 1} ${id}`);
  });
  return out.sort();
}

describe('fixtures', () => {
  const engine = builtinEngine();
  for (const name of files) {
    it(`${name}: findings match the markers, fixes round-trip`, () => {
      const text = fs.readFileSync(`${DIR}/${name}`, 'utf8');
      const findings = engine.lint(engine.analyze(text));
      const starts = lineStartsOf(text);
      const got = findings.map((f) => `${lineOf(starts, f.start) + 1} ${f.ruleId}`).sort();
      assert.deepStrictEqual(got, expectations(text));

      const fixed = fixAll(text, (t) => engine.lint(engine.analyze(t))).text;
      const remaining = engine.lint(engine.analyze(fixed)).filter((f) => f.fixes.some((x) => x.safe));
      assert.deepStrictEqual(remaining, [], 'a fixable finding remains after fixing');
      const snapshot = `${DIR}/${name.replace(/\.md$/, '.fixed.md')}`;
      if (process.env.UPDATE_SNAPSHOTS || !fs.existsSync(snapshot)) fs.writeFileSync(snapshot, fixed);
      assert.strictEqual(fixed, fs.readFileSync(snapshot, 'utf8'));
    });
  }
});
