// The fs.watch fallback for clients that send no watched-file events (Neovim 0.7): the server watches
// the glossary folders itself and is told which interesting files changed there.

import * as fs from 'fs';
import * as path from 'path';

/**
 * fs.watch on a set of folders, for clients without workspace/didChangeWatchedFiles. Calls `changed`
 * (debounced) with the paths of glossary files, or of files the glossaries use, that changed there.
 */
export class FolderWatcher {
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly interesting: (file: string) => boolean,
    private readonly changed: (files: string[]) => void,
    private readonly delayMs = 100,
  ) {}

  /** Watches exactly these folders from now on. */
  watch(folders: string[]): void {
    const wanted = new Set(folders);
    for (const [folder, watcher] of this.watchers) {
      if (!wanted.has(folder)) {
        watcher.close();
        this.watchers.delete(folder);
      }
    }
    for (const folder of wanted) {
      if (this.watchers.has(folder)) continue;
      try {
        const watcher = fs.watch(folder, { persistent: false }, (_event, name) => {
          if (!name) return;
          const file = path.join(folder, name.toString());
          if (this.interesting(file)) this.note(file);
        });
        watcher.on('error', () => {
          watcher.close();
          this.watchers.delete(folder);
        });
        this.watchers.set(folder, watcher);
      } catch {
        // A folder that does not exist or cannot be watched: nothing to do.
      }
    }
  }

  private note(file: string): void {
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
