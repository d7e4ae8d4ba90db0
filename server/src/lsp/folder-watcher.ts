// The fs.watch fallback for clients that send no watched-file events (Neovim 0.7): the server watches
// the glossary folders itself (through the host: fs.watch on Node) and is told which interesting files
// changed there.

import type { HostFile, HostWatch, ServerHost } from './host';

/**
 * The host's watch on a set of folders, for clients without workspace/didChangeWatchedFiles. Calls
 * `changed` (debounced) with the glossary files, or files the glossaries use, that changed there.
 */
export class FolderWatcher {
  private readonly watchers = new Map<HostFile, HostWatch>();
  private pending = new Set<HostFile>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ServerHost,
    private readonly interesting: (file: HostFile) => boolean,
    private readonly changed: (files: HostFile[]) => void,
    private readonly delayMs = 100,
  ) {}

  /** Watches exactly these folders from now on. */
  watch(folders: HostFile[]): void {
    const wanted = new Set(folders);
    for (const [folder, watcher] of this.watchers) {
      if (!wanted.has(folder)) {
        watcher.close();
        this.watchers.delete(folder);
      }
    }
    for (const folder of wanted) {
      if (this.watchers.has(folder)) continue;
      const watcher = this.host.watchFolder(
        folder,
        (file) => {
          if (this.interesting(file)) this.note(file);
        },
        () => this.watchers.delete(folder),
      );
      // A folder that does not exist or cannot be watched: nothing to do.
      if (watcher) this.watchers.set(folder, watcher);
    }
  }

  private note(file: HostFile): void {
    this.pending.add(file);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const files = [...this.pending];
      this.pending = new Set();
      this.changed(files);
    }, this.delayMs);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}
