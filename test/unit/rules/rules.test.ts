// Data-driven rule tests: every case of cases.ts is one test, run with only its rule enabled.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CASES } from './cases';
import { builtinEngine, lintWith, markFindings, parseMarked } from '../helpers/engine';
import { RULES, rulePage } from '../../../server/src/core/rules';
import { applySafeFixes } from '../../../server/src/core/apply-fixes';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

describe('rules', () => {
  it('every rule is registered once, documented, and has at least 15 flag and 15 pass cases', () => {
    const ids = RULES.map((r) => r.id);
    assert.deepStrictEqual([...new Set(ids)].sort(), Object.keys(CASES).sort());
    for (const rule of RULES) {
      const page = path.join(ROOT, rulePage(rule.id));
      assert.ok(fs.existsSync(page), `${rule.id}: missing ${rulePage(rule.id)}`);
      assert.ok(fs.readFileSync(page, 'utf8').includes(rule.id), `${rule.id}: its page does not name it`);
      assert.ok(CASES[rule.id].flag.length >= 15, `${rule.id}: fewer than 15 flag cases`);
      assert.ok(CASES[rule.id].pass.length >= 15, `${rule.id}: fewer than 15 pass cases`);
    }
  });

  describe('messages', () => {
    // What the Problems panel shows: one short sentence quoting the words, without Markdown markers.
    const MESSAGES: Array<[string, string, string, string | undefined]> = [
      ['term/preferred', 'Our **Knowledge** Processing Outsourcing unit.', 'Use the standard term “Knowledge Process Outsourcing” instead of “Knowledge Processing Outsourcing”.', undefined],
      ['acronym/wrong-expansion', '*Information* Process Outsourcing (KPO) is growing.', '“Information Process Outsourcing” is not what “KPO” stands for: it is “Knowledge Process Outsourcing”.', undefined],
      ['kpo-bpo/attribute-mismatch', 'Knowledge Process Outsourcing (KPO) is high-volume and low-cost work.', '“high-volume” and “low-cost” are BPO traits, but “KPO” says it of KPO.', 'two rows'],
      ['kpo-bpo/attribute-mismatch', 'KPO and BPO.\n\n### Lot 2: Research services (KPO)\n\nLot 2 services are rule-based.', '“rule-based” is a BPO trait, but “Lot 2 services” (KPO, by the heading “Lot 2: Research services (KPO)”) says it of KPO.', 'Focus: KPO — Work that depends on knowledge and expert judgment. BPO — Routine work repeated to a fixed, standard procedure.'],
      ['acronym/undefined', 'KPO is growing. Knowledge Process Outsourcing (KPO) is defined later.', '“KPO” is used before it is defined: spell it out here, as “Knowledge Process Outsourcing (KPO)”.', 'The document defines it further down: move that definition to its first use.'],
    ];
    for (const [ruleId, text, message, detail] of MESSAGES) {
      it(`${ruleId}: ${JSON.stringify(text)}`, () => {
        const [finding] = lintWith(ruleId, text);
        assert.ok(finding, 'a finding');
        assert.strictEqual(finding.message, message);
        assert.ok(finding.message.length <= 130, `${finding.message.length} characters`);
        if (detail === 'two rows') assert.strictEqual(finding.detail!.split(/\b(?:Cost|Volume|Focus|Skill Level|Value)\b: KPO — /).length - 1, 2, finding.detail);
        else assert.strictEqual(finding.detail, detail);
      });
    }
  });

  for (const [ruleId, cases] of Object.entries(CASES)) {
    describe(ruleId, () => {
      for (const marked of cases.flag) {
        it(`flags: ${JSON.stringify(marked)}`, () => {
          const { text, spans } = parseMarked(marked);
          assert.ok(spans.length > 0, 'a flag case needs [[markers]]');
          const findings = lintWith(ruleId, text);
          assert.strictEqual(markFindings(text, findings), marked);
          for (const f of findings) {
            assert.strictEqual(f.ruleId, ruleId);
            assert.ok(f.message.length > 20, 'a finding explains itself');
          }
        });
      }
      for (const text of cases.pass) {
        it(`passes: ${JSON.stringify(text)}`, () => {
          const findings = lintWith(ruleId, text);
          assert.strictEqual(markFindings(text, findings), text);
        });
      }
      for (const [input, expected] of cases.fixes) {
        it(`fixes: ${JSON.stringify(input)}`, () => {
          const findings = lintWith(ruleId, input);
          assert.ok(findings.length > 0, 'the fix case must be flagged');
          const fixed = applySafeFixes(input, findings).text;
          assert.strictEqual(fixed, expected);
          assert.deepStrictEqual(lintWith(ruleId, fixed).filter((f) => f.fixes.some((x) => x.safe)), [], 'no fixable finding remains');
        });
      }
      for (const [input, title] of cases.suggests) {
        it(`suggests, never applies: ${JSON.stringify(input)} → ${title}`, () => {
          const findings = lintWith(ruleId, input);
          assert.ok(findings.length > 0, 'the suggestion case must be flagged');
          const titles = findings.flatMap((f) => f.fixes.map((x) => x.title));
          assert.ok(titles.includes(title), `offered: ${titles.join(' | ')}`);
          assert.deepStrictEqual(findings.flatMap((f) => f.fixes.filter((x) => x.safe).map((x) => x.title)), [], 'no safe fix');
          assert.strictEqual(applySafeFixes(input, findings).text, input, '--fix leaves the text alone');
        });
      }
    });
  }

  it('a part named as one side by its heading ("Lot 2" under "### Lot 2: … (KPO)") gets no fix: its name is not a side to switch', () => {
    const text = 'Knowledge Process Outsourcing (KPO) and Business Process Outsourcing (BPO).\n\n### Lot 2: Research services (KPO)\n\nLot 2 will also cover data entry. Lot 2 services are rule-based.';
    const findings = builtinEngine().lint(builtinEngine().analyze(text)).filter((f) => f.ruleId.startsWith('kpo-bpo/'));
    assert.deepStrictEqual(findings.map((f) => [f.ruleId, text.slice(f.start, f.end), f.fixes.length]), [
      ['kpo-bpo/task-mismatch', 'data entry', 0],
      ['kpo-bpo/attribute-mismatch', 'rule-based', 0],
    ]);
  });

  it('severity settings change the reported severity, and "off" disables a rule', () => {
    const engine = builtinEngine();
    const analysis = engine.analyze('KPO is growing.');
    assert.strictEqual(engine.lint(analysis)[0].severity, 'info');
    assert.strictEqual(engine.lint(analysis, { rules: { 'acronym/undefined': 'error' } })[0].severity, 'error');
    assert.deepStrictEqual(engine.lint(analysis, { rules: { 'acronym/undefined': 'off' } }), []);
  });
});
