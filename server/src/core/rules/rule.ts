// The shape every rule module exports. A rule reads the document analysis and reports findings with
// their fixes; it never sees LSP, VS Code or files. Severity and enablement are applied by the engine.

import type { DocumentAnalysis } from '../analysis';
import type { GlossaryIndex } from '../glossary/index';
import type { Finding, Severity } from '../types';

export interface RuleContext {
  analysis: DocumentAnalysis;
  index: GlossaryIndex;
  /** Reports a finding of this rule; the engine fills in the rule id and severity. */
  report(finding: Omit<Finding, 'ruleId' | 'severity'>): void;
}

export interface Rule {
  /** The diagnostic code, such as "kpo-bpo/task-mismatch". */
  id: string;
  /** One sentence for documentation and settings. */
  description: string;
  defaultSeverity: Severity;
  /** Whether findings of the rule come with fixes. */
  fixable: boolean;
  check(context: RuleContext): void;
}

/** The page documenting a rule, relative to the repository root. */
export function rulePage(id: string): string {
  return `docs/rules/${id.replace('/', '-')}.md`;
}
