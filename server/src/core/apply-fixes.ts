// Applies the safe fix of each finding to a text (`kpo-lint --fix`, "Fix all", fix-on-save). Only
// safe fixes are ever applied without the writer choosing them (see Fix in types.ts); suggestions stay
// in the quick-fix menu. Edits that overlap an edit already taken are skipped (a second pass of
// lint-and-fix picks them up); identical edits from several findings are applied once.

import { SEVERITIES, type Finding, type Severity, type TextEdit } from './types';
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
  const applied = applicableEdits(text, edits);
  // Pieces joined once: linear, and no deep chain of concatenated strings for a hundred thousand edits.
  const parts: string[] = [];
  let at = 0;
  for (const edit of applied) {
    parts.push(text.slice(at, edit.start), edit.newText);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), applied };
}

/** The edits `applyEdits` applies, in order: sorted, duplicates once, overlaps and edits outside the text skipped. */
export function applicableEdits(text: string, edits: TextEdit[]): TextEdit[] {
  const sorted = edits.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: TextEdit[] = [];
  for (const edit of sorted) {
    const last = applied[applied.length - 1];
    if (last && last.start === edit.start && last.end === edit.end && last.newText === edit.newText) continue;
    if (last && edit.start < last.end) continue;
    if (edit.start < 0 || edit.end > text.length || edit.start > edit.end) continue;
    applied.push(edit);
  }
  return applied;
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
  // The edits taken so far, by start: one slot per distinct start offset of any candidate edit, and a
  // Fenwick tree over the slots to find the taken edits just before and just after an offset, so
  // that each check costs O(log n) however many edits are taken (issue 12: fix-all was quadratic).
  const starts = new Float64Array(countEdits(chosen));
  let k = 0;
  for (const { edits } of chosen) for (const e of edits) starts[k++] = e.start;
  starts.sort();
  let distinct = 0;
  for (let i = 0; i < starts.length; i++) if (i === 0 || starts[i] !== starts[i - 1]) starts[distinct++] = starts[i];
  const keys = starts.subarray(0, distinct);
  const taken = new TakenEdits(keys);
  let applied = 0;
  for (const { edits } of chosen) {
    let conflict = false;
    for (const e of edits) {
      if (taken.conflicts(e)) {
        conflict = true;
        break;
      }
    }
    if (conflict) continue;
    for (const e of edits) taken.add(e);
    applied++;
  }
  return { edits: taken.inOrder(), applied };
}

function countEdits(chosen: Array<{ edits: TextEdit[] }>): number {
  let n = 0;
  for (const { edits } of chosen) n += edits.length;
  return n;
}

/**
 * Non-overlapping edits, kept by start offset (the slot of the start among `keys`, the sorted distinct
 * starts of every edit that may be added). A slot holds the edits starting there (one, save for
 * several insertions of one finding); `tree` counts the occupied slots (a Fenwick tree).
 */
class TakenEdits {
  private readonly slots: Array<TextEdit[] | undefined>;
  private readonly tree: Int32Array;
  private count = 0;

  constructor(private readonly keys: Float64Array) {
    this.slots = new Array(keys.length);
    this.tree = new Int32Array(keys.length + 1);
  }

  /** The slot of an offset that is one of the keys. */
  private slotOf(offset: number): number {
    const keys = this.keys;
    return countBefore(keys.length, (i) => keys[i] < offset);
  }

  /** How many occupied slots are below `slot`. */
  private occupiedBelow(slot: number): number {
    let sum = 0;
    for (let i = slot; i > 0; i -= i & -i) sum += this.tree[i];
    return sum;
  }

  /** The slot of the `rank`-th occupied slot (1-based). */
  private occupied(rank: number): number {
    const tree = this.tree;
    let pos = 0;
    let step = 1;
    while (step * 2 <= this.keys.length) step *= 2;
    for (; step > 0; step >>= 1) {
      if (pos + step <= this.keys.length && tree[pos + step] < rank) {
        pos += step;
        rank -= tree[pos];
      }
    }
    return pos; // 0-based slot
  }

  /** Whether `edit` overlaps a taken edit other than an identical one (insertions at one point overlap too). */
  conflicts(edit: TextEdit): boolean {
    const slot = this.slotOf(edit.start);
    const below = this.occupiedBelow(slot);
    // The taken edits starting before: only the nearest can reach this edit (taken edits do not overlap).
    if (below > 0) {
      for (const t of this.slots[this.occupied(below)]!) if (edit.start < t.end) return true;
    }
    // Taken edits at the same start conflict unless identical; the first one after must start at or after the end.
    let next = below + 1;
    if (this.slots[slot] !== undefined) {
      for (const t of this.slots[slot]!) if (!same(t, edit)) return true;
      next++;
    }
    if (next <= this.count) {
      const after = this.keys[this.occupied(next)];
      if (after < edit.end) return true;
    }
    return false;
  }

  /** Takes an edit that does not conflict; an identical edit already taken is shared. */
  add(edit: TextEdit): void {
    const slot = this.slotOf(edit.start);
    const list = this.slots[slot];
    if (list !== undefined) {
      for (const t of list) if (same(t, edit)) return;
      list.unshift(edit); // before the others at this start, as before issue 12
      return;
    }
    this.slots[slot] = [edit];
    this.count++;
    for (let i = slot + 1; i <= this.keys.length; i += i & -i) this.tree[i]++;
  }

  /** The taken edits by start (at one start, the last taken first). */
  inOrder(): TextEdit[] {
    const out: TextEdit[] = [];
    for (const list of this.slots) if (list !== undefined) for (const e of list) out.push(e);
    return out;
  }
}

/** Higher is more severe: error 3 … hint 0, from the one order in SEVERITIES. */
const RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, SEVERITIES.length - 1 - i])) as Record<Severity, number>;

function same(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start && a.end === b.end && a.newText === b.newText;
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
export function fixAll(text: string, lint: (text: string) => Finding[], maxPasses = 10, onPass?: (pass: FixPass) => void): FixResult & { findings: Finding[] } {
  let current = text;
  let applied = 0;
  let findings = lint(current);
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixable = findings.filter(hasSafeFix);
    if (fixable.length === 0) break;
    let top = 0;
    for (const f of fixable) top = Math.max(top, RANK[f.severity]);
    const taken = fixable.filter((f) => RANK[f.severity] === top);
    const chosen = chooseSafeEdits(taken);
    const result = applyEdits(current, chosen.edits);
    if (chosen.applied === 0 || result.text === current) break;
    onPass?.({ text: current, findings: taken, edits: result.applied });
    applied += chosen.applied;
    current = result.text;
    findings = lint(current);
  }
  return { text: current, applied, findings };
}

/** One pass of `fixAll`: the text it started from, the findings whose safe fixes it took, the edits it applied. */
export interface FixPass {
  text: string;
  findings: Finding[];
  edits: TextEdit[];
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
