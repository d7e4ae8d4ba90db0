// The workspace folders, as the host names files (paths on Node): which folder holds a file, and where a
// glossary file named in the settings lives. Relative glossary paths are read from the workspace folder
// holding the document, else the first workspace folder, else the document's own folder.

import type { HostFile, ServerHost } from './host';
import { isWithin } from './paths';

export class WorkspaceFolders {
  private folders: HostFile[] = [];

  constructor(private readonly host: ServerHost) {}

  set(uris: string[]): void {
    this.folders = uris.map((uri) => this.host.uriToFile(uri)).filter((p): p is string => p !== undefined);
  }

  add(uris: string[]): void {
    for (const p of uris.map((uri) => this.host.uriToFile(uri))) if (p !== undefined && !this.folders.includes(p)) this.folders.push(p);
  }

  remove(uris: string[]): void {
    const gone = new Set(uris.map((uri) => this.host.uriToFile(uri)));
    this.folders = this.folders.filter((f) => !gone.has(f));
  }

  all(): string[] {
    return [...this.folders];
  }

  /**
   * The workspace folder holding a file (the innermost one), or for no file the first folder; undefined
   * for a file outside every folder, or when there are none.
   */
  holding(file: string | undefined): string | undefined {
    if (file === undefined) return this.folders[0];
    return this.folders
      .filter((f) => isWithin(file, f, this.host.names.sep))
      .sort((a, b) => b.length - a.length)[0];
  }

  /** The folder that relative paths in the settings of a document (its file, if it has one) start from. */
  baseFor(file: string | undefined): string {
    const holding = file !== undefined ? this.holding(file) : undefined;
    if (holding) return holding;
    if (this.folders.length > 0) return this.folders[0];
    if (file) return this.host.names.dirname(file);
    return this.host.currentFolder();
  }

  /** Absolute paths of the glossary files named in a document's settings, without duplicates. */
  resolve(files: string[], documentFile: string | undefined): string[] {
    const base = this.baseFor(documentFile);
    const resolved: string[] = [];
    for (const raw of files) {
      const file = this.host.resolveGlossaryFile(raw, base);
      if (!resolved.includes(file)) resolved.push(file);
    }
    return resolved;
  }
}
