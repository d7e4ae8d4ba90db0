// What a path is on this machine, for everyone who confines reading or writing to a folder (the
// server's trust policy, discovery, `--fix`, kpo-lint's folder searches, the MCP server's roots).

import * as fs from 'fs';
import * as path from 'path';

/** Whether `file` is `folder` or lies inside it (both absolute). */
export function isInside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real path of a file (links followed); for one that does not exist (yet), its folder's real path. */
export function realFile(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    try {
      return path.join(fs.realpathSync.native(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}
