// The engine's public face: analyse a text once, then lint it, look up the entry at an offset, or list
// completions at an offset. Pure and synchronous; no VS Code, LSP or file system.

import { analyzeDocument, inProse, type DocumentAnalysis, type Mention } from './analysis';
import { GlossaryIndex, type CompletionName, type NameKind } from './glossary/index';
import { detach } from './detach';
import { applyDirectives } from './directives';
import { updateAnalysis, type BlockReuse, type TextChange } from './incremental';
import { isWordCode, nameWords } from './match/normalize';
import { RULES, type Rule } from './rules';
import type { Finding, Glossary, GlossaryEntry, RuleSetting, Severity } from './types';
import { lineOf } from './positions';
import { countBefore } from './search';
import { documentStyle, styleOf } from './spelling';
import { documentDefinitions } from './rules/definitions';

export type { RuleSetting } from './types';
export type { TextChange } from './incremental';

export interface LintOptions {
  /** Severity per rule id; 'off' disables a rule. Rules not named keep their default severity. */
  rules?: Record<string, RuleSetting | undefined>;
}

export interface HoverResult {
  entry: GlossaryEntry;
  /** The name as matched in the text. */
  start: number;
  end: number;
  kind: NameKind;
  /** Findings whose range covers the offset. */
  findings: Finding[];
}

export interface CompletionCandidate {
  entry: GlossaryEntry;
  /** The name offered, in the writer's capitalisation, and what it replaces. */
  label: string;
  insertText: string;
  start: number;
  end: number;
  kind: NameKind;
  /** 0 for exact-case prefix matches; higher sorts later. */
  rank: number;
}

export interface CompletionOptions {
  /** The writer's industries: their services rank first among equals. */
  industries?: string[];
}

export class Engine {
  readonly index: GlossaryIndex;

  constructor(readonly glossary: Glossary) {
    this.index = new GlossaryIndex(glossary);
  }

  analyze(text: string): DocumentAnalysis {
    return analyzeDocument(text, this.index);
  }

  /**
   * The analysis of `text`, the text of `previous` with `change` applied: the same result as
   * `analyze(text)`, found by re-reading only the blocks the edit can have changed (core/incremental.ts).
   * Consumes `previous`: its objects are reused and moved, so only the returned analysis may be used
   * afterwards. The next `lint` of the result re-checks only the blocks whose findings can differ.
   */
  update(previous: DocumentAnalysis, text: string, change: TextChange): DocumentAnalysis {
    let result: ReturnType<typeof updateAnalysis>;
    try {
      result = updateAnalysis(previous, text, change, this.index);
    } catch {
      // Never expected; a full analysis is always right.
      return analyzeDocument(text, this.index);
    }
    const { analysis, reuse } = result;
    const linted = reuse && this.linted.get(previous);
    if (reuse && linted) this.reuses.set(analysis, { ...reuse, linted });
    return analysis;
  }

  /** Per analysis linted: the findings of local rules by block, for reuse after an edit. */
  private readonly linted = new WeakMap<DocumentAnalysis, LintedBlocks>();
  /** Per analysis made by `update`: how its blocks relate to the previous analysis and its findings. */
  private readonly reuses = new WeakMap<DocumentAnalysis, BlockReuse & { linted: LintedBlocks }>();

  /** Runs every enabled rule and applies inline directives. Findings are sorted by position. */
  lint(analysis: DocumentAnalysis, options: LintOptions = {}): Finding[] {
    const enabled: Array<{ rule: Rule; severity: Severity }> = [];
    for (const rule of RULES) {
      const setting = options.rules?.[rule.id] ?? rule.defaultSeverity;
      if (setting !== 'off') enabled.push({ rule, severity: setting });
    }
    const key = enabled.map((e) => `${e.rule.id}=${e.severity}`).join(',');
    const blocks = analysis.blocks;
    // Local rules: findings kept per block, so that after an edit only the blocks whose findings may
    // have changed are checked again.
    const byBlock: Finding[][] = new Array(blocks.length);
    const reuse = this.reuses.get(analysis);
    this.reuses.delete(analysis);
    let toCheck: number[] | undefined;
    if (reuse && reuse.linted.key === key) {
      toCheck = reusePreviousFindings(analysis, reuse, byBlock);
    }
    const found: Finding[] = [];
    for (const { rule, severity } of enabled) {
      if (!rule.local || (toCheck && toCheck.length === 0)) continue;
      rule.check({ analysis, index: this.index, blocks: toCheck, report: (finding) => found.push({ ruleId: rule.id, severity, ...finding }) });
    }
    const made = new Uint8Array(blocks.length);
    for (const finding of found) {
      const b = blockAt(analysis, finding.start);
      let list = byBlock[b];
      if (list === undefined || made[b] === 0) {
        list = byBlock[b] = [];
        made[b] = 1;
      }
      list.push(finding);
    }
    const findings: Finding[] = [];
    for (let b = 0; b < blocks.length; b++) {
      const list = byBlock[b];
      if (list === undefined) byBlock[b] = NO_FINDINGS;
      else for (const f of list) findings.push(f);
    }
    this.linted.set(analysis, { key, byBlock, made });
    // Rules that read the whole document run on every lint.
    for (const { rule, severity } of enabled) {
      if (rule.local) continue;
      rule.check({ analysis, index: this.index, report: (finding) => findings.push({ ruleId: rule.id, severity, ...finding }) });
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
    return applyDirectives(analysis.markdown.directives, analysis.lineStarts, findings);
  }

  /** The glossary entry named at an offset, if the offset is on a glossary name in prose. */
  entryAt(analysis: DocumentAnalysis, offset: number, findings?: Finding[]): HoverResult | undefined {
    const mention = mentionAt(analysis.mentions, offset);
    const covering = (findings ?? []).filter((f) => f.start <= offset && offset <= f.end);
    if (!mention) {
      const finding = covering.find((f) => f.entryId !== undefined);
      const entry = finding && this.glossary.byId.get(finding.entryId!);
      return entry && finding ? { entry, start: finding.start, end: finding.end, kind: 'term', findings: covering } : undefined;
    }
    return { entry: mention.ref.entry, start: mention.start, end: mention.end, kind: mention.ref.kind, findings: covering };
  }

  /**
   * Completion candidates for the words being typed at `offset`, in prose only. The typed prefix may
   * span several words ("financial mo" → "financial modeling"); the longest prefix with candidates wins.
   */
  complete(analysis: DocumentAnalysis, offset: number, options: CompletionOptions = {}): CompletionCandidate[] {
    const text = analysis.text;
    if (!inProse(analysis, offset)) return [];
    let wordStart = offset;
    while (wordStart > 0 && (isWordCode(text.charCodeAt(wordStart - 1)) || text[wordStart - 1] === "'")) wordStart--;
    if (wordStart === offset) return [];
    // Try the last one, two, three and four words typed, longest first.
    const starts = [wordStart];
    let i = wordStart;
    const lineStart = analysis.lineStarts[lineOf(analysis.lineStarts, offset)];
    for (let k = 0; k < 3; k++) {
      let j = i;
      while (j > lineStart && (text[j - 1] === ' ' || text[j - 1] === '-')) j--;
      if (j === i || j === lineStart || !isWordCode(text.charCodeAt(j - 1))) break;
      while (j > lineStart && isWordCode(text.charCodeAt(j - 1))) j--;
      starts.push(j);
      i = j;
    }
    for (const start of starts.reverse()) {
      const typed = text.slice(start, offset);
      const words = nameWords(typed);
      // A single short or common word is ordinary typing, not the start of a term ("the" must not
      // offer "the Philippines", "pe" must not offer "patent research").
      if (words.length === 1 && (STOP_WORDS.has(words[0]) || (words[0].length < 3 && !/^\p{Lu}{2}$/u.test(typed)))) continue;
      const prefix = words.join(' ') + (/[\s-]$/.test(typed) ? ' ' : '');
      if (!prefix.trim()) continue;
      const names = this.index.namesWithPrefix(prefix);
      if (names.length === 0) continue;
      // A whole name already typed: nothing to complete, and an offer would only take the Enter key
      // that ends the line (or swap the name for a longer one).
      if (names.some((n) => n.key === prefix)) return [];
      return rankCandidates(names, typed, start, offset, options, analysis, this.index);
    }
    return [];
  }
}

/** Words that start no completion on their own. */
const STOP_WORDS = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'as', 'is', 'are', 'was', 'were',
  'be', 'been', 'we', 'our', 'you', 'your', 'it', 'its', 'this', 'that', 'these', 'those', 'from', 'will', 'can', 'not', 'all',
  'any', 'each', 'per', 'via', 'than', 'then', 'also', 'into', 'over', 'under', 'who', 'which', 'what', 'when', 'where', 'how',
  'they', 'their', 'them', 'he', 'she', 'his', 'her', 'us', 'i', 'my', 'me', 'if', 'so', 'do', 'does', 'did', 'has', 'have',
  'had', 'more', 'most', 'less', 'no', 'yes', 'up', 'out', 'about', 'after', 'before',
]);

/**
 * Orders candidates, one per entry: names that start with exactly what was typed first, then
 * case-insensitive matches; terms and acronyms before aliases; the writer's industries before others;
 * shorter first. Of an entry's matching names the one in the document's spelling (British or American)
 * is offered; an entry whose acronym the document has already defined before the cursor is offered as
 * its acronym, and an acronym not yet used in its defining form.
 */
function rankCandidates(names: CompletionName[], typed: string, start: number, end: number, options: CompletionOptions, analysis: DocumentAnalysis, index: GlossaryIndex): CompletionCandidate[] {
  const industries = new Set((options.industries ?? []).map((i) => i.toLowerCase()));
  const style = documentStyle(analysis);
  const candidates: CompletionCandidate[] = [];
  // Acronyms used, and acronyms defined, before the cursor: found once per analysis (on the first
  // completion that has an entry with an acronym among its candidates), then one lookup each.
  let facts: AcronymFacts | undefined;
  const usedBefore = (acronym: string): boolean => {
    facts ??= acronymFacts(analysis);
    const first = facts.firstUse.get(acronym);
    return first !== undefined && first < start;
  };
  const definedBefore = (acronym: string): boolean => {
    facts ??= acronymFacts(analysis);
    const first = facts.firstDefinitionEnd.get(acronym);
    return first !== undefined && first <= start;
  };
  for (const name of names) {
    const entry = name.entry;
    const isAcronym = name.kind === 'acronym';
    let label = name.name;
    let insertText = isAcronym ? name.name : keepTypedCase(name.name, typed);
    let kind = name.kind;
    if (isAcronym && !usedBefore(entry.acronym!)) insertText = `${entry.term} (${name.name})`;
    else if (!isAcronym && entry.acronym && !index.expansionsOf(entry.acronym).some((e) => e !== entry) && definedBefore(entry.acronym)) {
      // Defined already: the document goes on with the short form.
      label = entry.acronym;
      insertText = entry.acronym;
      kind = 'acronym';
    }
    let rank = name.name.startsWith(typed) ? 0 : 1;
    if (name.kind === 'alias') rank += 2;
    // The document's spelling first: "financial modelling" in a British document.
    const nameStyle = styleOf(name.name);
    if (style && nameStyle && nameStyle !== style) rank += 4;
    else if (style && nameStyle === style && name.kind === 'alias') rank -= 2;
    if (industries.size > 0 && !entry.industries.some((i) => industries.has(i.toLowerCase()))) rank += 1;
    candidates.push({ entry, label, insertText, start, end, kind, rank });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.label.length - b.label.length || a.label.localeCompare(b.label));
  // One item per entry: the best-ranked of its names.
  const kept = new Set<string>();
  return candidates.filter((c) => {
    if (kept.has(c.entry.id)) return false;
    kept.add(c.entry.id);
    return true;
  });
}

interface AcronymFacts {
  /** Per acronym, the start of its first mention as an acronym. */
  firstUse: Map<string, number>;
  /** Per acronym, the end of its first definition ("Knowledge Process Outsourcing (KPO)"). */
  firstDefinitionEnd: Map<string, number>;
}

const acronymFactsByAnalysis = new WeakMap<DocumentAnalysis, AcronymFacts>();

/**
 * Where each acronym is first used and first defined in a document: one pass over its mentions and
 * definitions per analysis, so that a completion costs a lookup per candidate instead of a pass over
 * the document (issue 12: 20,000 acronyms and 100,000 mentions took seconds a completion).
 */
function acronymFacts(analysis: DocumentAnalysis): AcronymFacts {
  let facts = acronymFactsByAnalysis.get(analysis);
  if (facts) return facts;
  facts = { firstUse: new Map(), firstDefinitionEnd: new Map() };
  // By entry first (an object key is cheaper than hashing the acronym a hundred thousand times), then by acronym.
  const byEntry = new Map<GlossaryEntry, number>();
  for (const m of analysis.mentions) {
    if (m.ref.kind !== 'acronym') continue;
    const known = byEntry.get(m.ref.entry);
    if (known === undefined || m.start < known) byEntry.set(m.ref.entry, m.start);
  }
  for (const [entry, start] of byEntry) {
    const known = facts.firstUse.get(entry.acronym!);
    if (known === undefined || start < known) facts.firstUse.set(entry.acronym!, start);
  }
  for (const d of documentDefinitions(analysis)) {
    const acronym = d.acronym.ref.entry.acronym!;
    const known = facts.firstDefinitionEnd.get(acronym);
    if (known === undefined || d.end < known) facts.firstDefinitionEnd.set(acronym, d.end);
  }
  acronymFactsByAnalysis.set(analysis, facts);
  return facts;
}

/**
 * The text a completion inserts: a name with capitals of its own ("Knowledge Process Outsourcing",
 * "CAD design") keeps them; a lowercase name follows the writer ("Financial mo" gives "Financial
 * modeling"; capitals typed give capitals).
 */
function keepTypedCase(name: string, typed: string): string {
  const letters = typed.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return name.toUpperCase();
  if (name !== name.toLowerCase()) return name;
  return /^\p{Lu}/u.test(typed) ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

/** The mention covering an offset (end inclusive, so a cursor right after a word still finds it). */
function mentionAt(mentions: Mention[], offset: number): Mention | undefined {
  const m = mentions[countBefore(mentions.length, (i) => mentions[i].start <= offset) - 1];
  return m !== undefined && offset <= m.end ? m : undefined;
}

interface LintedBlocks {
  /** The enabled rules and their severities. */
  key: string;
  /** The findings of local rules, by block. */
  byBlock: Finding[][];
  /** By block: 1 when its findings were made by this lint (they may quote this version's text). */
  made: Uint8Array;
}

const NO_FINDINGS: Finding[] = [];

/**
 * Fills `byBlock` with the previous analysis's findings of the blocks that did not change and whose
 * context blocks (heading, table header, parent item, list intro) are the same, moving them in place
 * (the previous analysis and its findings are consumed by `update`); returns the blocks to check
 * again, in order.
 */
function reusePreviousFindings(analysis: DocumentAnalysis, reuse: BlockReuse & { linted: LintedBlocks }, byBlock: Finding[][]): number[] {
  const { first, after, previousAfter, delta, previousBlocks, previousContexts, linted } = reuse;
  const toCheck: number[] = [];
  for (let b = 0; b < first; b++) byBlock[b] = keep(linted, b, 0);
  for (let b = first; b < after; b++) toCheck.push(b);
  const blocks = analysis.blocks;
  const same = (x: number | undefined, y: number | undefined) => (x === undefined ? y === undefined : y !== undefined && blocks[x] === previousBlocks[y]);
  for (let b = after; b < blocks.length; b++) {
    const old = b - after + previousAfter;
    const now = analysis.contexts[b];
    const then = previousContexts[old];
    if (same(now.heading, then.heading) && same(now.header, then.header) && same(now.parent, then.parent) && same(now.intro, then.intro)) {
      byBlock[b] = keep(linted, old, delta);
    } else {
      toCheck.push(b);
    }
  }
  return toCheck;
}

/** The previous findings of a block, moved by `delta`; on their first reuse, their strings stop quoting the previous text. */
function keep(linted: LintedBlocks, b: number, delta: number): Finding[] {
  const findings = linted.byBlock[b];
  const made = linted.made[b] === 1;
  if ((delta === 0 && !made) || findings.length === 0) return findings;
  for (const f of findings) {
    f.start += delta;
    f.end += delta;
    if (made) f.message = detach(f.message);
    for (const fix of f.fixes) {
      if (made) fix.title = detach(fix.title);
      for (const e of fix.edits) {
        e.start += delta;
        e.end += delta;
        if (made) e.newText = detach(e.newText);
      }
    }
  }
  return findings;
}

/** The index of the block holding `offset` (the last block starting at or before it). */
function blockAt(analysis: DocumentAnalysis, offset: number): number {
  const blocks = analysis.blocks;
  return Math.max(0, countBefore(blocks.length, (i) => blocks[i].block.start <= offset) - 1);
}
