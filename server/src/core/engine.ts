// The engine's public face: analyse a text once, then lint it, look up the entry at an offset, or list
// completions at an offset. Pure and synchronous; no VS Code, LSP or file system.

import { analyzeDocument, lineOf, type DocumentAnalysis, type Mention } from './analysis';
import { GlossaryIndex, type CompletionName, type NameKind } from './glossary/index';
import { isWordCode, nameWords } from './match/normalize';
import { RULES } from './rules';
import type { Finding, Glossary, GlossaryEntry, GlossaryProblem, Severity } from './types';
import { loadGlossary, type GlossarySource } from './glossary/load';
import { checkExamples } from './glossary/examples';

export type RuleSetting = Severity | 'off';

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

  /** Runs every enabled rule and applies inline directives. Findings are sorted by position. */
  lint(analysis: DocumentAnalysis, options: LintOptions = {}): Finding[] {
    const findings: Finding[] = [];
    for (const rule of RULES) {
      const setting = options.rules?.[rule.id] ?? rule.defaultSeverity;
      if (setting === 'off') continue;
      rule.check({
        analysis,
        index: this.index,
        report: (finding) => findings.push({ ruleId: rule.id, severity: setting, ...finding }),
      });
    }
    const kept = applyDirectives(analysis, findings);
    kept.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
    return kept;
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
      const prefix = nameWords(typed).join(' ') + (/[\s-]$/.test(typed) ? ' ' : '');
      if (!prefix.trim()) continue;
      const names = this.index.namesWithPrefix(prefix);
      if (names.length === 0) continue;
      return rankCandidates(names, typed, start, offset, options, analysis);
    }
    return [];
  }
}

/**
 * Orders candidates: names that start with exactly what was typed first, then case-insensitive
 * matches; terms and acronyms before aliases; the writer's industries before others; shorter first.
 */
function rankCandidates(names: CompletionName[], typed: string, start: number, end: number, options: CompletionOptions, analysis: DocumentAnalysis): CompletionCandidate[] {
  const industries = new Set((options.industries ?? []).map((i) => i.toLowerCase()));
  const candidates: CompletionCandidate[] = [];
  // An acronym not yet used before the cursor is offered in its defining form.
  const usedBefore = new Set(analysis.mentions.filter((m) => m.start < start).map((m) => m.ref.entry.id));
  for (const name of names) {
    const entry = name.entry;
    const isAcronym = name.kind === 'acronym';
    let insertText = isAcronym ? name.name : keepTypedCase(name.name, typed);
    if (isAcronym && !usedBefore.has(entry.id)) insertText = `${entry.term} (${name.name})`;
    let rank = name.name.startsWith(typed) ? 0 : 1;
    if (name.kind === 'alias') rank += 2;
    if (industries.size > 0 && !entry.industries.some((i) => industries.has(i.toLowerCase()))) rank += 1;
    candidates.push({ entry, label: name.name, insertText, start, end, kind: name.kind, rank });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.label.length - b.label.length || a.label.localeCompare(b.label));
  // One item per entry and form: the term over an alias when both match ("financial mo" offers
  // "financial modeling", not also "financial modelling"); an acronym stays a separate item.
  const kept = new Set<string>();
  return candidates.filter((c) => {
    const key = `${c.entry.id}:${c.kind === 'acronym' ? 'acronym' : 'words'}`;
    if (kept.has(key)) return false;
    kept.add(key);
    return true;
  });
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

/** Whether an offset is inside or at the end of a prose segment. */
export function inProse(analysis: DocumentAnalysis, offset: number): boolean {
  const blocks = analysis.markdown.blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const block = blocks[lo];
  if (!block || offset < block.start || offset > block.end) return false;
  return block.segments.some((s) => s.start <= offset && offset <= s.end);
}

/** The mention covering an offset (end inclusive, so a cursor right after a word still finds it). */
export function mentionAt(mentions: Mention[], offset: number): Mention | undefined {
  let lo = 0;
  let hi = mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = mentions[mid];
    if (offset < m.start) hi = mid - 1;
    else if (offset > m.end) lo = mid + 1;
    else return m;
  }
  return undefined;
}

/** Drops findings silenced by `<!-- kpo-disable… -->` comments. */
function applyDirectives(analysis: DocumentAnalysis, findings: Finding[]): Finding[] {
  const directives = analysis.markdown.directives;
  if (directives.length === 0) return findings;
  const lines = analysis.lineStarts;
  const lineRules = new Map<number, string[][]>();
  const regions: Array<{ offset: number; disable: boolean; rules: string[] }> = [];
  for (const d of directives) {
    const line = lineOf(lines, d.start);
    if (d.command === 'disable-line') push(lineRules, line, d.rules);
    else if (d.command === 'disable-next-line') push(lineRules, lineOf(lines, d.end) + 1, d.rules);
    else regions.push({ offset: d.start, disable: d.command === 'disable', rules: d.rules });
  }
  return findings.filter((f) => {
    const silencedLine = lineRules.get(lineOf(lines, f.start));
    if (silencedLine?.some((rules) => rules.length === 0 || rules.includes(f.ruleId))) return false;
    let disabled = false;
    for (const r of regions) {
      if (r.offset > f.start) break;
      if (r.rules.length === 0 || r.rules.includes(f.ruleId)) disabled = r.disable;
    }
    return !disabled;
  });
}

function push(map: Map<number, string[][]>, line: number, rules: string[]): void {
  const list = map.get(line);
  if (list) list.push(rules);
  else map.set(line, [rules]);
}

/**
 * Loads glossary sources into an engine and checks the entries' example sentences. The problems are
 * the loader's and the examples'; the engine holds every entry that loaded.
 */
export function createEngine(sources: GlossarySource[]): { engine: Engine; problems: GlossaryProblem[] } {
  const { glossary, problems } = loadGlossary(sources);
  const engine = new Engine(glossary);
  return { engine, problems: [...problems, ...checkExamples(engine)] };
}
