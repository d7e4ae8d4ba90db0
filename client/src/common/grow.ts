// Growing the workspace glossary from the text, and the glossary appendix.
//
// "Add to the workspace glossary" asks for the category (quick pick) and the definition (input box),
// then writes the entry into `.kpo-glossary.yaml` at the root of the document's workspace folder
// (creating it with a `terms:` list when missing; an existing .yml or .json there is used instead),
// never into settings. "Add as an alias of …" writes the alias into the file that defines the entry
// when that is a workspace file, else into the same root file as a change to the (built-in) entry.
// The text edits come from core/glossary/edit.ts, so comments and layout survive. A file with unsaved
// changes in the editor is edited there; otherwise it is written on disk. Either way the server
// reloads it: from the editor's text, or from the watched file.

import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { addAlias, addEntry, type EditResult, entryLabel, formatOf } from '../../../server/src/core';
import { CATEGORIES } from '../../../server/src/shared/categories';
import { ROOT_GLOSSARY_NAMES } from '../../../server/src/shared/glossary-files';
import { baseName, type FileNames } from './files';
import {
  GlossaryAppendixRequest,
  GlossaryEntriesRequest,
  type AddAliasArgs,
  type AddToGlossaryArgs,
  type EntrySummary,
} from '../../../server/src/shared/protocol';

type Pick = <T extends vscode.QuickPickItem>(items: T[], o: { title: string; placeholder: string }) => Promise<T | undefined>;

export class GlossaryGrower implements vscode.Disposable {
  private readonly inputShown = new vscode.EventEmitter<vscode.InputBox>();
  /** Fires when one of the input boxes opens (the tests drive it). */
  readonly onDidShowInputBox = this.inputShown.event;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly pick: Pick,
    private readonly names: FileNames,
    /** Tells the writer it is done (a notification with an "Open" button). */
    private readonly confirm: (message: string, open: vscode.Uri) => void,
  ) {}

  /** Adds the selection (or `args.term`) as a new entry. Resolves with the file written, or undefined. */
  async addToGlossary(args?: AddToGlossaryArgs): Promise<string | undefined> {
    const from = this.source(args?.uri, args?.term);
    if (!from) return undefined;
    const target = await this.rootGlossary(from.uri);
    if (!target) return undefined;
    const categories = await this.categories(from.uri);
    const category = await this.pick(
      categories.map((c) => ({ label: c, detail: CATEGORIES[c] ?? 'A category of this glossary.' })),
      { title: `Add “${from.text}” to the workspace glossary (1/2)`, placeholder: 'Category: kpo-service and bpo-task are checked by the KPO vs BPO rules' },
    );
    if (!category) return undefined;
    const definition = await this.input({
      title: `Add “${from.text}” to the workspace glossary (2/2)`,
      prompt: `What “${from.text}” means, in one or two sentences (shown in hover and completion)`,
      placeholder: 'Definition',
    });
    if (definition === undefined) return undefined;
    return this.write(target, (text) => addEntry(text, { term: from.text, category: category.label, definition }, formatOf(baseName(target))), `Added “${from.text}” to ${baseName(target)}.`);
  }

  /** Adds the selection (or `args.alias`) as an alias of `args.entry`, asking for the entry when absent. */
  async addAlias(args?: AddAliasArgs): Promise<string | undefined> {
    const from = this.source(args?.uri, args?.alias);
    if (!from) return undefined;
    let entry = args?.entry;
    if (!entry) {
      const entries = await this.request<EntrySummary[]>(GlossaryEntriesRequest.method, { uri: from.uri.toString() });
      if (!entries) return undefined;
      const picked = await this.pick(
        entries.map((e) => ({ label: entryLabel(e), description: e.category, detail: e.definition, entry: e })),
        { title: `Add “${from.text}” as an alias of…`, placeholder: 'The entry whose other name it is' },
      );
      if (!picked) return undefined;
      entry = { id: picked.entry.id, term: picked.entry.term, ...(picked.entry.source ? { source: picked.entry.source } : {}) };
    }
    const target = this.definingFile(entry.source?.file) ?? (await this.rootGlossary(from.uri));
    if (!target) return undefined;
    const chosen = entry;
    return this.write(target, (text) => addAlias(text, { id: chosen.id, term: chosen.term }, from.text, formatOf(baseName(target))), `Added “${from.text}” as an alias of “${chosen.term}” in ${baseName(target)}.`);
  }

  /** Inserts or refreshes the glossary appendix of the active Markdown document. */
  async insertAppendix(): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Open a Markdown document to add its glossary appendix.');
      return false;
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await this.request<GlossaryAppendixRequest.Result>(GlossaryAppendixRequest.method, { uri: editor.document.uri.toString() });
      if (result === undefined) return false;
      if (result === null) {
        void vscode.window.showInformationMessage('The glossary appendix is for the documents KPO Glossary checks (Markdown by default).');
        return false;
      }
      // The document changed while the server computed the edit: ask again.
      if (result.version !== editor.document.version) continue;
      const range = this.client()!.protocol2CodeConverter.asRange(result.range);
      return editor.edit((b) => b.replace(range, result.newText));
    }
    return false;
  }

  /** The document and the text to add: the arguments, or the active editor's selection. */
  private source(uri: string | undefined, text: string | undefined): { uri: vscode.Uri; text: string } | undefined {
    const editor = vscode.window.activeTextEditor;
    const docUri = uri ? vscode.Uri.parse(uri) : editor?.document.uri;
    const value = (text ?? (editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '')).trim().replace(/\s+/g, ' ');
    if (!docUri || value === '') {
      void vscode.window.showInformationMessage('Select the words to add to the glossary first.');
      return undefined;
    }
    return { uri: docUri, text: value };
  }

  /** The glossary file at the root of the document's workspace folder (an existing one, else .kpo-glossary.yaml). */
  private async rootGlossary(document: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(document) ?? vscode.workspace.workspaceFolders?.find((f) => this.names.fileOf(f.uri) !== undefined);
    if (!folder || this.names.fileOf(folder.uri) === undefined) {
      void vscode.window.showWarningMessage('Open a folder first: the workspace glossary is a .kpo-glossary.yaml file in it.');
      return undefined;
    }
    for (const name of ROOT_GLOSSARY_NAMES) {
      const uri = vscode.Uri.joinPath(folder.uri, name);
      if (await exists(uri)) return uri;
    }
    return vscode.Uri.joinPath(folder.uri, ROOT_GLOSSARY_NAMES[0]);
  }

  /** The file defining an entry, when it is a file of a workspace folder (not the built-in glossary). */
  private definingFile(file: string | undefined): vscode.Uri | undefined {
    if (!file || this.names.same(file, this.names.builtin)) return undefined;
    const uri = this.names.toUri(file);
    return vscode.workspace.getWorkspaceFolder(uri) ? uri : undefined;
  }

  private async categories(document: vscode.Uri): Promise<string[]> {
    const entries = (await this.request<EntrySummary[]>(GlossaryEntriesRequest.method, { uri: document.toString() }).catch(() => undefined)) ?? [];
    return [...new Set([...Object.keys(CATEGORIES), ...entries.map((e) => e.category)])];
  }

  /**
   * Reads the file, applies `change`, writes it back. A file with unsaved changes in the editor is
   * changed there (and left unsaved, as the writer left it); otherwise on disk, which the editor follows.
   */
  private async write(target: vscode.Uri, change: (text: string) => EditResult, done: string): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString() && d.isDirty);
    let text = '';
    if (open) text = open.getText();
    else if (await exists(target)) text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(target)).replace(/^\uFEFF/, '');
    const result = change(text);
    if ('error' in result) {
      void vscode.window.showErrorMessage(`${baseName(target)}: ${result.error}`);
      return undefined;
    }
    if (open) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(open.uri, new vscode.Range(open.positionAt(0), open.positionAt(text.length)), result.text);
      if (!(await vscode.workspace.applyEdit(edit))) {
        void vscode.window.showErrorMessage(`${baseName(target)} could not be edited.`);
        return undefined;
      }
    } else {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    }
    this.confirm(done, target);
    return this.names.fileOf(target) ?? target.toString();
  }

  private input(o: { title: string; prompt: string; placeholder: string }): Promise<string | undefined> {
    return new Promise((resolve) => {
      const box = vscode.window.createInputBox();
      box.title = o.title;
      box.prompt = o.prompt;
      box.placeholder = o.placeholder;
      box.ignoreFocusOut = true;
      let result: string | undefined;
      box.onDidChangeValue(() => (box.validationMessage = undefined));
      box.onDidAccept(() => {
        if (box.value.trim() === '') {
          box.validationMessage = 'Write a definition, or press Escape to cancel.';
          return;
        }
        result = box.value.trim();
        box.hide();
      });
      box.onDidHide(() => {
        box.dispose();
        resolve(result);
      });
      box.show();
      this.inputShown.fire(box);
    });
  }

  private async request<R>(method: string, params: unknown): Promise<R | undefined> {
    const client = this.client();
    if (!client || !client.isRunning()) {
      void vscode.window.showWarningMessage('The KPO Glossary server is not running.');
      return undefined;
    }
    return client.sendRequest<R>(method, params);
  }

  dispose(): void {
    this.inputShown.dispose();
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
