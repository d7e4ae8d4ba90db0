// Which glossary files a document uses, in the order kpo-lint uses them too: the built-in glossary
// (unless `builtin.enable` is false), then the glossary files discovered from the workspace folder down
// to the document's folder (.kpo-glossary.yaml, *.glossary.yaml; nearer files change farther ones),
// then the files the settings name. Folder listings are cached until a glossary file is created or
// deleted. In an untrusted workspace a file whose real path (symbolic links followed) is outside the
// workspace folders is not read (the store asks `refusal`). For clients that send no watched-file
// events (Neovim 0.7), the folders searched here are watched instead (folder-watcher.ts). The folders
// and files themselves come from the host (host.ts; on Node, as kpo-lint finds them).

import type { Settings } from '../shared/settings';
import type { EngineStore } from './engine-store';
import type { ServerHost } from './host';
import { isWithin } from './paths';
import type { WorkspaceFolders } from './workspace-folders';

/** The largest workspace glossary read in an untrusted workspace (the built-in glossary is about 120 KB). */
export const UNTRUSTED_GLOSSARY_BYTES = 512 * 1024;

export class GlossarySources {
  /** Glossary files per folder. */
  private readonly listings = new Map<string, string[]>();
  /** Folders searched per document folder and stop. */
  private readonly chains = new Map<string, string[]>();
  private realFolders: string[] | undefined;

  constructor(
    private readonly host: ServerHost,
    private readonly folders: WorkspaceFolders,
    private readonly store: EngineStore,
    /** false in an untrusted workspace (Restricted Mode). */
    public trusted: boolean,
  ) {}

  /** The files of a document's glossary (its file; none for an untitled one), in load order. */
  filesFor(settings: Settings, file: string | undefined): string[] {
    const files: string[] = [];
    if (settings.builtin.enable) files.push(this.store.builtinPath());
    const folder = this.folders.holding(file);
    const dir = file ? this.host.names.dirname(file) : folder;
    // Like kpo-lint: from the document's folder up to the repository root, so that CI and the editor
    // agree; in an untrusted workspace only up to the workspace folder.
    if (dir) for (const f of this.discover(dir, this.trusted ? undefined : folder)) files.push(f);
    for (const f of this.folders.resolve(settings.glossaryFiles, file)) files.push(f);
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
    if (this.trusted) return undefined;
    const { host } = this;
    const real = host.realFile(file);
    const inside = this.workspaceRealFolders().some((folder) => isWithin(real, folder, host.names.sep));
    if (inside) {
      // An untrusted repository's glossary is read within a budget: a huge one (100,000 broken
      // entries) must not stall the editor before the writer has decided to trust it.
      const size = host.fileSize(real);
      if (size === undefined || size <= UNTRUSTED_GLOSSARY_BYTES) return undefined;
      return `Not read: ${file} is ${Math.round(size / 1024)} KB, and this workspace is not trusted (Restricted Mode), where glossary files of up to ${UNTRUSTED_GLOSSARY_BYTES / 1024} KB are read. Trust the workspace to use it.`;
    }
    const via = real !== host.names.resolve(file) ? ` (it links to ${real})` : '';
    return `Not read: ${file}${via} is outside the workspace folders, and this workspace is not trusted (Restricted Mode), so only glossary files inside it are read. Trust the workspace to use it.`;
  }

  private workspaceRealFolders(): string[] {
    this.realFolders ??= this.folders.all().map((folder) => this.host.realFile(folder));
    return this.realFolders;
  }

  private discover(dir: string, stop: string | undefined): string[] {
    const key = `${dir}\0${stop ?? ''}`;
    let chain = this.chains.get(key);
    if (!chain) {
      // Outside every workspace folder (a loose file), up to the repository root, as kpo-lint does.
      chain = this.host.discoveryFolders(dir, stop);
      this.chains.set(key, chain);
    }
    const files: string[] = [];
    for (const folder of [...chain].reverse()) {
      let listing = this.listings.get(folder);
      if (!listing) {
        listing = this.host.glossaryFilesIn(folder);
        this.listings.set(folder, listing);
      }
      for (const f of listing) files.push(f);
    }
    return files;
  }
}
