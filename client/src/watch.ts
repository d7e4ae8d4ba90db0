// Watches the glossary files the settings name outside the workspace folders (a team glossary in the
// home folder, say) and tells the server when they change. Files inside the workspace are watched by
// the server's own registration (workspace/didChangeWatchedFiles for *.yaml, *.yml, *.json). The
// desktop's GlossaryFileSync (common/activate.ts).

import * as path from 'path';
import * as vscode from 'vscode';
import { DidChangeWatchedFilesNotification, FileChangeType, type LanguageClient } from 'vscode-languageclient/node';
import { resolveGlossaryPath } from '../../server/src/node/glossary-paths';
import { SECTION } from '../../server/src/shared/settings';
import type { GlossaryFileSync } from './common/activate';

export class GlossaryFileWatcher implements GlossaryFileSync {
  private watchers: vscode.Disposable[] = [];
  /** The files watched, for the tests. */
  files: string[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.update();
  }

  /** Reads the settings again and watches what they name now. */
  update(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const folders = vscode.workspace.workspaceFolders?.filter((f) => f.uri.scheme === 'file') ?? [];
    const inside = (file: string) => folders.some((f) => !path.relative(f.uri.fsPath, file).startsWith('..') && !path.isAbsolute(path.relative(f.uri.fsPath, file)));
    const files = new Set<string>();
    for (const folder of folders.length ? folders : [undefined]) {
      const named = vscode.workspace.getConfiguration(SECTION, folder?.uri).get<string[]>('glossaryFiles') ?? [];
      for (const raw of named) {
        // Relative paths start from the workspace folder, as in the server; with no folder there is no start.
        const file = resolveGlossaryPath(String(raw), folder?.uri.fsPath);
        if (file !== undefined && !inside(file)) files.add(file);
      }
    }
    this.files = [...files];
    for (const file of this.files) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
      watcher.onDidCreate((uri) => this.send(uri, FileChangeType.Created));
      watcher.onDidChange((uri) => this.send(uri, FileChangeType.Changed));
      watcher.onDidDelete((uri) => this.send(uri, FileChangeType.Deleted));
      this.watchers.push(watcher);
    }
  }

  private send(uri: vscode.Uri, type: FileChangeType): void {
    const client = this.client();
    if (!client?.isRunning()) return;
    void client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.code2ProtocolConverter.asUri(uri), type }] }).catch(() => undefined);
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
  }
}
