// Applies the safe fix of each finding to a text (`kpo-lint --fix`, "Fix all", fix-on-save). Only
// safe fixes are ever applied without the writer choosing them (see Fix in types.ts); suggestions stay
// in the quick-fix menu. Edits that overlap an edit already taken are skipped (a second pass of
// lint-and-fix picks them up); identical edits from several findings are applied once.

import type { Finding, Severity, TextEdit } from './types';
import { countBefore } from './search';

export interface FixResult {
  text: string;
  /** How many findings had their safe fix applied. */
  applied: number;
}

/** Whether a finding has a fix that may be applied without the writer choosing it. */
export function hasSafeFix(finding: Finding): boolean {
  return finding.fixes.some((f) => f.safe === true);
}

function safeEdits(findings: Finding[]): Array<{ finding: Finding; edits: TextEdit[] }> {
  const chosen: Array<{ finding: Finding; edits: TextEdit[] }> = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.safe === true);
    if (fix) chosen.push({ finding, edits: fix.edits });
  }
  return chosen;
}

/** Applies non-conflicting edits to `text`; returns the new text and which edits were applied. */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: TextEdit[] = [];
  for (const edit of sorted) {
    const last = applied[applied.length - 1];
    if (last && last.start === edit.start && last.end === edit.end && last.newText === edit.newText) continue;
    if (last && edit.start < last.end) continue;
    if (edit.start < 0 || edit.end > text.length || edit.start > edit.end) continue;
    applied.push(edit);
  }
  let out = '';
  let at = 0;
  for (const edit of applied) {
    out += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return { text: out + text.slice(at), applied };
}

/**
 * The edits of the safe fixes that can be applied together. Findings are taken by severity first
 * (an error's fix wins over an information's when both edit the same words), then in document order;
 * a finding whose edits overlap an edit already taken is skipped (the next lint-and-fix pass picks it
 * up), identical edits from several findings are shared. `applied` counts the findings whose fix was
 * taken. Used by `applySafeFixes` and by the server's fix-all actions.
 */
export function chooseSafeEdits(findings: Finding[]): { edits: TextEdit[]; applied: number } {
  const chosen = safeEdits(findings).sort((a, b) => RANK[b.finding.severity] - RANK[a.finding.severity] || a.finding.start - b.finding.start);
  const taken: TextEdit[] = []; // kept sorted by start, non-overlapping
  let applied = 0;
  for (const { edits } of chosen) {
    if (edits.some((e) => conflicts(taken, e))) continue;
    for (const e of edits) {
      if (!taken.some((t) => same(t, e))) taken.splice(insertionPoint(taken, e.start), 0, e);
    }
    applied++;
  }
  return { edits: taken, applied };
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

function same(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start && a.end === b.end && a.newText === b.newText;
}

function insertionPoint(taken: TextEdit[], start: number): number {
  return countBefore(taken.length, (i) => taken[i].start < start);
}

/** Whether `edit` overlaps a taken edit other than an identical one (insertions at one point overlap too). */
function conflicts(taken: TextEdit[], edit: TextEdit): boolean {
  const i = insertionPoint(taken, edit.start);
  for (const j of [i - 1, i, i + 1]) {
    const t = taken[j];
    if (!t || same(t, edit)) continue;
    if (edit.start < t.end && t.start < edit.end) return true;
    if (edit.start === t.start) return true;
  }
  return false;
}

export function applySafeFixes(text: string, findings: Finding[]): FixResult {
  const { edits, applied } = chooseSafeEdits(findings);
  return { text: applyEdits(text, edits).text, applied };
}

/**
 * Applies every safe fix, the way "fix all", fix-on-save and `kpo-lint --fix` do: lint, apply the safe
 * fixes of the most severe findings, lint again, and so on, down to information. Taking one severity at
 * a time matters because a fix can change what lesser findings mean (correcting a wrong expansion
 * defines the acronym, so an expansion chosen earlier for its first use would be one too many). Stops
 * when nothing changes, after at most `maxPasses` passes.
 */
export function fixAll(text: string, lint: (text: string) => Finding[], maxPasses = 10): FixResult & { findings: Finding[] } {
  let current = text;
  let applied = 0;
  let findings = lint(current);
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixable = findings.filter(hasSafeFix);
    if (fixable.length === 0) break;
    let top = 0;
    for (const f of fixable) top = Math.max(top, RANK[f.severity]);
    const result = applySafeFixes(current, fixable.filter((f) => RANK[f.severity] === top));
    if (result.applied === 0 || result.text === current) break;
    applied += result.applied;
    current = result.text;
    findings = lint(current);
  }
  return { text: current, applied, findings };
}

/** One edit that turns `before` into `after`: the changed middle, between their common prefix and suffix. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a surrogate pair or a CRLF.
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start] === '\n' && before[start - 1] === '\r'))) start--;
  while (endBefore < before.length && (isLowSurrogate(before.charCodeAt(endBefore)) || (before[endBefore] === '\n' && before[endBefore - 1] === '\r'))) {
    endBefore++;
    endAfter++;
  }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
