// How the words of a sentence tie a side to a phrase: a side that governs a task (a verb of doing
// between them, or a list after it), a trait predicated of a side, a noun of kind after a side ("a KPO
// service"), hard breaks between clauses, and the noun phrase a side mention heads ("our KPO team").

import type { BlockAnalysis, Mention } from '../analysis';
import type { Token } from '../match/tokens';
import {
  AWAY, CLAUSE_VERBS, CONNECTORS, DOING_VERBS, FUNCTION_WORDS, KIND_NOUNS, NOT_VERBS, PREDICATE_VERBS, PREDICATING, PROVIDER_NOUNS,
  REMOVING, SCOPE_WORDS, SUBJECT_WORDS,
} from './claim-words';

/**
 * Whether the side mention ending before token `from` governs the task starting at token `to`: no hard
 * break between them; a verb of doing or including, with at most three other words of the subject
 * before it ("Our BPO operations team in Chennai runs"); after the verb, a few words, or a list
 * ("include market research, patent searches and payroll processing").
 */
export function governs(tokens: Token[], from: number, to: number): boolean {
  if (to - from > 28) return false;
  // "Our BPO scope — contract review, legal research …": a dash right after the side's scope opens the list.
  let opened = -1;
  for (let i = from; i <= Math.min(to, from + 2); i++) if (/[\u2014\u2013:]/.test(tokens[i].before) && tokens.slice(from, i).every((t) => SCOPE_WORDS.has(t.lower) || SUBJECT_WORDS.has(t.lower))) opened = i;
  if (opened >= 0) return opened === to || objectOf(tokens, opened - 1, to);
  for (let i = from; i <= to && i < tokens.length; i++) if (breaksAt(tokens, i)) return false;
  let verb = -1;
  let strangers = 0;
  for (let i = from; i < to; i++) {
    const w = tokens[i].lower;
    // A parenthetical between commas in the subject: "Our BPO floor in Cebu, staffed by 600 associates, delivers".
    if (verb < 0 && i > from && tokens[i].before.includes(',')) {
      let j = i + 1;
      while (j < to && j - i < 8 && !tokens[j].before.includes(',')) j++;
      if (j < to && tokens[j].before.includes(',') && !tokens.slice(i, j).some((t) => CLAUSE_VERBS.has(t.lower))) {
        i = j - 1;
        continue;
      }
    }
    if (DOING_VERBS.has(w)) {
      verb = i;
      // "the BPO centre that handles our e-mails also delivers …": the verb of a relative clause in the
      // subject is not the subject's own; a later one is.
      if (i > from && /^(that|which|who)$/.test(tokens[i - 1].lower)) {
        let main = -1;
        for (let j = i + 1; j < to && j - i <= 10; j++) {
          if (breaksAt(tokens, j)) break;
          if (DOING_VERBS.has(tokens[j].lower) && tokens[j].lower !== 'is' && tokens[j].lower !== 'are') {
            main = j;
            break;
          }
        }
        if (main >= 0) verb = main;
        // "… Kalahari Analytics, a Johannesburg firm that provides …": the relative clause belongs to
        // another noun (an article starts one between the side and "that").
        else if (tokens.slice(from, i - 1).some((t) => /^(a|an|the)$/.test(t.lower))) return false;
      }
      break;
    }
    // A colon introduces what the subject covers: "Scope of KPO services: market sizing, …".
    if (i > from && tokens[i].before.includes(':')) {
      verb = i - 1;
      break;
    }
    if (REMOVING.has(w)) return false;
    if (!SUBJECT_WORDS.has(w) && !/^\d+$/.test(w) && ++strangers > 3) return false;
  }
  if (verb < 0) {
    // No known verb: "the KPO team's data entry", "KPO services: data entry", or a short direct
    // sentence whose verb the lists do not know ("our KPO staff key in data entry batches").
    // A comma right before the phrase makes a list of names ("KPO, contact centre, back office"), not a claim.
    if (tokens[to].before.includes(',') && !tokens[to].before.includes(':')) return false;
    if (to - from <= 2 && (tokens[to].before.includes(':') || [...Array(to - from).keys()].every((k) => SUBJECT_WORDS.has(tokens[from + k].lower) && !FUNCTION_WORDS.has(tokens[from + k].lower)))) return true;
    return to - from <= 5 && strangers <= 2 && !tokens.slice(from, to).some((t, k) => AWAY.has(t.lower) || (NOT_VERBS.has(t.lower) && !(t.lower === 'for' && k > 0 && (SUBJECT_WORDS.has(tokens[from + k - 1].lower) || PROVIDER_NOUNS.has(tokens[from + k - 1].lower)))));
  }
  for (let i = verb + 1; i < to; i++) if (REMOVING.has(tokens[i].lower)) return false;
  return objectOf(tokens, verb, to);
}

/**
 * Whether the phrase at token `to` is what the verb (or listing word) at `verb` takes: a few words
 * after it, or an item of a list after it, and not inside a phrase about something else ("delivered
 * the analytics behind the signal-detection dashboards").
 */
export function objectOf(tokens: Token[], verb: number, to: number): boolean {
  for (let i = verb + 1; i <= to; i++) if (breaksAt(tokens, i)) return false;
  // Only the list item holding the phrase counts ("handles indexing of archives, and CAD design").
  let item = verb + 1;
  for (let i = verb + 1; i < to; i++) if (tokens[i].before.includes(',') || /^(and|or)$/.test(tokens[i - 1].lower)) item = i;
  // An "item" with a verb of its own is a new clause ("…, and the providers that are best at invoice processing").
  if (item > verb + 1) for (let i = item; i < to; i++) if (CLAUSE_VERBS.has(tokens[i].lower)) return false;
  for (let i = item; i < to; i++) {
    // "everything from actuarial modelling to telemarketing": a list, not a place.
    const w = tokens[i].lower;
    if (AWAY.has(w) && !(w === 'from' && /^(everything|anything|all)$/.test(tokens[i - 1].lower)) && !(w === 'about' && tokens[i - 1].lower === 'all')) return false;
  }
  const rest = to - verb - 1;
  if (rest <= 6) return true;
  // A list: items of at most six words, separated by commas, "and" or "or".
  let run = 0;
  for (let i = verb + 1; i <= to; i++) {
    const separated = tokens[i].before.includes(',') || /^(and|or)$/.test(tokens[i - 1].lower);
    run = separated ? 0 : run + 1;
    if (run > 6) return false;
  }
  return true;
}

/** The token indexes of a block's traits (a list of traits: "cheap, routine processing"). */
export function traitTokens(block: BlockAnalysis): Set<number> {
  let set = traitTokenCache.get(block);
  if (!set) {
    set = new Set();
    for (const t of block.traits) for (let i = t.first; i <= t.last; i++) set.add(i);
    traitTokenCache.set(block, set);
  }
  return set;
}
const traitTokenCache = new WeakMap<BlockAnalysis, Set<number>>();

/** Whether a hard break lies before token i: a clause or sentence mark, a new clause, a dash (not one between numbers). */
export function breaksAt(tokens: Token[], i: number): boolean {
  const gap = tokens[i].before;
  if (/[;.!?]/.test(gap)) return true;
  if (/[\u2014\u2013]/.test(gap) && !(/^\d+$/.test(tokens[i].lower) && /^\d+$/.test(tokens[i - 1]?.lower ?? ''))) return true;
  return CONNECTORS.has(tokens[i].lower) && i > 0;
}

/** Whether a run of tokens [from, to) is short, unbroken, and made only of `allowed` words (`commas`: and any words of a comma-separated list before it). */
export function between(tokens: Token[], from: number, to: number, allowed: Set<string>, max: number, commas = false, listed?: Set<number>): boolean {
  if (commas) {
    // Skip list items before the first allowed word: "standardized, repeatable output, which …".
    while (from < to && !allowed.has(tokens[from].lower)) from++;
  }
  if (to - from > max) return false;
  for (let i = from; i <= to && i < tokens.length; i++) {
    // Punctuation before each token of the run, and before the phrase: commas of a list, a colon
    // introducing it, parentheses and quotes; not a clause or sentence break.
    if (breaksAt(tokens, i)) return false;
    if (i < to && !allowed.has(tokens[i].lower) && !/^\d+$/.test(tokens[i].lower) && !listed?.has(i)) return false;
  }
  return true;
}

/**
 * A strong trait close after a side in a sentence that names only that side ("KPO firms mostly run
 * repetitive work", "BPO hires highly skilled professionals"): at most eight words between, no hard
 * break, nothing that does away with the trait ("KPO automates the repetitive parts").
 */
export function near(tokens: Token[], from: number, to: number, markers: Mention[]): boolean {
  if (to - from > 8) return false;
  if (markers.some((m) => m.first > from && m.first < to)) return false;
  for (let i = from; i <= to; i++) if (breaksAt(tokens, i) || /[:()]/.test(tokens[i].before)) return false;
  for (let i = from; i < to; i++) if (REMOVING.has(tokens[i].lower) || AWAY.has(tokens[i].lower) || /^(which|who|whose|when|where|while|if|for|to|than)$/.test(tokens[i].lower)) return false;
  // "pays more at entry level": a trait inside a phrase of place or time describes nothing.
  if (to > from && /^(at|in|from|into|per)$/.test(tokens[to - 1].lower)) return false;
  return true;
}

/**
 * "BPO is staffed largely by chartered accountants and holders of advanced degrees": a verb of being
 * or needing, then at most three other words before the trait, no hard break.
 */
export function predicated(tokens: Token[], from: number, to: number, listed?: Set<number>): boolean {
  if (to - from > 12) return false;
  let verb = false;
  let strangers = 0;
  for (let i = from; i <= to; i++) if (breaksAt(tokens, i)) return false;
  for (let i = from; i < to; i++) {
    const w = tokens[i].lower;
    if (REMOVING.has(w)) return false;
    if (PREDICATE_VERBS.test(w)) verb = true;
    else if (!PREDICATING.has(w) && !listed?.has(i) && ++strangers > 3) return false;
  }
  return verb;
}

/** For weak traits: a plain predicate ("KPO is …", "BPO requires …") between the side and the trait. */
export function copular(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (/^(is|are|was|were|be|been|remains|requires|require|needs|need|demands|depends|relies|means|calls)$/.test(tokens[i].lower)) return true;
  return false;
}

/** After "… a (core) KPO", a noun of kind ("service", "task") or the end of the clause. */
export function kindFollows(tokens: Token[], side: Mention): boolean {
  const next = tokens[side.last + 1];
  if (!next || /[,;.:!?)\u2014\u2013]/.test(next.before)) return true;
  return KIND_NOUNS.has(next.lower) || PROVIDER_NOUNS.has(next.lower) || /^(desk|unit|arm|practice|work|hub|hubs|division|operation|operations|model|delivery|lot|bench|floor|seats|territory|domain|ground|turf|space|scope|offering|portfolio|contract|contracts|deliverable|deliverables|stream|workstream|workstreams|engagement|engagements|mandate|mandates|product|products|staple|staples|fare|bucket|category)$/.test(next.lower);
}

/** The words around a side mention that name what the sentence speaks of: "our KPO team". */
export function nounPhrase(tokens: Token[], side: Mention): { start: number; end: number } {
  let a = side.first;
  while (a > 0 && a > side.first - 2 && tokens[a].joins && /^(our|their|the|its|your|a|an|this|that|these|those|[\p{L}]+'s|[\p{L}]+’s|healthcare|legal|engineering|financial|offshore|clinical|specialist)$/u.test(tokens[a - 1].lower)) a--;
  let b = side.last;
  while (b + 1 < tokens.length && b < side.last + 2 && tokens[b + 1].joins && /^(team|teams|desk|desks|unit|arm|partner|partners|provider|providers|vendor|vendors|firm|firms|practice|work|services|service|seats|floor|operations|staff|analysts|processes|engagements|offering|division|centre|center|model)$/.test(tokens[b + 1].lower)) b++;
  return { start: tokens[a].start, end: tokens[b].end };
}
