// What a claim says: the side of the comparison (KPO or BPO) a phrase is said of, where that came from,
// and the words that say so. Made by rules/claims.ts; reported by the task and attribute rules.

import type { Mention } from '../analysis';
import type { Side } from '../glossary/index';

export interface SideClaim {
  side: Side;
  /** The KPO or BPO mention that makes the claim, when it is in the same unit (a fix may switch it). */
  marker?: Mention;
  /** Where the side came from, for the message. */
  from: 'sentence' | 'column' | 'row' | 'list' | 'heading' | 'definition' | 'part';
  /** The words that make the claim ("our KPO team", "Our KPO services include:"), as offsets. */
  evidence: { start: number; end: number };
  /** For a part of the document named by a heading ("Lot 2 services", from: 'part'): that heading's words. */
  named?: { start: number; end: number };
}
