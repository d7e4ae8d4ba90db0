// When glossaries are read again, and who hears of it. Settings, workspace folders or trust changed:
// every glossary is read again. A glossary file changed on disk: the glossaries using it are dropped
// (created or deleted: the discovered files are listed again too). A glossary file's text changed in
// the editor: it is used once edits settle. After each of these the workspace's glossary is loaded
// again (which reports its status) and every document's diagnostics are recomputed. Each load's status
// goes to the client (held until the client has initialized). For clients without watched-file
// events, the folders searched and the folders of the files in use are watched through the host
// (fs.watch on Node).

import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import { GLOSSARY_WATCH_PATTERNS, isGlossaryFileName } from '../shared/glossary-files';
import { GlossaryStatusNotification, type GlossaryStatus } from '../shared/protocol';
import type { ServerContext } from './context';
import type { DiagnosticsPublisher } from './diagnostics';
import type { LoadedGlossary } from './engine-store';
import { FolderWatcher } from './folder-watcher';

/** How long edits to a glossary file in the editor settle before every document is checked again. */
const EDIT_SETTLE_MS = 150;

export interface FileChange {
  file: string;
  /** undefined from the fs.watch fallback, which cannot tell. */
  type: FileChangeType | undefined;
}

export class GlossaryReloader {
  private initialized = false;
  /** The status of a load before the client initialized, sent once it has. */
  private pendingStatus: GlossaryStatus | undefined;
  /** fs.watch on the glossary folders, for clients that send no watched-file events. */
  private folderWatcher: FolderWatcher | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private watchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ctx: ServerContext,
    private readonly diagnostics: DiagnosticsPublisher,
  ) {}

  /** The client has initialized: statuses go out from now on, the one held first. */
  clientInitialized(): void {
    this.initialized = true;
    if (this.pendingStatus) this.sendStatus(this.pendingStatus);
  }

  /** Asks the client to watch glossary files, or watches their folders with fs.watch when it cannot. */
  watchGlossaryFiles(): void {
    const { capabilities, connection, log } = this.ctx;
    if (capabilities.watchedFilesRegistration) {
      const watchers = GLOSSARY_WATCH_PATTERNS.map((globPattern) => ({ globPattern }));
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    } else {
      this.folderWatcher = new FolderWatcher(
        this.ctx.host,
        (file) => this.ctx.glossaries.isGlossaryFile(file),
        (files) => this.filesChanged(files.map((file) => ({ file, type: undefined }))),
      );
      log.info('The client does not watch files: glossary folders are watched by the server.');
    }
  }

  /** A glossary was loaded: tell the client, and point the fs.watch fallback at its files. */
  loaded(loaded: LoadedGlossary): void {
    this.sendStatus(loaded.status);
    this.scheduleWatchUpdate();
  }

  /** Settings or folders changed: read every glossary again and recompute every document. */
  reload(why: string): void {
    this.ctx.glossaries.invalidate();
    this.refresh(why);
  }

  /** Workspace folders were added or removed (URIs): discovery starts again. */
  foldersChanged(added: string[], removed: string[]): void {
    this.ctx.folders.remove(removed);
    this.ctx.folders.add(added);
    this.ctx.workspace.forget();
    this.reload('workspace folders changed');
  }

  /** The workspace was trusted, or is no longer. */
  trustChanged(trusted: boolean): void {
    const { workspace } = this.ctx;
    if (trusted === workspace.trusted) return;
    workspace.trusted = trusted;
    workspace.forget();
    this.reload(trusted ? 'the workspace is trusted now' : 'the workspace is no longer trusted');
  }

  /** Glossary files changed on disk: created, deleted (which changes what is discovered) or saved. */
  filesChanged(changes: FileChange[]): void {
    const { glossaries, workspace } = this.ctx;
    let discovery = false;
    let touched = false;
    for (const { file, type } of changes) {
      const named = isGlossaryFileName(this.ctx.host.names.basename(file));
      if (named && type !== FileChangeType.Changed) discovery = true;
      if (named || glossaries.uses(file)) touched = true;
    }
    if (!touched) return;
    if (discovery) {
      workspace.forget();
      glossaries.invalidate();
    } else {
      for (const { file } of changes) glossaries.invalidateFile(file);
    }
    this.refresh(discovery ? 'glossary files were created or deleted' : 'a glossary file changed');
  }

  /** A glossary file's text in the editor changed (opened, edited, closed: undefined): use it once edits settle. */
  glossaryEdited(file: string, text: string | undefined): void {
    if (!this.ctx.glossaries.setOverlay(file, text)) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh('a glossary file was edited', true), EDIT_SETTLE_MS);
  }

  dispose(): void {
    this.folderWatcher?.dispose();
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    if (this.watchTimer) clearTimeout(this.watchTimer);
  }

  private sendStatus(status: GlossaryStatus): void {
    if (!this.initialized) {
      this.pendingStatus = status;
      return;
    }
    this.ctx.connection.sendNotification(GlossaryStatusNotification.method, status).catch(() => undefined);
  }

  /** Loads the glossary the workspace settings name (which reports its status). */
  async loadWorkspaceGlossary(): Promise<void> {
    try {
      await this.ctx.glossaryAt(undefined);
    } catch (error) {
      this.ctx.log.error(`Loading the glossary failed: ${(error as Error)?.stack ?? error}`);
    }
  }

  /** Some glossaries were dropped: load the workspace's again (which reports its status), recheck documents. */
  private refresh(why: string, quiet = false): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    // Typing in a glossary file reloads after each pause: not an event worth a line of the log.
    if (!quiet) this.ctx.log.info(`Reloading: ${why}.`);
    void this.loadWorkspaceGlossary().then(() => this.diagnostics.refreshAll());
  }

  /** Points the fs.watch fallback at the folders searched and the folders of the files in use. */
  private scheduleWatchUpdate(): void {
    if (!this.folderWatcher || this.watchTimer) return;
    this.watchTimer = setTimeout(() => {
      this.watchTimer = undefined;
      this.folderWatcher?.watch([...this.ctx.workspace.searchedFolders(), ...this.ctx.glossaries.files().map((f) => this.ctx.host.names.dirname(f))]);
    }, 50);
  }
}
