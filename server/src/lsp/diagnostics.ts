// Diagnostics, pulled (textDocument/diagnostic) when the client offers it and pushed otherwise. Pushes
// are debounced per document and carry the version they were computed for; a push is dropped when the
// document has moved on meanwhile, so a client never receives results for an older version after a
// newer one. When settings or the glossary change, pulled diagnostics are refreshed and pushed ones
// recomputed.

import {
  DocumentDiagnosticReportKind,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { ServerContext, Snapshot } from './context';
import { toDiagnostic } from './convert';
import { glossaryFileDiagnostics } from './glossary-file-features';

const PUSH_DELAY_MS = 100;

export function diagnosticsOf(snapshot: Snapshot): Diagnostic[] {
  return snapshot.findings().map((f) => toDiagnostic(f, snapshot.analysis, snapshot.document.version));
}

export class DiagnosticsPublisher {
  /** Bumped on every settings or glossary change, so pulled result ids change with them. */
  private generation = 0;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents with pushed diagnostics that must be cleared when they stop being served. */
  private readonly published = new Set<string>();

  constructor(private readonly ctx: ServerContext) {}

  get pull(): boolean {
    return this.ctx.capabilities.pullDiagnostics;
  }

  /** textDocument/diagnostic. */
  async report(params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> {
    const current = await this.compute(params.textDocument.uri);
    if (!current) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    // The version and the number of changes: a client that repeats a version after a change still gets it.
    const resultId = `${this.generation}:${current.version}:${this.ctx.documents.changeCount(params.textDocument.uri)}`;
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: current.diagnostics() };
  }

  /** The diagnostics of a served document (prose) or of a glossary file open in the editor. */
  private async compute(uri: string): Promise<{ version: number; diagnostics: () => Diagnostic[] } | undefined> {
    const snapshot = await this.ctx.resolve(uri);
    if (!snapshot) return undefined;
    const { version } = snapshot.document;
    return { version, diagnostics: () => (snapshot.kind === 'glossary-file' ? glossaryFileDiagnostics(snapshot) : diagnosticsOf(snapshot)) };
  }

  /** A document was opened or changed. */
  changed(uri: string): void {
    if (this.pull) return;
    this.schedule(uri, PUSH_DELAY_MS);
  }

  closed(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    if (!this.pull && this.published.delete(uri)) void this.send(uri, undefined, []);
  }

  /** Settings or the glossary changed: every open document's diagnostics may differ. */
  refreshAll(): void {
    this.generation++;
    if (this.pull) {
      if (this.ctx.capabilities.diagnosticRefresh) {
        this.ctx.connection.languages.diagnostics.refresh().catch((error: Error) => this.ctx.log.warn(`Diagnostic refresh failed: ${error.message}`));
      }
      return;
    }
    for (const document of this.ctx.documents.all()) this.schedule(document.uri, 0);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(uri: string, delay: number): void {
    const previous = this.timers.get(uri);
    if (previous) clearTimeout(previous);
    const version = this.ctx.documents.get(uri)?.version;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.push(uri, version).catch((error: Error) => this.ctx.log.error(`Diagnostics of ${uri} failed: ${error?.stack ?? error}`));
      }, delay),
    );
  }

  private async push(uri: string, version: number | undefined): Promise<void> {
    const current = await this.compute(uri);
    const document = this.ctx.documents.get(uri);
    // A newer version has been scheduled (or the document closed): its own push will answer.
    if (!document || document.version !== version) return;
    if (!current) {
      if (this.published.delete(uri)) await this.send(uri, document.version, []);
      return;
    }
    const diagnostics = current.diagnostics();
    if (this.ctx.documents.get(uri)?.version !== current.version) return;
    this.published.add(uri);
    await this.send(uri, current.version, diagnostics);
  }

  private send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): Promise<void> {
    return this.ctx.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
  }
}
