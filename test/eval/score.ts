// Scores the rules against the evaluation documents (test/eval/dev, test/eval/test): realistic pages
// about KPO, BPO and LPO, written by helpers that never saw the rules, with the true problems labelled
// inline at the end of their line:
//   … data entry and call centre staffing. <!-- expect: kpo-bpo/task-mismatch "data entry" -->
//   <!-- maybe: acronym/undefined "SLA" -->   (debatable: neither required nor counted as wrong)
//   <!-- expect: acronym/wrong-expansion|term/preferred "Knowledge Processing Outsourcing" -->
// A finding matches a label when its rule is one the label names and its range overlaps the quoted
// words on the label's line (for the two comparison rules: or is in the same sentence as them). Precision = matched findings / all findings (findings matching a `maybe`
// label are left out); recall = matched `expect` labels / all `expect` labels.
//
// The safe fixes are checked too, as `kpo-lint --fix` applies them: a fix is damaging when it comes
// from a finding that no label supports, when it switches KPO and BPO, or when it nests an expansion
// in another; and after the fixes, linting again must find nothing more to fix automatically.
//
// Used by scripts/eval.mjs (`npm run eval`, which prints the tables of docs/quality.md) and by
// test/unit/eval.test.ts (which holds the targets).

import * as fs from 'fs';
import * as path from 'path';
import type { Engine } from '../../server/src/core/engine';
import { fixAll, hasSafeFix } from '../../server/src/core/apply-fixes';
import { RULES } from '../../server/src/core/rules';
import type { Finding } from '../../server/src/core/types';
import { normalizeKey } from '../../server/src/core/match/normalize';

export interface Label {
  kind: 'expect' | 'maybe';
  rules: string[];
  quote: string;
  /** 1-based line of the label, and the ranges of the quoted words on it (document offsets). */
  line: number;
  spans: Array<[number, number]>;
  matched: boolean;
  /** An `expect` label that calls one of the glossary's accepted expansions wrong (counted as `maybe`). */
  contradicts?: boolean;
}

export interface DocumentScore {
  file: string;
  words: number;
  labels: Label[];
  findings: Finding[];
  /** Findings matching no label. */
  falseAlarms: Finding[];
  /** The labels each finding matches (see `supports`). */
  hits: Map<Finding, Label[]>;
  /** `expect` labels no finding matched. */
  misses: Label[];
  /** Safe fixes that damaged the text, with why. */
  damaging: Array<{ finding: Finding; why: string }>;
  /** Findings with a safe fix left after `--fix` (should be none). */
  leftAfterFix: Finding[];
  /** Lines that changed under `--fix`: [before, after]. */
  changedLines: Array<[string, string]>;
}

export interface RuleScore {
  rule: string;
  findings: number;
  correct: number;
  falseAlarms: number;
  labels: number;
  found: number;
  precision: number;
  recall: number;
}

export interface SplitScore {
  split: string;
  documents: DocumentScore[];
  rules: RuleScore[];
  words: number;
  damaging: number;
  leftAfterFix: number;
}

const LABEL = /<!--\s*(expect|maybe):\s*([\w/|-]+)\s+"([^"]+)"\s*-->/g;

/** The labels of a document, with the offsets of their quoted words. Throws on a label whose words are not on its line. */
export function parseLabels(file: string, text: string): Label[] {
  const labels: Label[] = [];
  let lineStart = 0;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(LABEL)) {
      const quote = m[3];
      const before = line.slice(0, m.index);
      const spans: Array<[number, number]> = [];
      for (let at = before.indexOf(quote); at >= 0; at = before.indexOf(quote, at + 1)) spans.push([lineStart + at, lineStart + at + quote.length]);
      if (spans.length === 0) throw new Error(`${file}:${i + 1}: the label's words "${quote}" are not on its line`);
      const rules = m[2].split('|');
      for (const rule of rules) if (!RULES.some((r) => r.id === rule)) throw new Error(`${file}:${i + 1}: unknown rule "${rule}" in a label`);
      labels.push({ kind: m[1] as Label['kind'], rules, quote, line: i + 1, spans, matched: false });
    }
    lineStart += line.length + 1;
  });
  return labels;
}

function overlaps(f: { start: number; end: number }, spans: Array<[number, number]>): boolean {
  return spans.some(([a, b]) => f.start < b && a < f.end);
}

/** The comparison rules, where a labeller quotes one phrase of a mistake that often has several. */
const COMPARISON = new Set(['kpo-bpo/task-mismatch', 'kpo-bpo/attribute-mismatch']);

/**
 * Whether finding `f` points at the mistake `label` marks. Its range overlaps the quoted words; or, for
 * the comparison rules, it is in the same sentence as them: "Our KPO team does the inbound patient
 * calls and eligibility checks" is one mistake, labelled on one of its two tasks, and a finding on the
 * other shows the writer the same sentence for the same reason.
 */
function supports(text: string, label: Label, f: Finding): boolean {
  if (!label.rules.includes(f.ruleId)) return false;
  if (overlaps(f, label.spans)) return true;
  if (!COMPARISON.has(f.ruleId)) return false;
  return label.spans.some(([a, b]) => !/[.!?;]\s/.test(text.slice(Math.min(a, f.start), Math.max(b, f.end))));
}

/** The lines of `text` whose expansion is nested in another ("Outsourcing (Knowledge Process Outsourcing (KPO))"). */
function nestedExpansions(text: string): string[] {
  return text.split('\n').filter((line) => /\([^()]*\([A-Z][A-Za-z&]*[A-Z]s?\)[^()]*\)|\(([A-Z][A-Za-z&]*[A-Z])s?\)[*_\s]*\(\1s?\)/.test(line));
}

/** How many times each side's acronym, and each side's expansion, appears on a line. */
function sideCounts(line: string): { kpo: number; bpo: number } {
  const count = (re: RegExp) => (line.match(re) ?? []).length;
  return {
    kpo: count(/\bKPOs?\b/g) + count(/\bknowledge\W+(based\W+)?process(es|ing)?\W+outsourcing\b/gi),
    bpo: count(/\bBPOs?\b/g) + count(/\bbusiness\W+process(es|ing)?\W+outsourcing\b/gi),
  };
}

/** Whether a line lost a mention of one side and gained one of the other: a KPO↔BPO switch. */
function switchedSides(before: string, after: string): boolean {
  const a = sideCounts(before);
  const b = sideCounts(after);
  return (b.kpo < a.kpo && b.bpo > a.bpo) || (b.bpo < a.bpo && b.kpo > a.kpo);
}

/**
 * Labels that call a glossary's accepted expansion wrong ("RPO (Research Process Outsourcing)", where
 * the labeller knew only the recruitment reading) contradict the spec, not the rule: they count as
 * debatable, and the report says how many there were.
 */
function acceptedExpansion(engine: Engine, label: Label): boolean {
  if (label.kind !== 'expect' || label.rules.length !== 1 || label.rules[0] !== 'acronym/wrong-expansion') return false;
  const key = normalizeKey(label.quote);
  return engine.glossary.entries.some((e) => e.acronym && [e.term, ...e.aliases].some((n) => normalizeKey(n) === key));
}

export function scoreDocument(file: string, text: string, engine: Engine): DocumentScore {
  const labels = parseLabels(file, text);
  for (const label of labels) {
    if (acceptedExpansion(engine, label)) {
      label.kind = 'maybe';
      label.contradicts = true;
    }
  }
  const findings = engine.lint(engine.analyze(text));
  const falseAlarms: Finding[] = [];
  const supported = new Set<Finding>();
  const hits = new Map<Finding, Label[]>();
  for (const f of findings) {
    const hit = labels.filter((l) => supports(text, l, f));
    hits.set(f, hit);
    if (hit.length === 0) falseAlarms.push(f);
    else supported.add(f);
    for (const l of hit) if (l.kind === 'expect') l.matched = true;
  }
  const misses = labels.filter((l) => l.kind === 'expect' && !l.matched);

  // The safe fixes, as `kpo-lint --fix` applies them.
  const lint = (t: string) => engine.lint(engine.analyze(t));
  const damaging: DocumentScore['damaging'] = [];
  for (const f of findings) {
    if (!hasSafeFix(f)) continue;
    if (!supported.has(f)) damaging.push({ finding: f, why: 'a safe fix of a false alarm' });
  }
  const fixed = fixAll(text, lint);
  const before = text.split('\n');
  const after = fixed.text.split('\n');
  const changedLines: Array<[string, string]> = [];
  if (before.length === after.length) {
    for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) changedLines.push([before[i], after[i]]);
  } else {
    damaging.push({ finding: findings[0], why: `--fix changed the number of lines (${before.length} → ${after.length})` });
  }
  const nestedBefore = new Set(nestedExpansions(text));
  for (const line of nestedExpansions(fixed.text)) if (!nestedBefore.has(line)) damaging.push({ finding: findings[0], why: `a nested expansion: ${line.trim()}` });
  for (const [a, b] of changedLines) if (switchedSides(a, b)) damaging.push({ finding: findings[0], why: `KPO/BPO changed: “${a.trim()}” → “${b.trim()}”` });
  const leftAfterFix = lint(fixed.text).filter(hasSafeFix);
  const words = text.replace(/<!--[\s\S]*?-->/g, ' ').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  return { file, words, labels, findings, falseAlarms, hits, misses, damaging, leftAfterFix, changedLines };
}

export function scoreSplit(dir: string, engine: Engine): SplitScore {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && !/README\.md$/.test(f)).sort();
  const documents = files.map((f) => scoreDocument(path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8'), engine));
  const rules: RuleScore[] = RULES.map((rule) => {
    let findings = 0;
    let correct = 0;
    let labels = 0;
    let found = 0;
    for (const d of documents) {
      for (const f of d.findings) {
        if (f.ruleId !== rule.id) continue;
        const hit = d.hits.get(f) ?? [];
        if (hit.length > 0 && hit.every((l) => l.kind === 'maybe')) continue;
        findings++;
        if (hit.length > 0) correct++;
      }
      for (const l of d.labels) {
        if (l.kind !== 'expect' || !l.rules.includes(rule.id)) continue;
        // A label naming two rules counts for the rule that found it, or for its first rule.
        if (l.rules.length > 1 && !(l.matched ? d.findings.some((f) => f.ruleId === rule.id && (d.hits.get(f) ?? []).includes(l)) : l.rules[0] === rule.id)) continue;
        labels++;
        if (l.matched) found++;
      }
    }
    return { rule: rule.id, findings, correct, falseAlarms: findings - correct, labels, found, precision: findings === 0 ? 1 : correct / findings, recall: labels === 0 ? 1 : found / labels };
  });
  return {
    split: path.basename(dir),
    documents,
    rules,
    words: documents.reduce((n, d) => n + d.words, 0),
    damaging: documents.reduce((n, d) => n + d.damaging.length, 0),
    leftAfterFix: documents.reduce((n, d) => n + d.leftAfterFix.length, 0),
  };
}
