// Examples as tests: an entry's `tests.flag` sentences must be flagged for that entry, its
// `tests.pass` sentences must not be flagged at all (createEngine checks them: core/create-engine.ts).
// Each sentence is read as a document of its own, so acronym/undefined is left out (every acronym is
// "first used" in a one-sentence document).

import type { Engine } from './engine';
import type { Finding, GlossaryProblem } from './types';

export function checkExamples(engine: Engine): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const rules = { 'acronym/undefined': 'off' as const };
  for (const entry of engine.glossary.entries) {
    if (!entry.tests) continue;
    for (const example of entry.tests.flag) {
      const analysis = engine.analyze(example.text);
      const findings = engine.lint(analysis, { rules });
      const mentions = analysis.mentions.filter((m) => m.ref.entry === entry);
      const about = (f: Finding) => f.entryId === entry.id || mentions.some((m) => m.start < f.end && f.start < m.end);
      if (!findings.some(about)) {
        const why = mentions.length === 0 ? ` The sentence does not name "${entry.term}" or any of its aliases.` : '';
        problems.push({ file: example.file, line: example.line, column: example.column, severity: 'warning', message: `This example should be flagged for "${entry.term}", but no rule flags it.${why}` });
      }
    }
    for (const example of entry.tests.pass) {
      const findings = engine.lint(engine.analyze(example.text), { rules });
      if (findings.length > 0) {
        const first = findings[0];
        problems.push({ file: example.file, line: example.line, column: example.column, severity: 'warning', message: `This example should not be flagged, but ${first.ruleId} says: ${first.message}` });
      }
    }
  }
  return problems;
}
