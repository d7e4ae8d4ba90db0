// The registry of rules. Adding a rule: write its module, add it here, write docs/rules/<id>.md and
// its cases in test/unit/rules/ (a test checks all three).

import type { Rule } from './rule';
import { taskMismatch } from './task-mismatch';
import { attributeMismatch } from './attribute-mismatch';
import { wrongExpansion } from './wrong-expansion';
import { undefinedAcronym } from './undefined-acronym';
import { preferredTerm } from './preferred-term';

export const RULES: readonly Rule[] = [taskMismatch, attributeMismatch, wrongExpansion, undefinedAcronym, preferredTerm];

export type { Rule, RuleContext } from './rule';
export { rulePage } from './rule';
