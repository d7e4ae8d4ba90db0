// The quick picks: "Show Glossary" (search the entries; Enter inserts the term into a checked document,
// or shows the entry elsewhere) and "Search FAQ" (Enter shows the answer). Entries and answers are shown
// as read-only Markdown documents of the `kpo-glossary:` scheme. The data comes from the server.

import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { entryLabel, fromOneBased } from '../../../server/src/core';
import type { FileNames } from './files';
import { FaqRequest, GlossaryEntriesRequest, type EntrySummary, type FaqSummary } from '../../../server/src/shared/protocol';

export const SCHEME = 'kpo-glossary';

/** Read-only documents showing an entry or an FAQ answer. */
export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Opens `kpo-glossary:/<name>.md` (Markdown, read-only) with this content. */
  async show(name: string, content: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${name}.md` });
    const previous = this.contents.get(uri.toString());
    this.contents.set(uri.toString(), content);
    if (previous !== undefined && previous !== content) this.changed.fire(uri);
    return vscode.window.showTextDocument(uri, { preview: true });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

interface EntryPick extends vscode.QuickPickItem {
  entry: EntrySummary;
}

interface FaqPick extends vscode.QuickPickItem {
  item: FaqSummary;
}

const SHOW_ENTRY: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('info'), tooltip: 'Show the entry' };
const GO_TO_SOURCE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open where the entry is defined' };

export class Commands {
  private readonly shown = new vscode.EventEmitter<vscode.QuickPick<vscode.QuickPickItem>>();
  /** Fires when a quick pick opens (the tests drive it). */
  readonly onDidShowQuickPick = this.shown.event;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly served: (document: vscode.TextDocument) => boolean,
    private readonly documents: ReadOnlyDocuments,
    private readonly names: FileNames,
    /** Turns the built-in glossary's file URI into its read-only one. */
    private readonly readOnly: (uri: vscode.Uri) => vscode.Uri = (uri) => uri,
  ) {}

  async showGlossary(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const target = editor && this.served(editor.document) ? editor : undefined;
    const params: GlossaryEntriesRequest.Params = { uri: target?.document.uri.toString() };
    const entries = await this.request<EntrySummary[]>(GlossaryEntriesRequest.method, params);
    if (!entries) return;
    const items: EntryPick[] = entries.map((entry) => ({
      label: entryLabel(entry),
      description: [entry.category, ...entry.industries].join(' · '),
      detail: entry.definition,
      buttons: entry.source ? [SHOW_ENTRY, GO_TO_SOURCE] : [SHOW_ENTRY],
      entry,
    }));
    const picked = await this.pick(items, {
      title: 'KPO Glossary',
      placeholder: target ? 'Search terms and definitions; Enter inserts the term' : 'Search terms and definitions; Enter shows the entry',
      onButton: (item, button) => (button === GO_TO_SOURCE ? this.goToSource(item.entry) : this.showEntry(item.entry)),
    });
    if (!picked) return;
    if (target && !target.document.isClosed) {
      await vscode.window.showTextDocument(target.document, target.viewColumn);
      await target.edit((edit) => {
        for (const selection of target.selections) edit.replace(selection, picked.entry.term);
      });
    } else {
      await this.showEntry(picked.entry);
    }
  }

  async searchFaq(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const params: FaqRequest.Params = { uri: editor && this.served(editor.document) ? editor.document.uri.toString() : undefined };
    const faq = await this.request<FaqSummary[]>(FaqRequest.method, params);
    if (!faq) return;
    const picked = await this.pick<FaqPick>(
      faq.map((item) => ({ label: item.question, detail: item.terms.join(', '), item })),
      { title: 'KPO Glossary: FAQ', placeholder: 'Search the questions; Enter shows the answer' },
    );
    if (!picked) return;
    const { item } = picked;
    const terms = item.terms.length ? `\n\n*About:* ${item.terms.join(', ')}\n` : '\n';
    await this.documents.show(`FAQ ${item.id}`, `# ${item.question}\n\n${item.answer}${terms}`);
  }

  async showEntry(entry: EntrySummary): Promise<void> {
    const lines = [`# ${entryLabel(entry)}`, '', `*${[entry.category, ...entry.industries].join(' · ')}*`, '', entry.definition, ''];
    if (entry.source) lines.push(`Defined in \`${entry.source.file}\`, line ${entry.source.line}.`, '');
    await this.documents.show(`Glossary ${entry.id}`, lines.join('\n'));
  }

  private async goToSource(entry: EntrySummary): Promise<void> {
    if (entry.source) await this.openSource(entry.source);
  }

  /** Opens a glossary file at a 1-based position (the built-in glossary read-only): the hover's link. */
  async openSource(source: { file: string; line: number; column: number }): Promise<void> {
    const { line, character } = fromOneBased(source.line, source.column);
    const at = new vscode.Position(line, character);
    await vscode.window.showTextDocument(this.readOnly(this.names.toUri(source.file)), { selection: new vscode.Range(at, at), preview: true });
  }

  private async request<R>(method: string, params: unknown): Promise<R | undefined> {
    const client = this.client();
    if (!client || !client.isRunning()) {
      void vscode.window.showWarningMessage('The KPO Glossary server is not running.', 'Restart').then((choice) => {
        if (choice) void vscode.commands.executeCommand('kpoGlossary.restartServer');
      });
      return undefined;
    }
    return client.sendRequest<R>(method, params);
  }

  /** Shows a quick pick and resolves with the accepted item, or undefined when it is dismissed. */
  pick<T extends vscode.QuickPickItem>(items: T[], o: { title: string; placeholder: string; onButton?: (item: T, button: vscode.QuickInputButton) => unknown }): Promise<T | undefined> {
    return new Promise((resolve) => {
      const qp = vscode.window.createQuickPick<T>();
      qp.title = o.title;
      qp.placeholder = o.placeholder;
      qp.matchOnDescription = true;
      qp.matchOnDetail = true;
      qp.items = items;
      let result: T | undefined;
      qp.onDidAccept(() => {
        result = qp.selectedItems[0] ?? qp.activeItems[0];
        qp.hide();
      });
      qp.onDidTriggerItemButton((event) => {
        qp.hide();
        void o.onButton?.(event.item, event.button);
      });
      qp.onDidHide(() => {
        qp.dispose();
        resolve(result);
      });
      qp.show();
      this.shown.fire(qp as unknown as vscode.QuickPick<vscode.QuickPickItem>);
    });
  }

  dispose(): void {
    this.shown.dispose();
  }
}
