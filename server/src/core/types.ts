// Shared types of the core engine. Everything here is plain data: offsets are UTF-16 code-unit
// offsets into the document text (what JavaScript strings and LSP clients count), never lines and
// columns, so one place (the LSP layer or the CLI) converts them for display.

/** The severities, most severe first: the one order of severities (fix-all, the CLI's threshold and summary). */
export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** What a rule can be set to (settings, kpo-lint --rule): a severity, or 'off'. */
export type RuleSetting = Severity | 'off';
/** Every rule setting, most severe first. */
export const RULE_SETTINGS: readonly RuleSetting[] = [...SEVERITIES, 'off'];

/** Replace the text between `start` and `end` (UTF-16 offsets, end exclusive) with `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * A change that resolves a finding. Two kinds, as ESLint has fixes and suggestions:
 * - a **safe** fix is correct by construction (a listed variant replaced by its term, a wrong expansion
 *   replaced by the right one, an expansion added where the document has none): `kpo-lint --fix`,
 *   "Fix all" and fix-on-save apply it, and at most one fix of a finding is safe;
 * - any other fix is a **suggestion** (a KPO↔BPO switch, an expansion where the document defines the
 *   acronym later): offered in the quick-fix menu only, for the writer to choose.
 */
export interface Fix {
  /** What the fix does, said to a writer ("Replace with “BPO”"). */
  title: string;
  edits: TextEdit[];
  /** Applied by `kpo-lint --fix`, "Fix all" and fix-on-save. At most one per finding. */
  safe?: boolean;
  /** The fix the quick-fix menu puts first (VS Code's `isPreferred`). At most one per finding; a safe fix is always preferred. */
  preferred?: boolean;
}

export interface Finding {
  /** The rule id, which is also the diagnostic code ("kpo-bpo/task-mismatch"). */
  ruleId: string;
  severity: Severity;
  start: number;
  end: number;
  /** One short sentence that fits the Problems panel and quotes the words it is about. */
  message: string;
  /** What backs the message up (the comparison row, where the definition is), for the hover and reports. */
  detail?: string;
  fixes: Fix[];
  /** The glossary entry the finding is about, when there is one (for hover and "more information"). */
  entryId?: string;
}

export interface GlossaryProblem {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning';
  /** Says what is wrong and what to do about it. */
  message: string;
}

export interface GlossaryEntry {
  id: string;
  /** The preferred term. For an acronym entry this is the expansion ("Knowledge Process Outsourcing"). */
  term: string;
  /** The acronym of the term, if it has one ("KPO"). Matched case-sensitively. */
  acronym?: string;
  category: string;
  definition: string;
  /** Accepted spelling variants, matched like the term (modelling/modeling, call centre/center). */
  aliases: string[];
  /** Non-standard variants that `term/preferred` corrects to the term. */
  avoid: string[];
  /** Industries where the entry applies (ids of `industry` entries or plain names). */
  industries: string[];
  /** Ids of related entries. */
  related: string[];
  /** Ids of FAQ items about this entry (from the entry itself and from each FAQ item's `terms`). */
  faq: string[];
  examples: string[];
  /** Further facts shown in the hover. */
  notes: string[];
  /**
   * A service the market sells both ways (as KPO by some vendors, as BPO by others), such as medical
   * coding: its category does not drive kpo-bpo/task-mismatch, and the hover says so.
   */
  contested?: boolean;
  /** An acronym every reader knows (HR, IT): acronym/undefined never asks for its expansion. */
  wellKnown?: boolean;
  /**
   * For a kind of outsourcing that is a branch of one side (LPO of KPO, HR outsourcing of BPO): its
   * mentions say which side a sentence speaks of, as "KPO" and "BPO" do.
   */
  side?: 'kpo' | 'bpo';
  /** Sentences that must and must not be flagged, checked when the glossary loads. */
  tests?: { flag: ExampleCase[]; pass: ExampleCase[] };
  /** Where the entry was defined, for go-to-definition and problems. */
  source?: { file: string; line: number; column: number };
  /** Where later glossary files change the entry (an item naming its id), in load order. */
  changedIn?: Array<{ file: string; line: number; column: number }>;
}

/** An example sentence of a glossary entry, with where it is written. */
export interface ExampleCase {
  text: string;
  file: string;
  line: number;
  column: number;
}

export interface FaqItem {
  id: string;
  question: string;
  answer: string;
  /** Ids of the entries the question is about. */
  terms: string[];
}

/** One row of the KPO vs BPO comparison. */
export interface ComparisonAspect {
  id: string;
  label: string;
  kpo: ComparisonSide;
  bpo: ComparisonSide;
}

export interface ComparisonSide {
  /** The comparison's cell, in the glossary's words. */
  summary: string;
  /** Phrases that attribute this side's trait to a subject ("cheap", "rule-based", "highly skilled"). */
  traits: string[];
  /**
   * Qualities any provider may claim for itself ("innovation", "domain expertise"): said of the other
   * side they count only as what the work is or needs ("BPO requires domain expertise"), never as
   * what a vendor brings ("our BPO team brings expertise").
   */
  qualities?: string[];
  /**
   * Comparatives of this side ("cheaper", "lower cost"): they count only when the sentence compares
   * with the other side ("KPO is cheaper than BPO"), since against in-house work either side may be.
   */
  comparatives?: string[];
}

export interface Glossary {
  entries: GlossaryEntry[];
  byId: Map<string, GlossaryEntry>;
  faq: FaqItem[];
  comparison: ComparisonAspect[];
  /** The files the glossary was built from, in load order. */
  files: string[];
}

export interface LoadResult {
  glossary: Glossary;
  problems: GlossaryProblem[];
}
