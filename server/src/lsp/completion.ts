// Completion of glossary terms and service names from the words being typed, in prose only (the engine
// answers nothing elsewhere). The edit replaces the whole typed prefix, which may span several words,
// with the engine's text: the writer's capitalisation, and "Knowledge Process Outsourcing (KPO)" for an
// acronym's first use in the document.

import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import { type CompletionCandidate, entryLabel } from '../core';
import type { ServerContext } from './context';
import { toOffset, toRange } from './convert';
import { glossaryFileCompletion } from './glossary-file-features';
import { escapeMarkdown, plainText } from './markup';

/** More candidates than this are cut, and the list marked incomplete so the client asks again. */
const MAX_ITEMS = 100;

export async function completion(ctx: ServerContext, params: CompletionParams): Promise<CompletionList | null> {
  const snapshot = await ctx.resolve(params.textDocument.uri);
  if (!snapshot || !snapshot.settings.completion.enable) return null;
  if (snapshot.kind === 'glossary-file') return glossaryFileCompletion(ctx, snapshot, params.position);
  const { analysis, engine, settings } = snapshot;
  const offset = toOffset(analysis, params.position);
  const candidates = engine.complete(analysis, offset, { industries: settings.industries });
  const items = candidates.slice(0, MAX_ITEMS).map((c, i) => toItem(ctx, snapshot.analysis, c, i));
  // Always incomplete: the client asks again on the next keystroke instead of filtering this list by
  // itself, so its fuzzy matching cannot bring back what the server would not offer ("peers" must not
  // keep "patent research" alive).
  return { isIncomplete: true, items };
}

function toItem(ctx: ServerContext, analysis: Parameters<typeof toRange>[0], c: CompletionCandidate, index: number): CompletionItem {
  const entry = c.entry;
  const where = [entry.category, ...entry.industries].join(' · ');
  const markdown = ctx.capabilities.completionMarkdown;
  const heading = entryLabel(entry);
  // The label is what will be inserted (in the writer's capitalisation), except for an acronym, which
  // keeps its own label and shows its expansion as a detail.
  const expands = c.insertText.toLowerCase() !== c.label.toLowerCase();
  const item: CompletionItem = {
    label: c.kind === 'acronym' ? c.label : c.insertText,
    kind: c.kind === 'acronym' ? CompletionItemKind.Constant : CompletionItemKind.Text,
    detail: expands ? `${c.insertText} — ${where}` : c.kind === 'acronym' ? `${entry.term} — ${where}` : where,
    documentation: markdown
      ? { kind: MarkupKind.Markdown, value: `**${escapeMarkdown(heading)}**\n\n${escapeMarkdown(entry.definition)}` }
      : { kind: MarkupKind.PlainText, value: `${heading}\n\n${plainText(entry.definition)}` },
    textEdit: { range: toRange(analysis, c.start, c.end), newText: c.insertText },
    // Clients filter on the typed words (from the start of the edit); an acronym is found by itself.
    filterText: c.kind === 'acronym' ? c.label : c.insertText,
    sortText: `${String(c.rank).padStart(3, '0')}.${String(index).padStart(4, '0')}`,
    data: { entryId: entry.id },
  };
  if (ctx.capabilities.labelDetails) {
    item.labelDetails = { description: where };
    if (expands) item.labelDetails.detail = ` → ${c.insertText}`;
  }
  return item;
}
