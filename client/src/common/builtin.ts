// The built-in glossary, opened read-only: it lives inside the extension, where an edit would be lost
// on the next update. It is served by a read-only file system (`kpo-builtin:/kpo.glossary.yaml`), so
// the editor refuses edits whichever way it is opened: the command, go to definition from a term, or
// "open where the entry is defined" in Show Glossary. Its bytes are read from the extension's own
// files (`source`, through vscode.workspace.fs: the disk on the desktop, the extension's URL on the web).

import * as vscode from 'vscode';
import { baseName, type FileNames } from './files';

export const BUILTIN_SCHEME = 'kpo-builtin';

export class BuiltinGlossary implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  readonly uri: vscode.Uri;

  constructor(
    /** Where the bytes are: the glossary file inside the extension. */
    private readonly source: vscode.Uri,
    private readonly names: FileNames,
  ) {
    this.uri = vscode.Uri.from({ scheme: BUILTIN_SCHEME, path: `/${baseName(source)}` });
  }

  /** The read-only URI for the URI of the built-in glossary as the server names it; other URIs unchanged. */
  map(uri: vscode.Uri): vscode.Uri {
    const file = this.names.fileOf(uri);
    return file !== undefined && this.names.same(file, this.names.builtin) ? this.uri : uri;
  }

  /** Go-to-definition results with the built-in glossary's locations made read-only. */
  mapDefinition<T extends vscode.Definition | vscode.LocationLink[] | null | undefined>(result: T): T {
    if (!result) return result;
    const one = (x: vscode.Location | vscode.LocationLink) => ('targetUri' in x ? { ...x, targetUri: this.map(x.targetUri) } : new vscode.Location(this.map(x.uri), x.range));
    return (Array.isArray(result) ? (result as Array<vscode.Location | vscode.LocationLink>).map(one) : one(result as vscode.Location)) as T;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const st = await this.statOf(uri);
    return { type: vscode.FileType.File, ctime: st.ctime, mtime: st.mtime, size: st.size, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    await this.statOf(uri);
    return vscode.workspace.fs.readFile(this.source);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [[baseName(this.source), vscode.FileType.File]];
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('The built-in glossary is read-only.');
  }

  writeFile(): void {
    throw vscode.FileSystemError.NoPermissions('The built-in glossary is read-only: add or change entries in your workspace’s .kpo-glossary.yaml.');
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions('The built-in glossary is read-only.');
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions('The built-in glossary is read-only.');
  }

  private async statOf(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (uri.path !== this.uri.path) throw vscode.FileSystemError.FileNotFound(uri);
    return vscode.workspace.fs.stat(this.source);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
