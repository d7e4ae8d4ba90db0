// The language server's platform on Node: the ServerHost (server/src/lsp/host.ts) that the Node entry
// (lsp/main.ts) hands to startServer. Files are absolute paths; glossary files are read from the disk
// (strict UTF-8, bounded, regular files only) and discovered as kpo-lint discovers them; folders are
// watched with fs.watch for clients that send no watched-file events. This module does not import the
// lsp layer (node/ may not): the object is checked against ServerHost where main.ts passes it.

import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { discoveryFolders, glossaryFilesIn } from './discover';
import { builtinGlossaryPath, glossarySource, packageVersion, readGlossaryFile } from './files';
import { fileUriToPath, resolveGlossaryPath } from './glossary-paths';
import { realFile } from './paths';

export function nodeServerHost() {
  return {
    get version() {
      return packageVersion();
    },
    uriToFile: fileUriToPath,
    fileToUri: (file: string) => pathToFileURL(file).href,
    names: { sep: path.sep, dirname: path.dirname, basename: path.basename, resolve: path.resolve },
    currentFolder: () => process.cwd(),
    resolveGlossaryFile: (entry: string, base: string) => resolveGlossaryPath(entry, base)!,
    builtinGlossaryFile: builtinGlossaryPath,
    glossarySource,
    readGlossaryFile,
    realFile,
    fileSize: (file: string): number | undefined => {
      try {
        return fs.statSync(file).size;
      } catch {
        return undefined;
      }
    },
    discoveryFolders: (folder: string, stop: string | undefined) => discoveryFolders(folder, stop),
    glossaryFilesIn,
    watchFolder,
  };
}

/**
 * fs.watch on one folder (`failed` when the watch breaks, after closing it); undefined for a folder that
 * does not exist or cannot be watched.
 */
function watchFolder(folder: string, changed: (file: string) => void, failed: () => void): { close(): void } | undefined {
  try {
    const watcher = fs.watch(folder, { persistent: false }, (_event, name) => {
      if (name) changed(path.join(folder, name.toString()));
    });
    watcher.on('error', () => {
      watcher.close();
      failed();
    });
    return watcher;
  } catch {
    return undefined;
  }
}
