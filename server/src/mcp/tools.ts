// What the MCP server's tools do, apart from the protocol: each takes the engine (or its glossary) and
// plain arguments and returns plain data, which server.ts hands to the SDK as structured content and
// a text summary. Positions are 1-based lines and columns (in UTF-16 code units), as editors show them.

import {
  RULES,
  entryLabel,
  fixAll,
  lineStartsOf,
  lookupEntry,
  oneBasedRange,
  rulePage,
  sideOfCategory,
  type Engine,
  type Finding,
  type Glossary,
  type GlossaryEntry,
} from '../core';

/** A range as people count it: 1-based line and column of the start, and of the end (exclusive). */
export interface Place {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FindingOut extends Place {
  rule: string;
  severity: string;
  message: string;
  detail?: string;
  /** The words of the text the finding is about. */
  evidence: string;
  /** Safe fixes are correct by construction (fix_text applies them); the others are suggestions for the writer. */
  fixes: Array<{ title: string; safe: boolean; edits: Array<Place & { newText: string }> }>;
}

/** The findings of a Markdown text, with the words each one quotes. */
export function checkText(engine: Engine, text: string): FindingOut[] {
  const analysis = engine.analyze(text);
  const starts = analysis.lineStarts;
  return engine.lint(analysis).map((f: Finding) => ({
    rule: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...(f.detail ? { detail: f.detail } : {}),
    ...oneBasedRange(starts, f.start, f.end),
    evidence: text.slice(f.start, f.end),
    fixes: f.fixes.map((fix) => ({ title: fix.title, safe: fix.safe === true, edits: fix.edits.map((e) => ({ ...oneBasedRange(starts, e.start, e.end), newText: e.newText })) })),
  }));
}

export interface Change extends Place {
  rule: string;
  title: string;
  before: string;
  after: string;
}

/**
 * The text with its safe fixes applied, exactly as `kpo-lint --fix` applies them (core's `fixAll`: the
 * most severe findings first, a pass per severity), what changed (places in the text of the pass that
 * changed it), and how many findings are left for the writer.
 */
export function fixText(engine: Engine, text: string): { text: string; changes: Change[]; remaining: number } {
  const changes: Change[] = [];
  const result = fixAll(
    text,
    (t) => engine.lint(engine.analyze(t)),
    undefined,
    (pass) => {
      const starts = lineStartsOf(pass.text);
      for (const edit of pass.edits) {
        let rule = '';
        let title = '';
        for (const f of pass.findings) {
          const fix = f.fixes.find((x) => x.safe === true && x.edits.some((e) => e.start === edit.start && e.end === edit.end && e.newText === edit.newText));
          if (fix) {
            rule = f.ruleId;
            title = fix.title;
            break;
          }
        }
        changes.push({ rule, title, ...oneBasedRange(starts, edit.start, edit.end), before: pass.text.slice(edit.start, edit.end), after: edit.newText });
      }
    },
  );
  return { text: result.text, changes, remaining: result.findings.length };
}

export interface EntryOut {
  id: string;
  term: string;
  label: string;
  acronym?: string;
  category: string;
  /** The side of the KPO/BPO divide the category is on, when it has one. */
  side?: 'KPO' | 'BPO';
  definition: string;
  aliases: string[];
  /** Non-standard variants the glossary corrects to the term. */
  avoid: string[];
  industries: string[];
  related: string[];
  examples: string[];
  notes: string[];
  /** Sold both ways in the market: not used to judge KPO/BPO claims. */
  contested: boolean;
  faq: Array<{ id: string; question: string; answer: string }>;
  /** The KPO vs BPO comparison, for the entries on one side of it (and KPO and BPO themselves). */
  comparison?: Array<{ aspect: string; kpo: string; bpo: string }>;
  /** Where it is defined (a workspace glossary file, or the built-in glossary). */
  source?: { file: string; line: number };
}

/** An entry by any of its names; or why none (and the nearest name, when the query looks like a typo). */
export function lookupTerm(glossary: Glossary, name: string): { entry: EntryOut; matched: string } | { error: string } {
  const found = lookupEntry(glossary, name);
  if (!found.entry) {
    const hint = found.suggestion ? ` Did you mean “${found.suggestion}”?` : ' list_terms shows the terms there are.';
    return { error: `No glossary entry is named “${name.trim().slice(0, 100)}”.${hint}` };
  }
  return { entry: entryOut(glossary, found.entry), matched: found.matched };
}

export function entryOut(glossary: Glossary, entry: GlossaryEntry): EntryOut {
  const name = (id: string) => glossary.byId.get(id)?.term ?? id;
  const side = entry.side ?? sideOfCategory(entry.category);
  return {
    id: entry.id,
    term: entry.term,
    label: entryLabel(entry),
    ...(entry.acronym ? { acronym: entry.acronym } : {}),
    category: entry.category,
    ...(side ? { side: side === 'kpo' ? ('KPO' as const) : ('BPO' as const) } : {}),
    definition: entry.definition,
    aliases: entry.aliases,
    avoid: entry.avoid,
    industries: entry.industries.map(name),
    related: entry.related.map(name),
    examples: entry.examples,
    notes: entry.notes,
    contested: entry.contested === true,
    faq: entry.faq.flatMap((id) => glossary.faq.filter((f) => f.id === id)).map((f) => ({ id: f.id, question: f.question, answer: f.answer })),
    ...(side || entry.id === 'kpo' || entry.id === 'bpo' ? { comparison: glossary.comparison.map((a) => ({ aspect: a.label, kpo: a.kpo.summary, bpo: a.bpo.summary })) } : {}),
    ...(entry.source ? { source: { file: entry.source.file, line: entry.source.line } } : {}),
  };
}

/** The entries of a category and/or an industry (by id or name, any capitalisation), shortest first. */
export function listTerms(glossary: Glossary, filter: { category?: string; industry?: string; limit?: number }): { terms: Array<Pick<EntryOut, 'id' | 'label' | 'category' | 'definition'>>; total: number } | { error: string } {
  const categories = [...new Set(glossary.entries.map((e) => e.category))].sort();
  const category = filter.category?.trim().toLowerCase();
  if (category && !categories.includes(category)) return { error: `No category “${filter.category}”: the categories are ${categories.join(', ')}.` };
  const industryKey = filter.industry?.trim().toLowerCase();
  const industryIds = new Set(glossary.entries.flatMap((e) => e.industries));
  const industry = industryKey ? [...industryIds].find((id) => id.toLowerCase() === industryKey || glossary.byId.get(id)?.term.toLowerCase() === industryKey) : undefined;
  if (industryKey && !industry) return { error: `No industry “${filter.industry}”: the industries are ${[...industryIds].map((id) => glossary.byId.get(id)?.term ?? id).sort().join(', ')}.` };
  const matching = glossary.entries.filter((e) => (!category || e.category === category) && (!industry || e.industries.includes(industry)));
  const limit = filter.limit ?? 100;
  return {
    terms: matching.slice(0, limit).map((e) => ({ id: e.id, label: entryLabel(e), category: e.category, definition: e.definition })),
    total: matching.length,
  };
}

/** A rule: what it finds, its severity, whether it fixes, and its documentation page (`read` gives the page's text). */
export function explainRule(id: string, read: (page: string) => string | undefined): { rule: { id: string; description: string; severity: string; fixable: boolean; page: string; documentation?: string } } | { error: string } {
  const rule = RULES.find((r) => r.id === id.trim());
  if (!rule) return { error: `No rule “${id.trim().slice(0, 100)}”: the rules are ${RULES.map((r) => r.id).join(', ')}.` };
  const page = rulePage(rule.id);
  const documentation = read(page);
  return { rule: { id: rule.id, description: rule.description, severity: rule.defaultSeverity, fixable: rule.fixable, page, ...(documentation ? { documentation } : {}) } };
}
