// Hover on a glossary name in prose. Short by default, since a word such as "KPO" appears dozens of
// times in every proposal: the term (and acronym), its side or category, the definition's first
// sentence, a one-line KPO/BPO contrast where it applies, one example, and a link to the whole entry.
// `kpoGlossary.hover.details` adds the rest (examples, related terms, FAQ answers, notes, the
// comparison table). Findings are not repeated (the editor shows the diagnostic beside the hover),
// but what backs one up (its `detail`: the comparison row, where the definition is) comes first.
// All glossary text is escaped; the only links are the ones this module builds.

import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import {
  type DocumentAnalysis,
  documentDefinitions,
  type Engine,
  entryLabel,
  firstSentence,
  type GlossaryEntry,
  sideOfCategory,
} from '../core';
import { SHOW_ENTRY_COMMAND, type ShowEntryArgs } from '../shared/protocol';
import type { ServerContext } from './context';
import { toOffset, toRange } from './convert';
import { glossaryFileHover } from './glossary-file-features';
import { escapeMarkdown, plainText } from './markup';

const MAX_LIST = 8;

export async function hover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const snapshot = await ctx.resolve(params.textDocument.uri);
  if (!snapshot || !snapshot.settings.hover.enable) return null;
  if (snapshot.kind === 'glossary-file') return glossaryFileHover(ctx, snapshot, params.position);
  const { analysis, engine } = snapshot;
  const offset = toOffset(analysis, params.position);
  const options: HoverOptions = { markdown: ctx.capabilities.hoverMarkdown, details: snapshot.settings.hover.details, commandLinks: ctx.glossaryCommands };
  const kind = options.markdown ? MarkupKind.Markdown : MarkupKind.PlainText;
  // The editor shows a finding's short message itself; what backs it up (the comparison row) is added here.
  const flagged = snapshot.findings().filter((f) => f.detail && f.start <= offset && offset <= f.end);
  const backing = [...new Set(flagged.map((f) => f.detail!))].map((d) => (options.markdown ? escapeMarkdown(d) : d)).join(options.markdown ? '\n\n' : '\n');
  const found = engine.entryAt(analysis, offset);
  if (!found) {
    if (!backing) return null;
    return { contents: { kind, value: backing }, range: toRange(analysis, flagged[0].start, flagged[0].end) };
  }
  const entry = found.kind === 'acronym' ? meaningInDocument(engine, analysis, found.entry) : found.entry;
  const text = describeEntry(engine, entry, options, found.kind === 'acronym' ? analysis : undefined);
  return {
    contents: { kind, value: backing ? `${backing}${options.markdown ? '\n\n---\n\n' : '\n\n'}${text}` : text },
    range: toRange(analysis, found.start, found.end),
  };
}

export interface HoverOptions {
  markdown?: boolean;
  /** Everything about the entry, not only the short form. */
  details?: boolean;
  /** The client runs SHOW_ENTRY_COMMAND: link to the entry with it rather than with a file link. */
  commandLinks?: boolean;
}

/**
 * An acronym with more than one expansion ("RPO") means what the document defines it as; without a
 * definition, the first entry.
 */
function meaningInDocument(engine: Engine, analysis: DocumentAnalysis, entry: GlossaryEntry): GlossaryEntry {
  const all = engine.index.expansionsOf(entry.acronym!);
  if (all.length < 2) return entry;
  for (const d of documentDefinitions(analysis)) {
    if (d.acronym.ref.entry.acronym === entry.acronym && d.expansion && d.match === 'same') return d.expansion.ref.entry;
  }
  return entry;
}

/** The hover text of an entry. `analysis`: the document, for an acronym that stands for several entries. */
export function describeEntry(engine: Engine, entry: GlossaryEntry, options: HoverOptions = {}, analysis?: DocumentAnalysis): string {
  const glossary = engine.glossary;
  const out = new Builder(options.markdown !== false);
  out.title(entryLabel(entry));
  const side = engine.index.sideOf(entry) ?? sideOfCategory(entry.category);
  const facts = [
    side && !entry.contested ? `${side.toUpperCase()} ${entry.category === 'kpo-service' || entry.category === 'bpo-task' ? (side === 'kpo' ? 'service' : 'task') : 'side'}` : entry.category,
    ...(entry.industries.length ? [entry.industries.join(', ')] : []),
    ...(entry.contested ? ['sold both as KPO and as BPO'] : []),
  ];
  out.subtitle(facts.join(' · '));
  out.paragraph(firstSentence(entry.definition));
  // An acronym that stands for more than one entry says so, and which one the document uses.
  const others = entry.acronym ? engine.index.expansionsOf(entry.acronym).filter((e) => e !== entry) : [];
  if (others.length > 0) {
    const defined = analysis !== undefined && documentDefinitions(analysis).some((d) => d.acronym.ref.entry.acronym === entry.acronym && d.match === 'same');
    out.line('Also', `${out.inline(entry.acronym!)} can stand for ${others.map((o) => out.inline(o.term)).join(', ')}${defined ? '; this document defines it as above' : '; define it at its first use to say which'}.`);
  }
  const focus = glossary.comparison[0];
  if (side && focus) out.line('KPO vs BPO', `${out.inline(lowerFirst(focus.kpo.summary))} — BPO: ${out.inline(lowerFirst(focus.bpo.summary))}`.replace(/^/, 'KPO: '));
  if (entry.examples.length > 0) out.example(entry.examples[0]);
  if (options.details) details(engine, entry, out);
  out.link(entryLink(entry, options));
  return out.toString();
}

/** Everything else about an entry (kpoGlossary.hover.details). */
function details(engine: Engine, entry: GlossaryEntry, out: Builder): void {
  const glossary = engine.glossary;
  if (entry.definition !== firstSentence(entry.definition)) out.paragraph(entry.definition);
  if (entry.examples.length > 1) out.list('Examples', entry.examples.slice(1, MAX_LIST).map((e) => out.inline(e)));
  if (engine.index.sideOf(entry) && glossary.comparison.length > 0) {
    out.table('KPO vs BPO', ['Aspect', 'KPO', 'BPO'], glossary.comparison.slice(0, 20).map((a) => [a.label, a.kpo.summary, a.bpo.summary]));
  }
  const related = entry.related
    .map((id) => glossary.byId.get(id))
    .filter((e): e is GlossaryEntry => e !== undefined)
    .slice(0, MAX_LIST * 2)
    .map((e) => out.inline(entryLabel(e)));
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
}

/** Where the whole entry is: the client's command (VS Code), or the glossary file at the entry's line. */
function entryLink(entry: GlossaryEntry, options: HoverOptions): { label: string; target: string } | undefined {
  const faq = entry.faq.length > 0 ? ` and ${entry.faq.length} FAQ answer${entry.faq.length === 1 ? '' : 's'}` : '';
  const label = `The whole entry${faq}`;
  if (options.commandLinks) {
    const args: ShowEntryArgs = { id: entry.id, ...(entry.source ? { source: { file: entry.source.file, line: entry.source.line, column: entry.source.column } } : {}) };
    return { label, target: `command:${SHOW_ENTRY_COMMAND}?${encodeURIComponent(JSON.stringify([args]))}` };
  }
  if (!entry.source || !/^(\/|[A-Za-z]:[\\/]|file:)/.test(entry.source.file)) return undefined;
  const file = entry.source.file.startsWith('file:') ? entry.source.file : 'file://' + encodeURI(entry.source.file.replace(/\\/g, '/')).replace(/^file:\/\/([A-Za-z]:)/, 'file:///$1');
  return { label, target: `${file}#L${entry.source.line}` };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');
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

  title(value: string): void {
    const name = this.inline(value);
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

  example(value: string): void {
    this.parts.push(this.markdown ? `*e.g.* “${this.inline(value)}”` : `e.g. “${value}”`);
  }

  /** A link this module builds (never glossary text): label and target are escaped for Markdown. */
  link(link: { label: string; target: string } | undefined): void {
    if (!link) return;
    this.parts.push(this.markdown ? `[${this.inline(link.label)}](${link.target.replace(/[()\s]/g, (c) => encodeURIComponent(c))})` : `${link.label}: ${link.target}`);
  }

  question(question: string, answer: string): void {
    this.parts.push(this.markdown ? `*${this.inline(question)}*\n\n${this.text(answer)}` : `  Q: ${question}\n  A: ${answer}`);
  }

  toString(): string {
    return this.parts.join('\n\n');
  }
}
