// How the client names the files the server names. The server's names are paths on the desktop (a
// language server in a Node process reads the disk) and URIs in VS Code for the Web (the server in a
// web worker is handed the files by the client); each entry (../extension.ts, ../web/extension.ts)
// passes its own FileNames, and nothing in this folder assumes either.

import type * as vscode from 'vscode';

export interface FileNames {
  /** The built-in glossary, as the server names it. */
  readonly builtin: string;
  /** The URI of a file the server names. */
  toUri(file: string): vscode.Uri;
  /** The server's name for a document's file; undefined when the server does not read it (untitled:, another scheme). */
  fileOf(uri: vscode.Uri): string | undefined;
  /** Whether two names are of one file. */
  same(a: string, b: string): boolean;
  /** Whether the file exists, as far as the client can tell without waiting. */
  exists(file: string): boolean;
}

/** The last segment of a URI's path ("team.glossary.yaml"). */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
