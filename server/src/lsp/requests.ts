// The custom requests the VS Code client's commands use: the glossary's entries (for "Show Glossary")
// and its FAQ (for "Search FAQ"), from the glossary the given document's settings name (or the
// workspace's when no document is given). Only converts; failures answer an empty list.

import type { Connection } from 'vscode-languageserver';
import type { Glossary } from '../core/types';
import { FaqRequest, GlossaryEntriesRequest, type EntrySummary, type FaqSummary } from '../shared/protocol';
import { guarded, type Logger, type ServerContext } from './context';

export function registerRequests(connection: Connection, context: () => ServerContext | undefined, log: Logger): void {
  const glossaryOf = async (params: unknown): Promise<Glossary | undefined> => {
    const ctx = context();
    if (!ctx) return undefined;
    const uri = typeof (params as { uri?: unknown } | undefined)?.uri === 'string' ? (params as { uri: string }).uri : undefined;
    return ctx.glossaryFor(await ctx.settings.get(uri), uri).engine.glossary;
  };

  connection.onRequest(
    GlossaryEntriesRequest.method,
    guarded(log, 'Glossary entries', [] as EntrySummary[], async (params: GlossaryEntriesRequest.Params | undefined) => {
      const glossary = await glossaryOf(params);
      if (!glossary) return [];
      return glossary.entries.map((entry): EntrySummary => ({
        id: entry.id,
        term: entry.term,
        ...(entry.acronym ? { acronym: entry.acronym } : {}),
        category: entry.category,
        definition: entry.definition,
        industries: entry.industries.map((id) => glossary.byId.get(id)?.term ?? id),
        ...(entry.source ? { source: { ...entry.source } } : {}),
      }));
    }),
  );

  connection.onRequest(
    FaqRequest.method,
    guarded(log, 'FAQ', [] as FaqSummary[], async (params: FaqRequest.Params | undefined) => {
      const glossary = await glossaryOf(params);
      if (!glossary) return [];
      return glossary.faq.map((item): FaqSummary => ({
        id: item.id,
        question: item.question,
        answer: item.answer,
        terms: item.terms.map((id) => glossary.byId.get(id)?.term ?? id),
      }));
    }),
  );
}
