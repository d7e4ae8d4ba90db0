// The shape every rule module exports. A rule reads the document analysis and reports findings with
// their fixes; it never sees LSP, VS Code or files. Severity and enablement are applied by the engine.

import type { BlockAnalysis, DocumentAnalysis } from '../analysis';
import type { GlossaryIndex } from '../glossary/index';
import type { Finding, Severity } from '../types';

export interface RuleContext {
  analysis: DocumentAnalysis;
  index: GlossaryIndex;
  /** Reports a finding of this rule; the engine fills in the rule id and severity. */
  report(finding: Omit<Finding, 'ruleId' | 'severity'>): void;
  /**
   * When present, the blocks to check (ascending indexes into `analysis.blocks`); absent, all of them.
   * Only rules marked `local` are given it: after an edit the engine re-checks only the blocks whose
   * findings may have changed.
   */
  blocks?: readonly number[];
}

export interface Rule {
  /** The diagnostic code, such as "kpo-bpo/task-mismatch". */
  id: string;
  /** One sentence for documentation and settings. */
  description: string;
  defaultSeverity: Severity;
  /** Whether findings of the rule come with fixes. */
  fixable: boolean;
  /**
   * True when the findings of a block lie inside it and depend only on that block and the blocks of
   * its context (heading, table header, parent item, list intro: `analysis.contexts`). Such a rule
   * must honour `context.blocks`. Other rules see the whole document on every run.
   */
  local?: boolean;
  check(context: RuleContext): void;
}

/** The blocks a rule checks: those of `context.blocks`, or every block. */
export function blocksToCheck(context: RuleContext): readonly BlockAnalysis[] {
  const all = context.analysis.blocks;
  return context.blocks ? context.blocks.map((b) => all[b]) : all;
}

/** The page documenting a rule, relative to the repository root. */
export function rulePage(id: string): string {
  return `docs/rules/${id.replace('/', '-')}.md`;
}
