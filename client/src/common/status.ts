// The language status item (next to "Markdown" in the status bar): the glossary the active document
// uses (entries and files: documents in different folders can use different workspace glossaries), its
// problems with a link to them, and the server's own state (starting, restarted after a crash,
// stopped). Glossary problems also go to the Problems view, positioned in the glossary files; a
// glossary file open in the editor gets them from the server itself (as it is typed), so it is left
// out here.

import * as vscode from 'vscode';
import { fromOneBased } from '../../../server/src/core';
import type { GlossaryStatus } from '../../../server/src/shared/protocol';
import { baseName, type FileNames } from './files';

/** What the item shows, as the tests read it. */
export interface StatusView {
  text: string;
  detail: string | undefined;
  severity: 'information' | 'warning' | 'error';
  busy: boolean;
  command: string | undefined;
}

type ServerState = { kind: 'starting' } | { kind: 'running' } | { kind: 'restarting'; crashes: number } | { kind: 'stopped'; reason: string };

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly problems = vscode.languages.createDiagnosticCollection('kpo-glossary-files');
  private readonly changed = new vscode.EventEmitter<StatusView>();
  readonly onDidChange = this.changed.event;
  private glossary: GlossaryStatus | undefined;
  /** The latest problems of each glossary file. */
  private readonly fileProblems = new Map<string, GlossaryStatus['problems']>();
  private server: ServerState = { kind: 'starting' };
  /** Crashes since the last start by hand; the status stays a warning while this is above zero. */
  crashes = 0;

  constructor(selector: vscode.DocumentSelector, private readonly names: FileNames) {
    this.item = vscode.languages.createLanguageStatusItem('kpoGlossary.status', selector);
    this.item.name = 'KPO Glossary';
    this.render();
  }

  set selector(selector: vscode.DocumentSelector) {
    this.item.selector = selector;
  }

  get glossaryStatus(): GlossaryStatus | undefined {
    return this.glossary;
  }

  /** The glossary of the active document (or of the workspace), as the server reports it. */
  setGlossary(status: GlossaryStatus): void {
    this.glossary = status;
    this.render();
  }

  /**
   * A glossary was loaded: its files' problems replace what was shown for them. `inEditor` says which
   * files are open in the editor and checked by the server (their problems come from it directly).
   */
  noteLoaded(status: GlossaryStatus, inEditor: (file: string) => boolean): void {
    for (const file of status.files) this.fileProblems.set(file, status.problems.filter((p) => p.file === file));
    this.showProblems(inEditor);
  }

  /** Shows the problems of the glossary files not open in the editor, and of files that still exist. */
  showProblems(inEditor: (file: string) => boolean): void {
    this.problems.clear();
    for (const [file, problems] of this.fileProblems) {
      if (!this.names.exists(file) && !problems.some((p) => /^Not read: /.test(p.message))) {
        this.fileProblems.delete(file);
        continue;
      }
      if (problems.length === 0 || inEditor(file)) continue;
      this.problems.set(
        this.names.toUri(file),
        problems.map((p) => {
          const position = (at: { line: number; character: number }) => new vscode.Position(at.line, at.character);
          const start = position(fromOneBased(p.line, p.column));
          const end = p.endLine !== undefined && p.endColumn !== undefined ? position(fromOneBased(p.endLine, p.endColumn)) : start;
          const d = new vscode.Diagnostic(new vscode.Range(start, end.isBefore(start) ? start : end), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
          d.source = 'KPO Glossary';
          return d;
        }),
      );
    }
  }

  starting(): void {
    if (this.server.kind === 'restarting') return; // keep saying why until it runs again
    this.server = { kind: 'starting' };
    this.render();
  }

  running(): void {
    this.server = { kind: 'running' };
    this.render();
  }

  /** The server crashed and is being restarted. */
  restarting(): void {
    this.crashes++;
    this.server = { kind: 'restarting', crashes: this.crashes };
    this.render();
  }

  /** The server is down for good (failed to start, or crashed too often). */
  stopped(reason: string): void {
    this.server = { kind: 'stopped', reason };
    this.render();
  }

  /** Started again by hand: forget earlier crashes. */
  reset(): void {
    this.crashes = 0;
    this.server = { kind: 'starting' };
    this.render();
  }

  view(): StatusView {
    const severity = this.item.severity === vscode.LanguageStatusSeverity.Error ? 'error' : this.item.severity === vscode.LanguageStatusSeverity.Warning ? 'warning' : 'information';
    return { text: this.item.text, detail: this.item.detail, severity, busy: this.item.busy, command: this.item.command?.command };
  }

  private render(): void {
    const item = this.item;
    item.busy = false;
    item.severity = vscode.LanguageStatusSeverity.Information;
    item.accessibilityInformation = undefined;
    // The language status hover puts text, detail and the link on one line: the detail stays short so
    // the link is never cut off (the whole story is in the Problems view and the output).
    const restarted = this.crashes > 0 ? `restarted after ${this.crashes === 1 ? 'a crash' : `${this.crashes} crashes`}` : undefined;
    switch (this.server.kind) {
      case 'stopped':
        item.severity = vscode.LanguageStatusSeverity.Error;
        item.text = '$(error) KPO Glossary: server stopped';
        item.detail = 'see the output';
        item.accessibilityInformation = { label: this.server.reason };
        item.command = { title: 'Restart', command: 'kpoGlossary.restartServer' };
        break;
      case 'restarting':
        item.severity = vscode.LanguageStatusSeverity.Warning;
        item.busy = true;
        item.text = '$(warning) KPO Glossary: restarting';
        item.detail = this.server.crashes === 1 ? 'after a crash' : `after ${this.server.crashes} crashes`;
        item.command = { title: 'Show output', command: 'kpoGlossary.showOutput' };
        break;
      case 'starting':
      case 'running': {
        if (this.server.kind === 'starting' && !this.glossary) {
          item.busy = true;
          item.text = 'KPO Glossary';
          item.detail = 'Starting the server…';
          item.command = { title: 'Show output', command: 'kpoGlossary.showOutput' };
          break;
        }
        // While the server starts again, the last glossary is shown.
        const g = this.glossary;
        if (!g) {
          item.busy = true;
          item.text = 'KPO Glossary';
          item.detail = 'Loading the glossary…';
          item.command = undefined;
          break;
        }
        const from = this.describeFiles(g.files);
        if (g.problems.length > 0) {
          const first = g.problems[0];
          item.severity = vscode.LanguageStatusSeverity.Warning;
          item.text = `$(warning) KPO Glossary: ${g.problems.length} problem${g.problems.length === 1 ? '' : 's'}`;
          item.detail = restarted ?? `${shorten(baseName(this.names.toUri(first.file)), 20)}:${first.line}`;
          item.command = { title: 'Show problems', command: 'workbench.actions.view.problems' };
        } else {
          if (restarted) item.severity = vscode.LanguageStatusSeverity.Warning;
          item.text = `${restarted ? '$(warning)' : '$(book)'} KPO Glossary: ${g.entries} entries`;
          item.detail = restarted ?? from;
          item.command = restarted ? { title: 'Show output', command: 'kpoGlossary.showOutput' } : { title: 'Show glossary', command: 'kpoGlossary.showGlossary' };
        }
        item.busy = this.server.kind === 'starting';
        break;
      }
    }
    this.changed.fire(this.view());
  }

  /** "built-in", "built-in + team.glossary.yaml", "built-in + 3 files": at most about 31 characters. */
  private describeFiles(files: string[]): string {
    const builtin = files.some((f) => this.names.same(f, this.names.builtin));
    const own = files.filter((f) => !this.names.same(f, this.names.builtin)).map((f) => baseName(this.names.toUri(f)));
    const mine = own.length === 0 ? '' : own.length === 1 ? shorten(own[0], 20) : `${own.length} files`;
    if (builtin) return mine ? `built-in + ${mine}` : 'built-in';
    return mine || 'no glossary file';
  }

  dispose(): void {
    this.item.dispose();
    this.problems.dispose();
    this.changed.dispose();
  }
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
