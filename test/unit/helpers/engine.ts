// Test helpers shared by the unit suites: the built-in glossary loaded once, and one-line case
// helpers where expected findings are marked inline with [[double brackets]].

import * as fs from 'fs';
import * as path from 'path';
import { Engine } from '../../../server/src/core/engine';
import { loadGlossary, type GlossarySource } from '../../../server/src/core/glossary/load';
import type { Finding } from '../../../server/src/core/types';
import { builtinGlossaryPath } from '../../../server/src/node/files';
import { RULES } from '../../../server/src/core/rules';

let builtin: Engine | undefined;

export function builtinSource(): GlossarySource {
  const file = builtinGlossaryPath();
  return { file, text: fs.readFileSync(file, 'utf8') };
}

/** The engine on the built-in glossary, loaded once per test run. */
export function builtinEngine(): Engine {
  if (!builtin) {
    const { glossary, problems } = loadGlossary([builtinSource()]);
    if (problems.length > 0) throw new Error('The built-in glossary has problems:\n' + problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
    builtin = new Engine(glossary);
  }
  return builtin;
}

/** Splits "a [[b]] c" into the plain text "a b c" and the marked spans [{start: 2, end: 3}]. */
export function parseMarked(marked: string): { text: string; spans: Array<{ start: number; end: number }> } {
  const spans: Array<{ start: number; end: number }> = [];
  let text = '';
  let i = 0;
  while (i < marked.length) {
    if (marked.startsWith('[[', i)) {
      const close = marked.indexOf(']]', i + 2);
      const inner = marked.slice(i + 2, close);
      spans.push({ start: text.length, end: text.length + inner.length });
      text += inner;
      i = close + 2;
    } else {
      text += marked[i++];
    }
  }
  return { text, spans };
}

/** Lints with only `ruleId` enabled. */
export function lintWith(ruleId: string, text: string, engine = builtinEngine()): Finding[] {
  const rules = Object.fromEntries(RULES.map((r) => [r.id, r.id === ruleId ? r.defaultSeverity : 'off' as const]));
  return engine.lint(engine.analyze(text), { rules });
}

/** The flagged spans of a rule, as text with [[markers]], to compare with the case as written. */
export function markFindings(text: string, findings: Array<{ start: number; end: number }>): string {
  let out = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + '[[' + text.slice(f.start, f.end) + ']]';
    at = f.end;
  }
  return out + text.slice(at);
}

export function fixture(...parts: string[]): string {
  return path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', ...parts);
}
