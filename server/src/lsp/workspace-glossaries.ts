// Which glossary files a document uses, in the order kpo-lint uses them too: the built-in glossary
// (unless `builtin.enable` is false), then the glossary files discovered from the workspace folder down
// to the document's folder (.kpo-glossary.yaml, *.glossary.yaml; nearer files change farther ones),
// then the files the settings name. Folder listings are cached until a glossary file is created or
// deleted. In an untrusted workspace a file whose real path (symbolic links followed) is outside the
// workspace folders is not read. For clients that send no watched-file events (Neovim 0.7), the folders
// searched and the folders of named files are watched with fs.watch instead.

import * as fs from 'fs';
import * as path from 'path';
import { discoveryFolders, glossaryFilesIn } from '../node/discover';
import type { Settings } from '../shared/settings';
import type { GlossaryStore } from './glossary';
import { uriToPath, type WorkspaceFolders } from './paths';

/** The largest workspace glossary read in an untrusted workspace (the built-in glossary is about 120 KB). */
export const UNTRUSTED_GLOSSARY_BYTES = 512 * 1024;

export class WorkspaceGlossaries {
  /** Glossary files per folder. */
  private readonly listings = new Map<string, string[]>();
  /** Folders searched per document folder and stop. */
  private readonly chains = new Map<string, string[]>();
  private realFolders: string[] | undefined;
  private trustedValue = true;

  constructor(
    private readonly folders: WorkspaceFolders,
    private readonly store: GlossaryStore,
  ) {
    store.policy = (file) => this.refusal(file);
  }

  get trusted(): boolean {
    return this.trustedValue;
  }

  set trusted(value: boolean) {
    this.trustedValue = value;
  }

  /** The files of a document's glossary, in load order. */
  filesFor(settings: Settings, uri: string | undefined): string[] {
    const files: string[] = [];
    if (settings.builtin.enable) files.push(this.store.builtinPath());
    const file = uri ? uriToPath(uri) : undefined;
    const folder = this.folders.holding(file);
    const dir = file ? path.dirname(file) : folder;
    // Like kpo-lint: from the document's folder up to the repository root, so that CI and the editor
    // agree; in an untrusted workspace only up to the workspace folder.
    if (dir) for (const f of this.discover(dir, this.trustedValue ? undefined : folder)) files.push(f);
    for (const f of this.folders.resolve(settings.glossaryFiles, uri)) files.push(f);
    return [...new Set(files.filter((f) => f !== ''))];
  }

  /** Drops the cached folder listings (a glossary file was created or deleted, or folders changed). */
  forget(): void {
    this.listings.clear();
    this.chains.clear();
    this.realFolders = undefined;
  }

  /** Every folder searched so far (for the fs.watch fallback). */
  searchedFolders(): string[] {
    return [...new Set([...this.chains.values()].flat())];
  }

  /** Why a file may not be read: only in an untrusted workspace, for a file outside the workspace folders. */
  refusal(file: string): string | undefined {
    if (this.trustedValue) return undefined;
    const real = realPath(file);
    const inside = this.workspaceRealFolders().some((folder) => real === folder || real.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep));
    if (inside) {
      // An untrusted repository's glossary is read within a budget: a huge one (100,000 broken
      // entries) must not stall the editor before the writer has decided to trust it.
      let size = 0;
      try {
        size = fs.statSync(real).size;
      } catch {
        return undefined;
      }
      if (size <= UNTRUSTED_GLOSSARY_BYTES) return undefined;
      return `Not read: ${file} is ${Math.round(size / 1024)} KB, and this workspace is not trusted (Restricted Mode), where glossary files of up to ${UNTRUSTED_GLOSSARY_BYTES / 1024} KB are read. Trust the workspace to use it.`;
    }
    const via = real !== path.resolve(file) ? ` (it links to ${real})` : '';
    return `Not read: ${file}${via} is outside the workspace folders, and this workspace is not trusted (Restricted Mode), so only glossary files inside it are read. Trust the workspace to use it.`;
  }

  private workspaceRealFolders(): string[] {
    this.realFolders ??= this.folders.all().map(realPath);
    return this.realFolders;
  }

  private discover(dir: string, stop: string | undefined): string[] {
    const key = `${dir}\0${stop ?? ''}`;
    let chain = this.chains.get(key);
    if (!chain) {
      // Outside every workspace folder (a loose file), up to the repository root, as kpo-lint does.
      chain = discoveryFolders(dir, stop);
      this.chains.set(key, chain);
    }
    const files: string[] = [];
    for (const folder of [...chain].reverse()) {
      let listing = this.listings.get(folder);
      if (!listing) {
        listing = glossaryFilesIn(folder);
        this.listings.set(folder, listing);
      }
      for (const f of listing) files.push(f);
    }
    return files;
  }
}

function realPath(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    // A file that does not exist (yet): its folder's real path.
    try {
      return path.join(fs.realpathSync.native(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

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

  get folders(): string[] {
    return [...this.watchers.keys()];
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
