// What the language server needs from its platform, in one interface: the handlers and stores use the
// file system, file names and the process only through a ServerHost. The Node host
// (node/server-host.ts) is made by the Node entry (main.ts); the browser host (mirror-host.ts, made by
// the web worker's entry, web/main.ts) names files by URI and is handed the glossary files' texts by
// the client.

import type { GlossaryProblem, GlossarySource } from '../core';
import type { InitializationOptions } from '../shared/protocol';

/**
 * A file's identity as the host names it: an absolute path on Node; a browser host may use the URI
 * itself. The server compares, caches and reports these names; only the host reads what they name.
 */
export type HostFile = string;

/** Something a host started that the server stops. */
export interface HostWatch {
  close(): void;
}

export interface ServerHost {
  /** The package's version (the server's `serverInfo`, `--version`). */
  readonly version: string;

  /** The host's name for the file a document URI names, or undefined for a URI it cannot read (untitled:, http:). */
  uriToFile(uri: string): HostFile | undefined;
  /** The URI of a file (where a glossary entry is written, for "go to definition"). */
  fileToUri(file: HostFile): string;

  /** The file-name operations the server does itself (on Node, those of `path`). */
  readonly names: {
    /** The separator between a folder's name and the names inside it. */
    readonly sep: string;
    dirname(file: HostFile): HostFile;
    basename(file: HostFile): string;
    /** The plain absolute form of a name (what two names of one file have in common). */
    resolve(file: HostFile): HostFile;
  };
  /** The folder relative `glossaryFiles` entries start from when there is no workspace folder and no document. */
  currentFolder(): HostFile;
  /** The file a `glossaryFiles` settings entry names (a `file:` URI, `~/…`, or relative to `base`). */
  resolveGlossaryFile(entry: string, base: HostFile): HostFile;

  /** The built-in glossary file; throws (saying why) when the installation lacks it. */
  builtinGlossaryFile(): HostFile;
  /** A glossary source for a file's text (the built-in glossary's comes with the digest the build made of it). */
  glossarySource(file: HostFile, text: string): GlossarySource;
  /**
   * A glossary file's text (strict UTF-8, BOM stripped, at most `maxBytes`), or the problem that says
   * why it cannot be read, positioned at 1:1 of the file.
   */
  readGlossaryFile(file: HostFile, maxBytes: number): { text: string } | { problem: GlossaryProblem };
  /** The file's real name (symbolic links followed; for a file that does not exist, its folder's). */
  realFile(file: HostFile): HostFile;
  /** The file's size in bytes, or undefined when it cannot be told. */
  fileSize(file: HostFile): number | undefined;

  /**
   * The folders searched for the glossary files of a document in `folder`, innermost first: `folder`
   * and each one above it, up to the repository root or `stop` (a workspace folder).
   */
  discoveryFolders(folder: HostFile, stop: HostFile | undefined): HostFile[];
  /** The glossary files of one folder that are safe to read, in load order. */
  glossaryFilesIn(folder: HostFile): HostFile[];

  /**
   * Watches a folder for clients that send no watched-file events: `changed` hears each file that
   * changes there, `failed` that the watch broke (it is closed then). Undefined when the folder cannot
   * be watched (or the host cannot watch at all).
   */
  watchFolder(folder: HostFile, changed: (file: HostFile) => void, failed: () => void): HostWatch | undefined;

  /** Called in `initialize`, before anything is read, with what the client passed (the browser host's glossary files). */
  start?(options: InitializationOptions): void;
  /** Whether documents of this URI are checked; left out: file: and untitled: ones (paths.ts, SERVED_SCHEMES). */
  serves?(uri: string): boolean;
  /**
   * For a host that learns of file changes itself (the browser host, from its client): the server
   * listens here as it does to watched-file events.
   */
  onFilesChanged?(listener: (changes: { file: HostFile; type: 1 | 2 | 3 }[]) => void): void;
}
