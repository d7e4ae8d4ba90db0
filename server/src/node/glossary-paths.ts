// Where a glossary file named in the `glossaryFiles` setting lives: a `file:` URI, `~` for the home
// folder, or a path relative to a folder (the workspace folder holding the document). Used by the
// server (which reads the files) and the VS Code client (which watches those outside the workspace).
// Node-only (path, os, url), so it lives with the Node helpers, apart from what a browser build may use.

import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';

/** The file system path of a `file:` URI, or undefined for another scheme or a URI that names no path. */
export function fileUriToPath(uri: string): string | undefined {
  const colon = uri.indexOf(':');
  if (colon <= 0 || uri.slice(0, colon).toLowerCase() !== 'file') return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The absolute path of a `glossaryFiles` entry, or undefined for a relative one when there is no `base`. */
export function resolveGlossaryPath(raw: string, base: string | undefined): string | undefined {
  let file = raw.trim();
  if (file.startsWith('file:')) file = fileUriToPath(file) ?? file;
  if (file === '~' || file.startsWith('~/')) file = path.join(os.homedir(), file.slice(1));
  if (base === undefined && !path.isAbsolute(file)) return undefined;
  return base === undefined ? path.resolve(file) : path.resolve(base, file);
}
