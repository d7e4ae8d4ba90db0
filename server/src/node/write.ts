// The one way kpo-lint --fix writes a file: confined, exclusive and faithful (see SECURITY.md).
//
// - Only a regular file with one link, read before and unchanged since: a symbolic link is refused
//   (as Prettier does), a hard-linked file is refused (a rename would split its links), a read-only
//   file is not rewritten, and a file owned by someone else is refused unless running as root.
// - In the real folder it was read from, which must still be inside the folder it was found under
//   (`within`): never through a folder link swapped in meanwhile.
// - Through a temporary file in the same folder with an unpredictable name (crypto random), created
//   exclusively (O_CREAT | O_EXCL | O_NOFOLLOW: an existing file or symbolic link there makes it fail,
//   it is never opened or followed), given the original's owner (fchown, as root) and mode (fchmod,
//   so the umask does not drop group write), synced, then renamed over the original — only if the
//   original is still exactly what was read (same inode, size, times and bytes); else it is left as
//   it is and the caller says so.

import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { isInside } from './paths';
import { errnoReason, readRegularFile } from './read';

const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW = 0 } = fs.constants;

/** What was read, to write back only over the same file, unchanged. */
export interface ReadSnapshot {
  /** The path as it was read. */
  file: string;
  data: Buffer;
  /** lstat of the path, taken before the read. */
  stat: fs.BigIntStats;
}

export interface WriteOptions {
  /** The real path of the folder the file was found under: the file's real folder must be inside it. */
  within?: string;
  /** Names of the temporary file to try, in order (for tests); by default random names. */
  tempNames?: Iterable<string>;
}

export type WriteOutcome = { written: true } | { written: false; reason: string };

/** Takes the snapshot of a file for a later safe write: lstat (links not followed), then the bytes. */
export function snapshotFile(file: string, maxBytes: number): ReadSnapshot | { error: string } {
  let stat: fs.BigIntStats;
  try {
    stat = fs.lstatSync(file, { bigint: true });
  } catch (error) {
    return { error: errnoReason(error) };
  }
  const read = readRegularFile(file, { maxBytes, noFollow: !stat.isSymbolicLink(), limitHint: ': raise it with --max-size' });
  if ('error' in read) return read;
  return { file, data: read.data, stat };
}

function same(a: fs.BigIntStats, b: fs.BigIntStats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.mode === b.mode && a.uid === b.uid && a.gid === b.gid && a.nlink === b.nlink;
}

function* randomNames(base: string): Iterable<string> {
  for (;;) yield `.${base}.kpo-lint-${randomBytes(12).toString('hex')}.tmp`;
}

/** Why this file may not be rewritten by the runner, or undefined. */
export function refusal(snapshot: ReadSnapshot): string | undefined {
  const st = snapshot.stat;
  if (st.isSymbolicLink()) {
    let target = '';
    try {
      target = ` to ${fs.readlinkSync(snapshot.file)}`;
    } catch {
      // gone: the message still holds
    }
    return `it is a symbolic link${target}: kpo-lint --fix never writes through links; run it on the file the link points to`;
  }
  if (!st.isFile()) return 'it is not a regular file';
  if (st.nlink > 1n) return `it has ${st.nlink} hard links, and rewriting it would split them: fix it in an editor, or run kpo-lint --fix on a copy`;
  const uid = process.getuid?.() ?? -1;
  const mode = Number(st.mode);
  if (uid === 0 ? (mode & 0o222) === 0 : Number(st.uid) === uid && (mode & 0o200) === 0) return `it is read-only (mode ${(mode & 0o7777).toString(8).padStart(4, '0')}): make it writable to fix it`;
  if (uid > 0 && Number(st.uid) !== uid) return `it belongs to user ${st.uid}, and a rewrite by you (user ${uid}) would change its owner`;
  if (uid > 0) {
    try {
      fs.accessSync(snapshot.file, fs.constants.W_OK);
    } catch {
      return 'you cannot write to it: make it writable to fix it';
    }
  }
  return undefined;
}

/**
 * Replaces the file of `snapshot` with `data`, or says why not: then nothing is changed (an I/O failure
 * on the way removes the temporary file and leaves the original whole). Never throws.
 */
export function replaceFile(snapshot: ReadSnapshot, data: Buffer, options: WriteOptions = {}): WriteOutcome {
  const refused = refusal(snapshot);
  if (refused) return { written: false, reason: refused };
  const file = path.resolve(snapshot.file);
  let dir: string;
  try {
    dir = fs.realpathSync.native(path.dirname(file));
  } catch (error) {
    return { written: false, reason: `its folder ${errnoReason(error)}` };
  }
  if (options.within && !isInside(options.within, dir)) {
    return { written: false, reason: `its folder now leads out of ${options.within} (through a symbolic link), so it is not written` };
  }
  const target = path.join(dir, path.basename(file));
  // The bytes first, then the metadata: a change made after the bytes were read shows in the size,
  // times or inode, which are looked at last, just before the rename (the window left is the time
  // between two system calls).
  const unchanged = (): boolean => {
    try {
      const again = readRegularFile(target, { maxBytes: snapshot.data.length, noFollow: true });
      if ('error' in again || !again.data.equals(snapshot.data)) return false;
      return same(fs.lstatSync(target, { bigint: true }), snapshot.stat);
    } catch {
      return false;
    }
  };
  if (!unchanged()) return { written: false, reason: 'it changed since kpo-lint read it, so the fixes were not written: run kpo-lint again' };

  const names = (options.tempNames ?? randomNames(path.basename(file)))[Symbol.iterator]();
  let temp = '';
  let fd = -1;
  for (let attempt = 0; attempt < 16; attempt++) {
    const next = names.next();
    if (next.done) break;
    const candidate = path.join(dir, path.basename(next.value));
    try {
      fd = fs.openSync(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
      temp = candidate;
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      return { written: false, reason: `no temporary file could be made beside it: ${errnoReason(error).replace('make the file readable', 'the folder must be writable')}` };
    }
  }
  if (fd < 0) return { written: false, reason: 'no temporary file could be made beside it (every name tried was taken)' };
  try {
    try {
      let offset = 0;
      while (offset < data.length) offset += fs.writeSync(fd, data, offset, data.length - offset);
      if ((process.getuid?.() ?? -1) === 0) fs.fchownSync(fd, Number(snapshot.stat.uid), Number(snapshot.stat.gid));
      fs.fchmodSync(fd, Number(snapshot.stat.mode) & 0o7777);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (!unchanged()) {
      fs.rmSync(temp, { force: true });
      return { written: false, reason: 'it changed while kpo-lint was fixing it, so the fixes were not written (the change is kept): run kpo-lint again' };
    }
    fs.renameSync(temp, target);
    return { written: true };
  } catch (error) {
    fs.rmSync(temp, { force: true });
    return { written: false, reason: `writing failed (${errnoReason(error).replace(/: make the file readable$/, '')}); the file is unchanged` };
  }
}
