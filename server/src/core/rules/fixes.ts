// Fix builders shared by rules: switching a KPO/BPO mention to the other side, and replacing a
// mention with another glossary term in the writer's capitalisation.

import type { DocumentAnalysis, Mention } from '../analysis';
import { applyEdits } from '../apply-fixes';
import { definitionPairOf } from './pairs';
import type { GlossaryEntry, Fix } from '../types';
import type { GlossaryIndex, Side } from '../glossary/index';
import { matchCase, pluralize } from '../match/normalize';

/** The text a mention should become to name `target` instead, in the same form (acronym or words, plural, case). */
export function renameMention(text: string, mention: Mention, target: GlossaryEntry): string {
  const written = text.slice(mention.start, mention.end);
  if (mention.ref.kind === 'acronym' && target.acronym) return mention.ref.plural ? target.acronym + 's' : target.acronym;
  const name = matchCase(target.term, written);
  return mention.ref.plural ? pluralize(name) : name;
}

/**
 * Switches a KPO/BPO mention to the other side. When the mention is half of a definition such as
 * "Knowledge Process Outsourcing (KPO)", both halves switch, so the fix cannot create a wrong expansion.
 */
export function switchSideFix(analysis: DocumentAnalysis, index: GlossaryIndex, marker: Mention, to: Side, preferred: boolean): Fix | undefined {
  const text = analysis.text;
  const target = index.sides[to];
  if (!target) return undefined;
  const pair = definitionPairOf(analysis, marker);
  const mentions = pair ? [pair.acronym, pair.expansion].sort((a, b) => a.start - b.start) : [marker];
  const edits = mentions.map((m) => ({ start: m.start, end: m.end, newText: renameMention(text, m, target) }));
  const from = pair ? text.slice(pair.start, pair.end) : text.slice(marker.start, marker.end);
  // The pair as it reads after the switch (its edits moved to the pair's own text, so that no copy of
  // the document up to the pair is made).
  const into = pair ? applyEdits(text.slice(pair.start, pair.end), edits.map((e) => ({ ...e, start: e.start - pair.start, end: e.end - pair.start }))).text : edits[0].newText;
  const fix: Fix = { title: `Change “${from}” to “${into}”`, edits };
  if (preferred) fix.preferred = true;
  return fix;
}

export function replaceFix(text: string, mention: Mention, target: GlossaryEntry, preferred: boolean): Fix {
  const newText = renameMention(text, { ...mention, ref: { ...mention.ref, kind: 'term' } }, target);
  const fix: Fix = { title: `Replace with “${newText}”`, edits: [{ start: mention.start, end: mention.end, newText }] };
  if (preferred) fix.preferred = true;
  return fix;
}
