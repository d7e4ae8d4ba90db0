// The custom requests the VS Code client's commands use: the glossary's entries (for "Show Glossary"
// and "Add as an alias of…") and its FAQ (for "Search FAQ"), from the glossary of the given document
// (or the workspace's when no document is given); the status of a document's glossary (for the status
// item); and the glossary appendix edit of a document. Only converts; failures answer empty.

import type { Connection } from 'vscode-languageserver';
import { appendixEdit, type Glossary } from '../core';
import {
  DocumentGlossaryStatusRequest,
  FaqRequest,
  GlossaryAppendixRequest,
  GlossaryEntriesRequest,
  type EntrySummary,
  type FaqSummary,
  type GlossaryStatus,
} from '../shared/protocol';
import { guarded, type Logger, type ServerContext } from './context';
import { toRange } from './convert';

export function registerRequests(connection: Connection, context: () => ServerContext | undefined, log: Logger): void {
  /** A request answered with a list made from the glossary of the document it names (or the workspace's). */
  const fromGlossary = <T>(method: string, name: string, answer: (glossary: Glossary) => T[]) =>
    connection.onRequest(
      method,
      guarded(log, name, [] as T[], async (params: { uri?: string } | undefined) => {
        const ctx = context();
        return ctx ? answer((await ctx.glossaryAt(uriOf(params))).engine.glossary) : [];
      }),
    );

  fromGlossary(GlossaryEntriesRequest.method, 'Glossary entries', (glossary) =>
    glossary.entries.map((entry): EntrySummary => ({
      id: entry.id,
      term: entry.term,
      ...(entry.acronym ? { acronym: entry.acronym } : {}),
      category: entry.category,
      definition: entry.definition,
      industries: entry.industries.map((id) => glossary.byId.get(id)?.term ?? id),
      ...(entry.source ? { source: { ...entry.source } } : {}),
    })),
  );

  fromGlossary(FaqRequest.method, 'FAQ', (glossary) =>
    glossary.faq.map((item): FaqSummary => ({
      id: item.id,
      question: item.question,
      answer: item.answer,
      terms: item.terms.map((id) => glossary.byId.get(id)?.term ?? id),
    })),
  );

  connection.onRequest(
    DocumentGlossaryStatusRequest.method,
    guarded(log, 'Glossary status', null as GlossaryStatus | null, async (params: DocumentGlossaryStatusRequest.Params | undefined) => {
      const ctx = context();
      if (!ctx) return null;
      return (await ctx.glossaryAt(uriOf(params))).status;
    }),
  );

  connection.onRequest(
    GlossaryAppendixRequest.method,
    guarded(log, 'Glossary appendix', null as GlossaryAppendixRequest.Result, async (params: GlossaryAppendixRequest.Params | undefined): Promise<GlossaryAppendixRequest.Result> => {
      const ctx = context();
      if (!ctx || typeof params?.uri !== 'string') return null;
      const snapshot = await ctx.snapshot(params.uri);
      if (!snapshot) return null;
      const edit = appendixEdit(snapshot.analysis, snapshot.engine.glossary);
      return { version: snapshot.document.version, range: toRange(snapshot.analysis, edit.start, edit.end), newText: edit.newText };
    }),
  );
}

/** The document a request names, if it names one. */
function uriOf(params: unknown): string | undefined {
  const uri = (params as { uri?: unknown } | undefined)?.uri;
  return typeof uri === 'string' ? uri : undefined;
}
