// Hover on a glossary name in prose: the entry (preferred term, acronym or expansion, category and
// industry, definition, examples, related terms, its FAQ, notes), the KPO vs BPO comparison on either
// of those two, and on a flagged range why it was flagged. All glossary text is escaped.

import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { Engine } from '../core/engine';
import type { Finding, GlossaryEntry } from '../core/types';
import type { ServerContext } from './context';
import { toOffset, toRange } from './convert';
import { glossaryFileHover } from './glossary-file';
import { escapeMarkdown, plainText } from './markup';

const MAX_LIST = 8;

export async function hover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const file = await ctx.glossaryFile(params.textDocument.uri);
  if (file) return file.settings.hover.enable ? glossaryFileHover(ctx, file, params.position) : null;
  const snapshot = await ctx.snapshot(params.textDocument.uri);
  if (!snapshot || !snapshot.settings.hover.enable) return null;
  const { analysis, engine } = snapshot;
  const offset = toOffset(analysis, params.position);
  const findings = snapshot.findings();
  const found = engine.entryAt(analysis, offset, findings);
  if (found) {
    return {
      contents: { kind: ctx.capabilities.hoverMarkdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: describeEntry(engine, found.entry, found.findings, ctx.capabilities.hoverMarkdown) },
      range: toRange(analysis, found.start, found.end),
    };
  }
  // A flagged range that names no entry still says why it was flagged.
  const covering = findings.filter((f) => f.start <= offset && offset <= f.end);
  if (covering.length === 0) return null;
  const start = Math.min(...covering.map((f) => f.start));
  const end = Math.max(...covering.map((f) => f.end));
  const out = new Builder(ctx.capabilities.hoverMarkdown);
  flagged(out, covering);
  return { contents: { kind: out.kind, value: out.toString() }, range: toRange(analysis, start, end) };
}

/** The hover text of an entry, with the findings covering the hovered range first. */
export function describeEntry(engine: Engine, entry: GlossaryEntry, findings: Finding[], markdown = true): string {
  const glossary = engine.glossary;
  const out = new Builder(markdown);
  out.title(entry.term, entry.acronym);
  const facts = [entry.category, ...(entry.industries.length ? [`industry: ${entry.industries.join(', ')}`] : [])];
  out.subtitle(facts.join(' · '));
  if (findings.length > 0) flagged(out, findings);
  out.paragraph(entry.definition);
  if (entry.examples.length > 0) out.list('Examples', entry.examples.slice(0, MAX_LIST).map((e) => out.inline(e)));
  const side = engine.index.sideOf(entry);
  if (side && glossary.comparison.length > 0) {
    const kpo = engine.index.sides.kpo;
    const bpo = engine.index.sides.bpo;
    out.table(
      'KPO vs BPO',
      ['Aspect', kpo?.acronym ?? 'KPO', bpo?.acronym ?? 'BPO'],
      glossary.comparison.slice(0, 20).map((a) => [a.label, a.kpo.summary, a.bpo.summary]),
    );
  }
  const related = entry.related
    .map((id) => glossary.byId.get(id))
    .filter((e): e is GlossaryEntry => e !== undefined)
    .slice(0, MAX_LIST * 2)
    .map((e) => out.inline(e.acronym ? `${e.term} (${e.acronym})` : e.term));
  if (related.length > 0) out.line('Related', related.join(', '));
  const faq = entry.faq
    .map((id) => glossary.faq.find((q) => q.id === id))
    .filter((q): q is NonNullable<typeof q> => q !== undefined)
    .slice(0, MAX_LIST);
  if (faq.length > 0) {
    out.heading('FAQ');
    for (const q of faq) out.question(q.question, q.answer);
  }
  if (entry.notes.length > 0) out.list('Notes', entry.notes.slice(0, MAX_LIST).map((n) => out.inline(n)));
  return out.toString();
}

function flagged(out: Builder, findings: Finding[]): void {
  out.list('Flagged', findings.map((f) => `${out.inline(f.message)} (${out.code(f.ruleId)})`));
}

/** Writes the same structure as Markdown or as plain text. Inputs are raw text; `text` escapes them. */
class Builder {
  private readonly parts: string[] = [];

  constructor(private readonly markdown: boolean) {}

  get kind(): MarkupKind {
    return this.markdown ? MarkupKind.Markdown : MarkupKind.PlainText;
  }

  text(value: string): string {
    return this.markdown ? escapeMarkdown(value) : plainText(value);
  }

  /** Escaped text on one line (for emphasis, list items and table cells, which a blank line would end). */
  inline(value: string): string {
    return this.text(value).replace(/\s*\n+\s*/g, ' ');
  }

  code(value: string): string {
    return this.markdown ? '`' + value.replace(/`/g, '') + '`' : value;
  }

  title(term: string, acronym?: string): void {
    const name = acronym ? `${this.inline(term)} (${this.inline(acronym)})` : this.inline(term);
    this.parts.push(this.markdown ? `**${name}**` : name);
  }

  subtitle(value: string): void {
    this.parts.push(this.markdown ? `*${this.inline(value)}*` : value);
  }

  heading(label: string): void {
    this.parts.push(this.markdown ? `**${label}**` : `${label}:`);
  }

  paragraph(value: string): void {
    this.parts.push(this.text(value));
  }

  line(label: string, value: string): void {
    this.parts.push(this.markdown ? `**${label}:** ${value}` : `${label}: ${value}`);
  }

  /** Items are already escaped (through `text`). */
  list(label: string, items: string[]): void {
    const bullet = this.markdown ? '- ' : '  - ';
    this.parts.push(`${this.markdown ? `**${label}**` : `${label}:`}\n\n${items.map((i) => bullet + i.replace(/\s*\n+\s*/g, ' ')).join('\n')}`);
  }

  table(label: string, header: string[], rows: string[][]): void {
    if (this.markdown) {
      const cell = (s: string) => this.inline(s);
      const lines = [`| ${header.map(cell).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
      this.parts.push(`**${label}**\n\n${lines.join('\n')}`);
    } else {
      this.parts.push(`${label}:\n${rows.map((r) => `  ${r[0]}: ${header[1]}: ${r[1]} ${header[2]}: ${r[2]}`).join('\n')}`);
    }
  }

  question(question: string, answer: string): void {
    this.parts.push(this.markdown ? `*${this.inline(question)}*\n\n${this.text(answer)}` : `  Q: ${question}\n  A: ${answer}`);
  }

  toString(): string {
    return this.parts.join('\n\n');
  }
}
