// `<!-- kpo-disable … -->` comments: what one says (read by the Markdown scanner from HTML comments
// and HTML blocks) and which findings the comments of a document silence (applied by Engine.lint).
//
//   <!-- kpo-disable [rule …] -->            from here on (all rules when none is named)
//   <!-- kpo-enable [rule …] -->             from here on, again
//   <!-- kpo-disable-line [rule …] -->       on the comment's line
//   <!-- kpo-disable-next-line [rule …] -->  on the line after the comment

import { lineOf } from './positions';
import type { Finding } from './types';

/** One directive comment of a document. */
export interface Directive {
  command: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Rule ids; [] means all rules. */
  rules: string[];
  /** Offsets of the whole `<!-- … -->` comment. */
  start: number;
  end: number;
}

const directiveRe = /^[ \t\r\n]*kpo-(disable-next-line|disable-line|disable|enable)(?=[\s,]|$)([\s\S]*)$/;
const ruleIdRe = /^[A-Za-z0-9][A-Za-z0-9_./@-]*$/;

/**
 * Parses the comment text[start, end) (which begins with `<!--` and ends with `-->`) as a
 * `kpo-…` directive. Rule ids are separated by spaces or commas; tokens that cannot be rule ids
 * (such as block-quote markers of a comment spanning lines) are ignored.
 */
export function parseDirective(text: string, start: number, end: number): Directive | null {
  const inner = text.slice(start + 4, Math.max(start + 4, end - 3));
  if (inner.indexOf('kpo-') < 0) return null;
  const m = directiveRe.exec(inner);
  if (!m) return null;
  const rules: string[] = [];
  for (const token of m[2].split(/[\s,]+/)) {
    if (token && ruleIdRe.test(token)) rules.push(token);
  }
  return { command: m[1] as Directive['command'], rules, start, end };
}

/**
 * Drops findings silenced by `<!-- kpo-disable… -->` comments; `findings` are sorted by start, and
 * `directives` in document order. One sweep over the findings and the `disable`/`enable` directives
 * together, keeping the state of each rule named so far: linear in findings + directives (issue 12:
 * it was findings × directives).
 */
export function applyDirectives(directives: readonly Directive[], lineStarts: number[], findings: Finding[]): Finding[] {
  if (directives.length === 0) return findings;
  const lines = lineStarts;
  // Lines silenced by `disable-line`/`disable-next-line`: every rule (true) or the rules named.
  const lineRules = new Map<number, true | Set<string>>();
  const regions: Directive[] = [];
  for (const d of directives) {
    if (d.command === 'disable-line') silenceLine(lineRules, lineOf(lines, d.start), d.rules);
    else if (d.command === 'disable-next-line') silenceLine(lineRules, lineOf(lines, d.end) + 1, d.rules);
    else regions.push(d);
  }
  // The regions: the last directive naming all rules, and per rule the last naming it (the later wins).
  let next = 0;
  let allAt = -1;
  let allDisabled = false;
  const byRule = new Map<string, { at: number; disabled: boolean }>();
  const kept: Finding[] = [];
  for (const f of findings) {
    for (; next < regions.length && regions[next].start <= f.start; next++) {
      const r = regions[next];
      const disabled = r.command === 'disable';
      if (r.rules.length === 0) {
        allAt = next;
        allDisabled = disabled;
      } else {
        for (const rule of r.rules) byRule.set(rule, { at: next, disabled });
      }
    }
    if (lineRules.size > 0) {
      const silenced = lineRules.get(lineOf(lines, f.start));
      if (silenced === true || silenced?.has(f.ruleId)) continue;
    }
    const own = byRule.get(f.ruleId);
    const disabled = own !== undefined && own.at > allAt ? own.disabled : allDisabled;
    if (!disabled) kept.push(f);
  }
  return kept;
}

function silenceLine(map: Map<number, true | Set<string>>, line: number, rules: string[]): void {
  const silenced = map.get(line);
  if (silenced === true) return;
  if (rules.length === 0) {
    map.set(line, true);
    return;
  }
  const set = silenced ?? new Set<string>();
  for (const rule of rules) set.add(rule);
  map.set(line, set);
}
