// Who a phrase is said of. The two KPO-vs-BPO rules ask: does this unit (sentence, list item, table
// row, heading) present this task, service or trait as KPO work, or as BPO work? The answer must be
// explainable from the words quoted, so a side is claimed only in a few readings, and never when the
// sentence is unsure of itself:
//
// - a sentence that asks, denies, excludes, contrasts the two sides, tells a history or a career,
//   reports a trend, hedges, or talks about what things are called ("sold as KPO") makes no claim;
// - in a sentence, the side is the nearest KPO or BPO mention before the phrase (a clause naming its
//   own side wins: "…hire a BPO vendor for payroll; for valuation work, a KPO firm"), and it must
//   govern the phrase: a short run of verbs of doing, offering and including ("our KPO team handles
//   data entry", "examples of KPO include …"), or, with the phrase first, a copula or apposition
//   ("data entry is a KPO service", "data entry, a core KPO task");
// - a trait needs a stronger tie: the side is what the trait describes ("KPO work is repetitive",
//   "BPO requires advanced degrees", "cheap KPO"); a trait that is a selling point anyone may claim
//   (innovation, expertise, insight) counts only as a plain predicate ("BPO is innovation-led"), never
//   when a vendor says it brings it;
// - a table cell takes the side of its column's header ("| KPO | BPO |"), or of a row that pairs it
//   with a side ("| Data entry | KPO |");
// - a list item that is just the service ("- Data entry", "- **Payroll** for 40 countries") takes the
//   side of the sentence that introduces the list, its parent item, or the heading above, when that
//   names one side and says what it offers ("Our KPO services include:", "## KPO services");
// - a glossary-style definition ("**Medical transcription** — …; a core KPO service") takes the side it
//   names as the service's kind.
//
// The pieces: claim-words.ts (the words), claim-cues.ts (how sure of itself a unit is), claim-grammar.ts
// (how words tie a side to a phrase), claim-context.ts (claims from a table, a list or a definition).

import type { BlockAnalysis, DocumentAnalysis, Mention, Unit } from '../analysis';
import type { GlossaryIndex, TraitRef } from '../glossary/index';
import { contrasted, cuesOf, inUnit, mayClaim, negationBefore } from './claim-cues';
import { partAbove, partOfMarker } from './claim-scopes';
import { contextClaim, definedSubjectClaim, headerHasBothSides, rowClaim } from './claim-context';
import { between, breaksAt, copular, governs, kindFollows, near, nounPhrase, predicated, traitTokens } from './claim-grammar';
import { AWAY, DOING_VERBS, JOB_NOUNS, KIND_NOUNS, MOVING, NAMED_AS, OF_SIDE, PASSIVE, PREDICATE_VERBS, PREDICATING, PROVIDER_NOUNS, WHAT_SIDE_DOES } from './claim-words';
import type { SideClaim } from './side-claim';

/** The side a task or service mention is presented as, if the unit claims one. */
export function taskClaim(analysis: DocumentAnalysis, index: GlossaryIndex, unit: Unit, mention: Mention): SideClaim | undefined {
  const block = analysis.blocks[unit.block];
  // A block that names no side may still be under a heading that names a part as one (claim-scopes.ts).
  if (!mayClaim(index, block) && !partAbove(analysis, index, unit.block)) return undefined;
  const cues = cuesOf(analysis, index, unit);
  const limit = Math.min(negationBefore(cues, mention.first), cues.doubt);
  if (cues.silent || mention.first >= limit || mention.first < cues.from) return undefined;
  // "… more exposed than the contact centre": the task is what something is compared with.
  if (contrasted(block.words, mention, unit)) return undefined;
  const claim = (cues.markers.length > 0
    ? sentenceClaim(analysis, index, block, unit, cues.markers, mention.first, mention.last, 'task') ?? asWithClaim(index, block, unit, cues.markers, mention.first, 'task')
    : contextClaim(analysis, index, block, unit, mention.first, 'task')) ?? definedSubjectClaim(analysis, index, block, unit, cues.markers, mention.first, 'task');
  return claim && (!claim.marker || claim.marker.first < limit) ? viaPart(claim) : undefined;
}

/** The side a trait is said of, if the unit says it of one. */
export function traitClaim(analysis: DocumentAnalysis, index: GlossaryIndex, unit: Unit, trait: Mention<TraitRef>): SideClaim | undefined {
  const block = analysis.blocks[unit.block];
  // A block that names no side may still be under a heading that names a part as one (claim-scopes.ts).
  if (!mayClaim(index, block) && !partAbove(analysis, index, unit.block)) return undefined;
  const cues = cuesOf(analysis, index, unit);
  const limit = Math.min(negationBefore(cues, trait.first), cues.doubt);
  if (cues.silent || trait.first >= limit || trait.first < cues.from) return undefined;
  // Cost is relative: "KPO is cheaper than BPO" is a claim about the two sides, "KPO is cheap compared
  // with an in-house team" is not one about KPO against BPO.
  if (trait.ref.comparative || (cues.compares && trait.ref.aspect.id === 'cost')) {
    const claim = comparativeClaim(index, block, unit, cues.markers, trait);
    return claim && (!claim.marker || claim.marker.first < limit) ? viaPart(claim) : undefined;
  }
  const claim = (cues.markers.length > 0
    ? sentenceClaim(analysis, index, block, unit, cues.markers, trait.first, trait.last, 'trait', trait.ref.weak, traitTokens(block)) ?? asWithClaim(index, block, unit, cues.markers, trait.first, 'trait', trait.ref.weak)
    : contextClaim(analysis, index, block, unit, trait.first, 'trait')) ?? definedSubjectClaim(analysis, index, block, unit, cues.markers, trait.first, 'trait', trait.ref.weak);
  // Cost is relative: a table column gives it only in a table that sets the two sides against each other.
  if (claim?.from === 'column' && trait.ref.aspect.id === 'cost' && !headerHasBothSides(analysis, index, unit)) return undefined;
  return claim && (!claim.marker || claim.marker.first < limit) ? viaPart(claim) : undefined;
}

/**
 * A claim made by a part's name ("Lot 2 services are rule-based" under "### Lot 2: … (KPO)"): its
 * message quotes the heading, and it has no marker, so no fix switches the part's name.
 */
function viaPart(claim: SideClaim): SideClaim {
  const part = claim.marker && partOfMarker(claim.marker);
  if (!part) return claim;
  const heading = part.heading;
  const segments = heading.block.segments;
  return { side: claim.side, from: 'part', evidence: claim.evidence, named: { start: heading.words.start(0), end: segments[segments.length - 1].end } };
}

/**
 * "KPO is typically cheaper than BPO", "KPO, a lower-cost alternative to BPO": a cost trait said of one
 * side against the other. The side is the nearest mention before the trait (with only words of being
 * between); the other side follows "than" or "alternative to".
 */
function comparativeClaim(index: GlossaryIndex, block: BlockAnalysis, unit: Unit, markers: Mention[], trait: Mention<TraitRef>): SideClaim | undefined {
  const tokens = block.tokens;
  const all = inUnit(block.mentions, unit).filter((m) => index.sideOf(m.ref.entry) !== undefined);
  let k = trait.last + 1;
  while (k < unit.end && k <= trait.last + 4 && !/^(than|to)$/.test(tokens[k].lower)) k++;
  if (k >= unit.end || (tokens[k].lower === 'to' && tokens[k - 1]?.lower !== 'alternative')) return undefined;
  const against = all.find((m) => m.first > k && m.first <= k + 3);
  const subject = [...markers].reverse().find((m) => m.last < trait.first);
  if (!against || !subject || index.sideOf(against.ref.entry) === index.sideOf(subject.ref.entry)) return undefined;
  if (!between(tokens, subject.last + 1, trait.first, PREDICATING, 8) && !predicated(tokens, subject.last + 1, trait.first)) return undefined;
  return { side: index.sideOf(subject.ref.entry)!, marker: subject, from: 'sentence', evidence: nounPhrase(tokens, subject) };
}

function sentenceClaim(
  analysis: DocumentAnalysis,
  index: GlossaryIndex,
  block: BlockAnalysis,
  unit: Unit,
  markers: Mention[],
  first: number,
  last: number,
  what: 'task' | 'trait',
  weak = false,
  listed?: Set<number>,
): SideClaim | undefined {
  const tokens = block.tokens;
  // A table row: the phrase's own cell names a side with it, or the row pairs it with a side cell.
  if (block.block.kind === 'table-row') return rowClaim(analysis, index, block, unit, markers, first);
  // The nearest side mention before the phrase, within the unit; else the nearest after it.
  let before: Mention | undefined;
  let after: Mention | undefined;
  for (const m of markers) {
    if (m.last < first) before = m;
    else if (m.first > last && !after) after = m;
  }
  // "Several large BPO providers now offer analytics": a statement about the market, not about the side.
  // (Within the side's own noun phrase: "For many retailers, KPO is all about order processing" is a claim.)
  if (before && what === 'task' && tokens.slice(Math.max(unit.first, before.first - 3), before.first).some((t, k, run) => /^(several|many|some|few|more|increasingly|numerous)$/.test(t.lower) && !run.slice(k + 1).some((u) => /[,;:]/.test(u.before)) && !/[,;:]/.test(tokens[before!.first].before))) before = undefined;
  if (before) {
    // Tasks: the side's noun phrase, a verb of doing or including, then the phrase (maybe in a list).
    // Traits: nothing but words that say what the side is or needs, and no hard break.
    const gapOk = what === 'task' ? governs(tokens, before.last + 1, first) : between(tokens, before.last + 1, first, PREDICATING, 10, false, listed) || (!weak && (predicated(tokens, before.last + 1, first, listed) || near(tokens, before.last + 1, first, markers)));
    if (gapOk && !(weak && !copular(tokens, before.last + 1, first))) {
      return { side: index.sideOf(before.ref.entry)!, marker: before, from: 'sentence', evidence: nounPhrase(tokens, before) };
    }
  }
  if (after && what === 'task') {
    const side = index.sideOf(after.ref.entry)!;
    const claim: SideClaim = { side, marker: after, from: 'sentence', evidence: nounPhrase(tokens, after) };
    const joined = /^(and|or)$/.test(tokens[after.first - 1]?.lower ?? '');
    // The phrase first: "data entry is a KPO service", "data entry, a core KPO task", "move data entry to our KPO partner".
    if (between(tokens, last + 1, after.first, NAMED_AS, 9) && kindFollows(tokens, after) && !joined) return claim;
    // "market research and consumer surveys carried out by BPO", "delivered by KPO teams".
    const lead = tokens.slice(Math.max(last + 1, after.first - 4), after.first).map((t) => t.lower);
    if (after.first - last <= 9 && lead.includes('by') && lead.some((w) => PASSIVE.has(w)) && !tokens.slice(last + 1, after.first + 1).some((t, k) => breaksAt(tokens, last + 1 + k))) return claim;
    // "…, as part of the KPO scope": the phrase is in the side's scope.
    const part = tokens.slice(last + 1, after.first).map((t) => t.lower).join(' ');
    if (after.first - last <= 24 && /\bpart of (the |our |its |their )?(\w+ ){0,2}$/.test(part + ' ') && kindFollows(tokens, after)) return claim;
    // "Contract review, which most LPO providers deliver as a BPO service": any later side named "as a … service".
    for (const m of markers) {
      if (m.first <= last || m.first - last > 14) continue;
      const lead2 = tokens.slice(Math.max(last + 1, m.first - 3), m.first).map((t) => t.lower);
      if (lead2.includes('as') && kindFollows(tokens, m) && KIND_NOUNS.has(tokens[m.last + 1]?.lower ?? '') && !tokens.slice(last + 1, m.first + 1).some((t, k) => breaksAt(tokens, last + 1 + k))) {
        return { side: index.sideOf(m.ref.entry)!, marker: m, from: 'sentence', evidence: nounPhrase(tokens, m) };
      }
    }
    // "Market research, medical transcription and other KPO services".
    if (after.first - last <= 3 && /^(other|similar|related)$/.test(tokens[after.first - 1]?.lower ?? '') && /^(and|or)$/.test(tokens[after.first - 2]?.lower ?? '') && kindFollows(tokens, after)) return claim;
    // "The equity research my team produces is BPO work", "… were bread-and-butter BPO work": a short
    // subject, a copula, at most three words, the side and a noun of its kind.
    const copula = tokens.slice(last + 1, after.first).findIndex((t) => /^(is|are|was|were|become|becomes|became|remains|remain)$/.test(t.lower));
    if (copula >= 0 && copula <= 9 && after.first - (last + 1 + copula) <= 4 && kindFollows(tokens, after) && !tokens.slice(last + 1, after.first + 1).some((t, k) => breaksAt(tokens, last + 1 + k) || /[,;:(]/.test(t.before)) && !tokens.slice(last + 1, last + 1 + copula).some((t) => /^(you|we|they|it|he|she|i|being)$/.test(t.lower))) return claim;
    // "… which in our shop counts as KPO work", "… is considered KPO", "… falls under BPO".
    const linked = tokens.slice(Math.max(last + 1, after.first - 3), after.first).map((t) => t.lower).join(' ');
    if (after.first - last <= 14 && /\b(counts? as|considered|classed as|classified as|qualif(y|ies) as|falls? under|treated as|regarded as|seen as)( an?| the| our)?$/.test(linked) && !tokens.slice(last + 1, after.first + 1).some((t, k) => breaksAt(tokens, last + 1 + k))) return claim;
    // "moves financial modelling for store openings into the existing BPO stream": the phrase is moved or put into the side's scope.
    const into = tokens.slice(Math.max(last + 1, after.first - 3), after.first).map((t) => t.lower);
    if (after.first - last <= 9 && into.some((w) => /^(into|to|under|within)$/.test(w)) && kindFollows(tokens, after) && tokens[after.last + 1] !== undefined && !tokens.slice(last + 1, after.first + 1).some((t, k) => breaksAt(tokens, last + 1 + k) || (AWAY.has(t.lower) && t.lower !== 'into'))) {
      const moved = tokens.slice(Math.max(0, first - 4), after.first).some((t) => MOVING.has(t.lower));
      if (moved) return claim;
    }
  }
  if (after && what === 'trait' && !weak && last + 1 === after.first && tokens[after.first].joins && !JOB_NOUNS.has(tokens[after.last + 1]?.lower ?? '')) {
    // "cheap KPO", "repetitive BPO work": the trait describes the side (not "entry-level KPO roles": a career step).
    return { side: index.sideOf(after.ref.entry)!, marker: after, from: 'sentence', evidence: nounPhrase(tokens, after) };
  }
  if (after && what === 'trait' && !weak && between(tokens, last + 1, after.first, OF_SIDE, 7) && tokens.slice(last + 1, after.first).some((t) => /^(of|in|among|across|defines|define|characterises|characterizes|marks)$/.test(t.lower))) {
    // "the repetitive nature of KPO work", "advanced degrees are the norm in BPO services".
    return { side: index.sideOf(after.ref.entry)!, marker: after, from: 'sentence', evidence: nounPhrase(tokens, after) };
  }
  if (after && what === 'trait' && !weak && between(tokens, last + 1, after.first, WHAT_SIDE_DOES, 6, true) && /^(does|do|delivers|offers|provides)$/.test(tokens[after.last + 1]?.lower ?? '') && tokens.slice(last + 1, after.first).some((t) => t.lower === 'what')) {
    // "standardized, repeatable output, which is what KPO does best".
    return { side: index.sideOf(after.ref.entry)!, marker: after, from: 'sentence', evidence: { start: after.start, end: tokens[after.last + 1].end } };
  }
  // A glossary-style definition of the phrase: "**Medical transcription** — Converting …; a core KPO
  // service", "…; typically delivered by BPO vendors", "**Moderately skilled workforce** — The staffing
  // profile typical of KPO".
  const dash = [1, 2, 3].findIndex((k) => /[\u2014\u2013:]/.test(tokens[last + k]?.before ?? ''));
  if (first === 0 && dash >= 0 && markers.every((m) => m.first > last)) {
    const sides = new Set(markers.map((m) => index.sideOf(m.ref.entry)));
    if (sides.size === 1) {
      for (const m of markers) {
        const lead = tokens.slice(Math.max(last + 2 + dash, m.first - 4), m.first).map((t) => t.lower);
        const kind = KIND_NOUNS.has(tokens[m.last + 1]?.lower ?? '') || PROVIDER_NOUNS.has(tokens[m.last + 1]?.lower ?? '');
        const named = (lead.some((w) => /^(a|an|one|example|form|type|kind|part|branch)$/.test(w)) && kind) ||
          (lead.some((w) => /^(by|through|via)$/.test(w)) && lead.some((w) => /^(delivered|offered|provided|handled|done|sold|performed|run|bought)$/.test(w))) ||
          (what === 'trait' && lead.some((w) => /^(typical|characteristic|hallmark|profile)$/.test(w)) && lead.some((w) => /^(of|in)$/.test(w)));
        if (named) return { side: index.sideOf(m.ref.entry)!, marker: m, from: 'definition', evidence: nounPhrase(tokens, m) };
      }
    }
  }
  return undefined;
}

/**
 * "As with any KPO programme, the scientific work here was standardised": a sentence opened by "as
 * with (any|other|most) <side> …," speaks of that side after the comma.
 */
function asWithClaim(index: GlossaryIndex, block: BlockAnalysis, unit: Unit, markers: Mention[], first: number, what: 'task' | 'trait', weak = false): SideClaim | undefined {
  const tokens = block.tokens;
  const opener = tokens[unit.first].lower === 'like' || (tokens[unit.first].lower === 'as' && tokens[unit.first + 1]?.lower === 'with');
  if (!opener) return undefined;
  const side = markers[0];
  if (side.first > unit.first + 4 || markers.some((m) => index.sideOf(m.ref.entry) !== index.sideOf(side.ref.entry))) return undefined;
  let comma = -1;
  for (let i = side.last + 1; i < first && i <= side.last + 3; i++) if (tokens[i].before.includes(',')) comma = i;
  if (comma < 0 || first - comma > 10) return undefined;
  const path = tokens.slice(comma, first);
  if (what === 'trait' ? (weak ? !path.some((t) => /^(is|are|requires|needs)$/.test(t.lower)) : first - comma > 6 && !path.some((t) => PREDICATE_VERBS.test(t.lower))) : !path.some((t) => DOING_VERBS.has(t.lower))) return undefined;
  return { side: index.sideOf(side.ref.entry)!, marker: side, from: 'sentence', evidence: nounPhrase(tokens, side) };
}
