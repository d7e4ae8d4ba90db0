// Help while writing a glossary file in the editor: its problems as diagnostics where they are; in
// YAML files, completion of field names (with the schema's descriptions), of categories, of entry ids
// (in related, industry, FAQ terms and id) and of FAQ ids, hover on field names, categories and ids,
// and go to definition from an id to its entry. JSON files get completion and validation from VS Code's
// JSON support through the contributed schema, so only their diagnostics come from here.

import {
  CompletionItemKind,
  DiagnosticSeverity,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type Location,
  type Position,
} from 'vscode-languageserver';
import {
  entryLabel,
  fromOneBased,
  type Glossary,
  GLOSSARY_FIELDS,
  type GlossaryEntry,
  type MappingKind,
  yamlSpot,
  type YamlSpot,
} from '../core';
import schema from '../../../glossary/schema.json';
import type { GlossaryFileSnapshot, ServerContext } from './context';
import { SOURCE, entryLocations } from './convert';
import type { ServerHost } from './host';
import { escapeMarkdown } from './markup';
import { CATEGORIES } from '../shared/categories';

/** Problems of the glossary file, where they are. */
export function glossaryFileDiagnostics(snapshot: GlossaryFileSnapshot): Diagnostic[] {
  const { document, file, glossary } = snapshot;
  const lines = document.lineCount;
  const lineText = (line: number) => document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  return glossary.problems
    .filter((p) => p.file === file)
    .map((p): Diagnostic => {
      const at = fromOneBased(p.line, p.column);
      const line = Math.min(at.line, Math.max(0, lines - 1));
      const start: Position = { line, character: at.character };
      let end: Position = p.endLine !== undefined && p.endColumn !== undefined ? fromOneBased(p.endLine, p.endColumn) : start;
      if (end.line < start.line || (end.line === start.line && end.character <= start.character)) {
        // A point: underline the rest of its line (at least one character).
        const text = lineText(line);
        end = { line, character: Math.max(text.length, start.character + 1) };
      }
      return {
        range: { start, end },
        severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        source: SOURCE,
        code: 'glossary',
        message: p.message,
      };
    });
}

// ---------------------------------------------------------------------------------------------------
// Fields and their descriptions, from glossary/schema.json.

interface FieldInfo {
  description?: string;
  examples?: string[];
}

type SchemaProperties = Record<string, FieldInfo & { properties?: Record<string, FieldInfo> }>;

const FIELDS: Record<MappingKind, readonly string[]> = {
  top: GLOSSARY_FIELDS.top,
  entry: GLOSSARY_FIELDS.entry,
  tests: ['flag', 'pass'],
  faq: GLOSSARY_FIELDS.faq,
  aspect: GLOSSARY_FIELDS.aspect,
  side: GLOSSARY_FIELDS.side,
};

function schemaProperties(kind: MappingKind): SchemaProperties {
  const defs = (schema as unknown as { definitions: Record<string, { properties: SchemaProperties }>; properties: SchemaProperties }).definitions;
  switch (kind) {
    case 'top':
      return (schema as unknown as { properties: SchemaProperties }).properties;
    case 'tests':
      return (defs.entry.properties.tests.properties ?? {}) as SchemaProperties;
    default:
      return defs[kind].properties;
  }
}

function fieldInfo(kind: MappingKind, field: string): FieldInfo | undefined {
  return schemaProperties(kind)[field];
}

const LIST_FIELDS = new Set(['aliases', 'avoid', 'related', 'faq', 'examples', 'notes', 'flag', 'pass', 'traits', 'terms', 'comparison']);

/** Keys whose values are entry ids. */
const ENTRY_ID_KEYS: Partial<Record<MappingKind, string[]>> = { entry: ['related', 'industry', 'id'], faq: ['terms'] };

// ---------------------------------------------------------------------------------------------------

function spotAt(snapshot: GlossaryFileSnapshot, position: Position): YamlSpot | undefined {
  if (/\.json$/i.test(snapshot.file)) return undefined;
  const text = snapshot.document.getText();
  return yamlSpot(text, snapshot.document.offsetAt(position));
}

export function glossaryFileCompletion(ctx: ServerContext, snapshot: GlossaryFileSnapshot, position: Position): CompletionList | null {
  const spot = spotAt(snapshot, position);
  if (!spot || !spot.mapping) return null;
  const { document } = snapshot;
  const range = { start: document.positionAt(spot.start), end: document.positionAt(spot.end) };
  const markdown = ctx.capabilities.completionMarkdown;
  const doc = (text: string) => (markdown ? { kind: MarkupKind.Markdown, value: text } : { kind: MarkupKind.PlainText, value: text.replace(/[*`\\]/g, '') });
  const glossary = snapshot.glossary.engine.glossary;
  const items: CompletionItem[] = [];

  if (spot.role === 'key') {
    const lineEnd = document.getText({ start: range.end, end: { line: range.end.line, character: Number.MAX_SAFE_INTEGER } });
    const hasColon = /^\s*:/.test(lineEnd);
    for (const field of FIELDS[spot.mapping]) {
      if (spot.siblings.includes(field)) continue;
      const info = fieldInfo(spot.mapping, field);
      const required = spot.mapping === 'entry' && ['term', 'category', 'definition'].includes(field);
      items.push({
        label: field,
        kind: CompletionItemKind.Property,
        detail: LIST_FIELDS.has(field) ? 'list' : field === 'industry' ? 'text or list' : field === 'disabled' ? 'true or false' : field === 'tests' ? 'flag and pass lists' : 'text',
        ...(info?.description ? { documentation: doc(escapeMarkdown(info.description)) } : {}),
        textEdit: { range, newText: hasColon ? field : `${field}: ` },
        sortText: `${required ? 0 : 1}.${String(FIELDS[spot.mapping].indexOf(field)).padStart(2, '0')}`,
      });
    }
    return { isIncomplete: false, items };
  }

  const key = spot.key ?? '';
  const value = (label: string, detail: string | undefined, documentation: string | undefined, kind: CompletionItemKind, sort: string) =>
    items.push({ label, kind, ...(detail ? { detail } : {}), ...(documentation ? { documentation: doc(documentation) } : {}), textEdit: { range, newText: label }, sortText: sort });
  if (spot.mapping === 'entry' && key === 'category') {
    const used = new Set(glossary.entries.map((e) => e.category));
    const names = [...new Set([...Object.keys(CATEGORIES), ...used])];
    names.forEach((c, i) => value(c, CATEGORIES[c] ? undefined : 'used in this glossary', CATEGORIES[c] ? escapeMarkdown(CATEGORIES[c]) : undefined, CompletionItemKind.EnumMember, String(i).padStart(3, '0')));
  } else if (ENTRY_ID_KEYS[spot.mapping]?.includes(key)) {
    const entries = key === 'industry' ? glossary.entries.filter((e) => e.category === 'industry') : glossary.entries;
    entries.forEach((e, i) => value(e.id, entryLabel(e), `*${escapeMarkdown(e.category)}*\n\n${escapeMarkdown(e.definition)}`, CompletionItemKind.Reference, String(i).padStart(4, '0')));
  } else if (spot.mapping === 'entry' && key === 'faq') {
    glossary.faq.forEach((q, i) => value(q.id, q.question, escapeMarkdown(q.answer), CompletionItemKind.Reference, String(i).padStart(4, '0')));
  } else if (spot.mapping === 'entry' && key === 'disabled') {
    value('true', 'switch the entry off', undefined, CompletionItemKind.Value, '0');
    value('false', undefined, undefined, CompletionItemKind.Value, '1');
  } else if (spot.mapping === 'top' && key === 'version') {
    value('1', 'the only version', undefined, CompletionItemKind.Value, '0');
  } else {
    return null;
  }
  return { isIncomplete: false, items };
}

export function glossaryFileHover(ctx: ServerContext, snapshot: GlossaryFileSnapshot, position: Position): Hover | null {
  const spot = spotAt(snapshot, position);
  if (!spot || !spot.mapping || spot.text === '') return null;
  const { document } = snapshot;
  const range = { start: document.positionAt(spot.start), end: document.positionAt(spot.end) };
  const glossary = snapshot.glossary.engine.glossary;
  const markdown = ctx.capabilities.hoverMarkdown;
  const reply = (md: string) => ({ contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: markdown ? md : md.replace(/\\([\\`*_[\]<>!|~&#+\-=.)])/g, '$1').replace(/[*`]/g, '') }, range });

  if (spot.role === 'key') {
    if (!FIELDS[spot.mapping].includes(spot.text)) return null;
    const info = fieldInfo(spot.mapping, spot.text);
    const parts = [`\`${spot.text}\``];
    if (info?.description) parts.push(escapeMarkdown(info.description));
    if (info?.examples?.length) parts.push(`Examples: ${info.examples.map((e) => `\`${e}\``).join(', ')}`);
    return reply(parts.join('\n\n'));
  }
  const key = spot.key ?? '';
  if (spot.mapping === 'entry' && key === 'category') {
    const meaning = CATEGORIES[spot.text];
    const count = glossary.entries.filter((e) => e.category === spot.text).length;
    const parts = [`\`${spot.text}\``];
    if (meaning) parts.push(escapeMarkdown(meaning));
    parts.push(`${count} ${count === 1 ? 'entry' : 'entries'} of this glossary.`);
    return reply(parts.join('\n\n'));
  }
  const entry = idTarget(spot, glossary);
  if (entry) return reply(describeBriefly(entry));
  if (spot.mapping === 'entry' && key === 'faq') {
    const q = glossary.faq.find((f) => f.id === spot.text);
    if (q) return reply(`*${escapeMarkdown(q.question)}*\n\n${escapeMarkdown(q.answer)}`);
  }
  return null;
}

/** Go to definition from an entry id in a glossary file. */
export function glossaryFileDefinition(snapshot: GlossaryFileSnapshot, position: Position, host: ServerHost): Location[] {
  const spot = spotAt(snapshot, position);
  if (!spot || spot.role !== 'value') return [];
  const entry = idTarget(spot, snapshot.glossary.engine.glossary);
  return entry ? entryLocations(entry, host) : [];
}

function idTarget(spot: YamlSpot, glossary: Glossary): GlossaryEntry | undefined {
  if (spot.role !== 'value' || !spot.mapping || !ENTRY_ID_KEYS[spot.mapping]?.includes(spot.key ?? '')) return undefined;
  return glossary.byId.get(spot.text);
}

function describeBriefly(entry: GlossaryEntry): string {
  return `**${escapeMarkdown(entryLabel(entry))}**\n\n*${escapeMarkdown(entry.category)}*\n\n${escapeMarkdown(entry.definition)}`;
}

