// Helpers for the desktop suites (test/vscode): files of the workspace folder on disk. The rest, shared
// with the web suite, is in test/editor/helpers.ts and re-exported here.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export * from '../editor/helpers';

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return folder.uri.fsPath;
}

let counter = 0;

export async function openNew(text: string, ext = '.md'): Promise<vscode.TextEditor> {
  const file = path.join(workspaceDir(), `t${process.pid}-${++counter}${ext}`);
  fs.writeFileSync(file, text);
  return open(file);
}

export async function open(file: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(document, { preview: false });
}

export async function closeAll(): Promise<void> {
  // Closing an editor with unsaved changes would ask: save the test's own files, revert anything else.
  const inWorkspace = (d: vscode.TextDocument) => d.uri.scheme === 'file' && !path.relative(workspaceDir(), d.uri.fsPath).startsWith('..');
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && inWorkspace(document)) await document.save();
  }
  for (const editor of vscode.window.visibleTextEditors) {
    if (editor.document.isDirty) {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
