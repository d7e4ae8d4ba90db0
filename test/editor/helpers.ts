// Helpers for the suites that run inside VS Code's extension host, on the desktop (test/vscode) and in
// VS Code for the Web (test/web): VS Code's API only, nothing of Node, so the web suite's browser bundle
// can use them too. Every wait is on an event (diagnostics, document changes, the status item), bounded
// by a timeout; nothing sleeps.

import * as vscode from 'vscode';
import type { KpoGlossaryApi } from '../../client/src/common/activate';
import type { StatusView } from '../../client/src/common/status';

export const EXTENSION_ID = 'kpo-glossary.kpo-glossary';
export const SOURCE = 'kpo-glossary';

export async function api(): Promise<KpoGlossaryApi> {
  const extension = vscode.extensions.getExtension<KpoGlossaryApi>(EXTENSION_ID);
  must(extension, `extension ${EXTENSION_ID} is not installed`);
  return extension.isActive ? extension.exports : extension.activate();
}

/** Writes a new file into the workspace (a fresh name each time) and opens it in an editor. */
/** Resolves when `until` holds, checked now and after every `event`; rejects after `ms`. */
export function waitFor<T, E = unknown>(event: vscode.Event<E>, check: () => T | undefined | false, what: string, ms = 15_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (value?: T, error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subscription.dispose();
      if (error) reject(error);
      else resolve(value as T);
    };
    const attempt = () => {
      try {
        const value = check();
        if (value !== undefined && value !== false) finish(value);
      } catch (error) {
        finish(undefined, error as Error);
      }
    };
    const subscription = event(() => attempt());
    const timer = setTimeout(() => finish(undefined, new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms);
    attempt();
  });
}

/** The extension's diagnostics of a document. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Waits until the document's diagnostics satisfy `ok` (checked on each onDidChangeDiagnostics). */
export function diagnostics(uri: vscode.Uri, ok: (ds: vscode.Diagnostic[]) => boolean, what = 'diagnostics', ms?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const ds = ours(uri);
      return ok(ds) ? ds : undefined;
    },
    `${what} of ${uri.path.slice(uri.path.lastIndexOf('/') + 1)} (now: ${JSON.stringify(ours(uri).map(codeOf))})`,
    ms,
  );
}

/** Diagnostics with exactly these codes (in any order). */
export function diagnosticsWithCodes(uri: vscode.Uri, codes: string[]): Promise<vscode.Diagnostic[]> {
  const want = [...codes].sort().join(',');
  return diagnostics(uri, (ds) => ds.map(codeOf).sort().join(',') === want, `codes [${want}]`);
}

/** Waits for the status item to satisfy `ok`. */
export async function status(ok: (s: StatusView) => boolean, what: string, ms?: number): Promise<StatusView> {
  const a = await api();
  return waitFor(a.onDidChangeStatus, () => (ok(a.status()) ? a.status() : undefined), `the status item: ${what} (now: ${JSON.stringify(a.status())})`, ms);
}

/** Runs `edit`, then waits for the document's text to satisfy `ok`. */
export async function textAfter(document: vscode.TextDocument, edit: () => Thenable<unknown>, ok: (text: string) => boolean, what: string): Promise<string> {
  const changed = waitFor(vscode.workspace.onDidChangeTextDocument, () => (ok(document.getText()) ? document.getText() : undefined), what);
  await edit();
  return changed;
}

/** Sets a setting in the workspace (undefined removes it). */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('kpoGlossary').update(key, value, vscode.ConfigurationTarget.Workspace);
}

export function rangeOf(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = document.getText().indexOf(text, at + 1);
    must(at >= 0, `“${text}” not found in ${document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1)}`);
  }
  return new vscode.Range(document.positionAt(at), document.positionAt(at + text.length));
}

export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export async function completions(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items;
}

export async function codeActions(document: vscode.TextDocument, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, range, kind);
  return actions.filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

export function titles(actions: vscode.CodeAction[]): string {
  return actions.map((a) => a.title).join(' | ');
}

/** Drives an open quick pick of the extension: filter with `value`, make `match` active, accept it. */
export async function acceptInQuickPick(shown: Promise<vscode.QuickPick<vscode.QuickPickItem>>, value: string, match: (item: vscode.QuickPickItem) => boolean): Promise<void> {
  const qp = await shown;
  qp.value = value;
  const item = qp.items.find(match);
  must(item, `no item for “${value}” among ${qp.items.length}`);
  qp.activeItems = [item];
  // The quick pick's new state reaches the workbench before the command that accepts it.
  await new Promise((r) => setTimeout(r, 0));
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

export async function nextQuickPick(): Promise<vscode.QuickPick<vscode.QuickPickItem>> {
  const a = await api();
  return new Promise((resolve) => {
    const sub = a.onDidShowQuickPick((qp) => {
      sub.dispose();
      resolve(qp);
    });
  });
}

export async function nextInputBox(): Promise<vscode.InputBox> {
  const a = await api();
  return new Promise((resolve) => {
    const sub = a.onDidShowInputBox((box) => {
      sub.dispose();
      resolve(box);
    });
  });
}

/** Types into an open input box of the extension and accepts it, as Enter does. */
export async function acceptInInputBox(shown: Promise<vscode.InputBox>, value: string): Promise<void> {
  const box = await shown;
  box.value = value;
  await new Promise((r) => setTimeout(r, 0));
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/** Asks until `check` holds, after each diagnostics change or 100 ms, for up to `ms` (15 s). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  while (Date.now() < end) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    last = value;
    await new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => done());
      const timer = setTimeout(() => done(), 100);
      function done() {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** assert.ok without Node's assert module (absent from the web extension host). */
export function must(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}
