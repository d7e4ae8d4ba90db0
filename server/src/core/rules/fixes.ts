// Fix builders and checks shared by rules: switching a KPO/BPO mention to the other side, renaming a
// mention in the writer's form, and where a fix may not write (inside link text).

import type { DocumentAnalysis, Mention } from '../analysis';
import type { ProseBlock } from '../markdown';
import { applyEdits } from '../apply-fixes';
import { definitionOf } from './definitions';
import type { GlossaryEntry, Fix, TextEdit } from '../types';
import type { GlossaryIndex, Side } from '../glossary/index';
import { matchCase, pluralize } from '../match/normalize';
import { countBefore } from '../search';

/** The text a mention should become to name `target` instead, in the same form (acronym or words, plural, case). */
function renameMention(text: string, mention: Mention, target: GlossaryEntry): string {
  const written = text.slice(mention.start, mention.end);
  if (mention.ref.kind === 'acronym' && target.acronym) return mention.ref.plural ? target.acronym + 's' : target.acronym;
  const name = matchCase(target.term, written);
  return mention.ref.plural ? pluralize(name) : name;
}

/**
 * Switches a KPO/BPO mention to the other side: a suggestion, never applied without the writer
 * choosing it (a sentence may be right and the glossary's reading of it wrong). When the mention is
 * half of a definition such as "Knowledge Process Outsourcing (KPO)", both halves switch, so the fix
 * cannot create a wrong expansion.
 */
export function switchSideFix(analysis: DocumentAnalysis, index: GlossaryIndex, marker: Mention, to: Side): Fix | undefined {
  const text = analysis.text;
  const target = index.sides[to];
  // Only "KPO" and "BPO" themselves switch: "LPO" has no counterpart on the other side.
  if (!target || (marker.ref.entry !== index.sides.kpo && marker.ref.entry !== index.sides.bpo)) return undefined;
  const pair = definitionOf(analysis, marker);
  const both = pair?.expansion !== undefined && pair.match === 'same';
  const halves = both ? [pair.acronym, pair.expansion!].sort((a, b) => a.start - b.start) : [marker];
  const edits = halves.map((m) => ({ start: m.start, end: m.end, newText: renameMention(text, m, target) }));
  const [start, end] = both ? [pair.start, pair.end] : [marker.start, marker.end];
  const from = text.slice(start, end);
  const into = applyEdits(from, edits.map((e) => ({ ...e, start: e.start - start, end: e.end - start }))).text;
  return { title: `Change “${from.replace(/\s+/g, ' ')}” to “${into.replace(/\s+/g, ' ')}”`, edits };
}

/** Whether [start, end) overlaps the text of a link or the alt text of an image in the block. */
export function insideLinkText(block: ProseBlock, start: number, end: number): boolean {
  const links = block.links;
  if (!links) return false;
  // Pairs are in order: find the last pair starting before `end`.
  const k = countBefore(links.length >> 1, (i) => links[2 * i] < end) - 1;
  for (let i = k; i >= 0 && i >= k - 4; i--) if (links[2 * i] < end && start < links[2 * i + 1]) return true;
  return false;
}

/**
 * An edit replacing the words of [start, end) by the words of `newText`, keeping what separates the
 * written words (a line break and its indentation stay where they were) when both have as many words.
 * Undefined when the written words carry markup (emphasis, brackets, a line break that cannot be kept):
 * such a replacement would drop or break it.
 */
export function replaceWords(text: string, start: number, end: number, newText: string): TextEdit | undefined {
  const written = text.slice(start, end);
  if (/[*_[\]`<>]/.test(written)) return undefined;
  const separators = written.match(/[^\p{L}\p{N}'’]+/gu) ?? [];
  const words = newText.split(/([\s-]+)/);
  const newWords = words.filter((_, i) => i % 2 === 0);
  if (!/[\r\n]/.test(written)) return { start, end, newText };
  if (newWords.length !== separators.length + 1) return undefined;
  let out = newWords[0];
  for (let i = 0; i < separators.length; i++) out += separators[i] + newWords[i + 1];
  return { start, end, newText: out };
}
