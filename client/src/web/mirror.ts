// VS Code for the Web: the language server runs in a web worker and reads no files, so the client
// finds the workspace's glossary files (.kpo-glossary.yaml, *.glossary.yaml and the files the settings
// name), reads them through vscode.workspace.fs, and hands their texts over: all of them before the
// server starts (`initializationOptions.glossaryFiles`), and each change later (a watcher per pattern,
// `kpo/glossaryFiles`). The server keeps them in its MirrorHost (server/src/lsp/mirror-host.ts) and
// applies the same discovery, merge order, reload and Restricted Mode rules as on the desktop.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { MAX_GLOSSARY_BYTES } from '../../../server/src/core';
import { GLOSSARY_FILE_PATTERN } from '../../../server/src/shared/glossary-files';
import { GlossaryFilesNotification, type GlossaryFileText, type InitializationOptions } from '../../../server/src/shared/protocol';
import { SECTION } from '../../../server/src/shared/settings';
import type { GlossaryFileSync } from '../common/activate';

/** At most this many glossary files are looked for (a monorepo on github.dev must not stall the start). */
const MAX_FILES = 500;

export class GlossaryMirror implements GlossaryFileSync {
  /** What the server was given, per URI (as the client's protocol converter writes it). */
  private readonly texts = new Map<string, GlossaryFileText>();
  private watchers: vscode.Disposable[] = [];
  private searching: Promise<void> | undefined;

  constructor(private readonly client: () => BaseLanguageClient | undefined) {}

  get files(): string[] {
    return [...this.texts.keys()];
  }

  /** Whether the server was given this file's text (or why it could not be read). */
  has(uri: string): boolean {
    return this.texts.has(uri);
  }

  async prepare(): Promise<void> {
    this.watch();
    await (this.searching ??= this.search().finally(() => (this.searching = undefined)));
  }

  initializationOptions(): Partial<InitializationOptions> {
    return { glossaryFiles: [...this.texts.values()] };
  }

  update(): void {
    this.watch();
    void this.search();
  }

  /** Finds the files again, reads them, and sends what changed (a file gone is sent as deleted). */
  private async search(): Promise<void> {
    const found = await this.find();
    const read = await Promise.all(found.map((uri) => readGlossaryFile(uri)));
    const changed: GlossaryFileText[] = [];
    const now = new Set(read.map((f) => f.uri));
    for (const f of read) if (JSON.stringify(this.texts.get(f.uri)) !== JSON.stringify(f)) changed.push(f);
    for (const uri of this.texts.keys()) if (!now.has(uri)) changed.push({ uri, deleted: true });
    this.send(changed);
  }

  /** The workspace's glossary files (by name), and those the settings name (relative to their workspace folder). */
  private async find(): Promise<vscode.Uri[]> {
    const uris = new Map<string, vscode.Uri>();
    const found = await vscode.workspace.findFiles(GLOSSARY_FILE_PATTERN, undefined, MAX_FILES).then(
      (r) => r,
      () => [] as vscode.Uri[],
    );
    for (const uri of found) uris.set(uri.toString(), uri);
    for (const uri of this.named()) uris.set(uri.toString(), uri);
    return [...uris.values()];
  }

  /** The `glossaryFiles` entries of each workspace folder (VS Code hides the workspace's own in Restricted Mode). */
  private named(): vscode.Uri[] {
    const out: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const raw of vscode.workspace.getConfiguration(SECTION, folder.uri).get<string[]>('glossaryFiles') ?? []) {
        const entry = String(raw);
        if (/^[a-z][a-z0-9+.-]*:/i.test(entry)) out.push(vscode.Uri.parse(entry));
        else if (!entry.startsWith('~')) out.push(entry.startsWith('/') ? folder.uri.with({ path: entry }) : vscode.Uri.joinPath(folder.uri, entry));
      }
    }
    return out;
  }

  /** One watcher for the glossary file names in every workspace folder, one per file the settings name. */
  private watch(): void {
    for (const w of this.watchers) w.dispose();
    const changed = async (uri: vscode.Uri) => this.send([await readGlossaryFile(uri)]);
    const deleted = (uri: vscode.Uri) => this.send([{ uri: uri.toString(), deleted: true }]);
    const patterns: vscode.GlobPattern[] = [GLOSSARY_FILE_PATTERN];
    for (const uri of this.named()) {
      const slash = uri.path.lastIndexOf('/');
      patterns.push(new vscode.RelativePattern(uri.with({ path: uri.path.slice(0, slash) || '/' }), uri.path.slice(slash + 1)));
    }
    this.watchers = patterns.map((pattern) => {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidCreate(changed);
      watcher.onDidChange(changed);
      watcher.onDidDelete(deleted);
      return watcher;
    });
  }

  /** Keeps and sends changes (before the server runs, they wait for `initializationOptions`). */
  private send(files: GlossaryFileText[]): void {
    const fresh = files.filter((f) => JSON.stringify(this.texts.get(f.uri)) !== JSON.stringify(f) && !(f.deleted && !this.texts.has(f.uri)));
    for (const f of fresh) {
      if (f.deleted) this.texts.delete(f.uri);
      else this.texts.set(f.uri, f);
    }
    const client = this.client();
    if (fresh.length === 0 || !client?.isRunning()) return;
    const params: GlossaryFilesNotification.Params = { files: fresh };
    void client.sendNotification(GlossaryFilesNotification.method, params).catch(() => undefined);
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
  }
}

/** A glossary file's text (strict UTF-8, BOM stripped), or why it cannot be read, as the server words it after "The glossary ". */
async function readGlossaryFile(uri: vscode.Uri): Promise<GlossaryFileText> {
  const id = uri.toString();
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { uri: id, error: 'cannot be read (it is a folder)' };
    if (stat.size > MAX_GLOSSARY_BYTES) return { uri: id, error: `is ${Math.ceil(stat.size / 1024)} KB, over the ${MAX_GLOSSARY_BYTES / 1024} KB limit: split it into several files` };
    const bytes = await vscode.workspace.fs.readFile(uri);
    try {
      return { uri: id, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
    } catch {
      return { uri: id, error: 'cannot be read (it is not UTF-8 text: save it as UTF-8)' };
    }
  } catch (error) {
    const code = error instanceof vscode.FileSystemError ? error.code : (error as Error)?.message;
    return { uri: id, error: `cannot be read (${code || 'unknown error'})` };
  }
}
