// The built-in glossary, opened read-only: it lives inside the extension, where an edit would be lost
// on the next update. It is served by a read-only file system (`kpo-builtin:/kpo.glossary.yaml`), so
// the editor refuses edits whichever way it is opened: the command, go to definition from a term, or
// "open where the entry is defined" in Show Glossary.

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const BUILTIN_SCHEME = 'kpo-builtin';

export class BuiltinGlossary implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  readonly uri: vscode.Uri;

  constructor(readonly file: string) {
    this.uri = vscode.Uri.from({ scheme: BUILTIN_SCHEME, path: `/${path.basename(file)}` });
  }

  /** The read-only URI for a file: URI of the built-in glossary; other URIs unchanged. */
  map(uri: vscode.Uri): vscode.Uri {
    return uri.scheme === 'file' && path.resolve(uri.fsPath) === path.resolve(this.file) ? this.uri : uri;
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

  stat(uri: vscode.Uri): vscode.FileStat {
    const st = this.statOf(uri);
    return { type: vscode.FileType.File, ctime: st.ctimeMs, mtime: st.mtimeMs, size: st.size, permissions: vscode.FilePermission.Readonly };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    this.statOf(uri);
    return fs.readFileSync(this.file);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [[path.basename(this.file), vscode.FileType.File]];
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

  private statOf(uri: vscode.Uri): fs.Stats {
    if (uri.path !== this.uri.path) throw vscode.FileSystemError.FileNotFound(uri);
    return fs.statSync(this.file);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
