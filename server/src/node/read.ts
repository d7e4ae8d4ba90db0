// Bounded, strict reads for the CLI and the server: only regular files are opened for reading (a FIFO,
// a device or a socket is refused before it is opened, and the file is opened with O_NONBLOCK so one
// swapped in meanwhile never blocks), the size is checked on the open descriptor before anything is
// read, and no more than the limit is ever read even when the file grows. Text is strict UTF-8.

import * as fs from 'fs';

export const MB = 1024 * 1024;

const { O_RDONLY, O_NONBLOCK = 0, O_NOCTTY = 0, O_NOFOLLOW = 0 } = fs.constants;

/** What a non-regular file is, in words: "a named pipe (FIFO)", "a device", … */
export function describeKind(stat: fs.Stats | fs.BigIntStats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isFile()) return 'a regular file';
  return 'not a regular file';
}

/** A readable reason for an errno-style failure. */
export function errnoReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file: check the path';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied: make the file readable';
  if (code === 'ENXIO') return 'is a socket or a device, not a regular file: skipped';
  if (code === 'ELOOP') return 'is a symbolic link';
  if (code === 'ENOTDIR') return 'no such file (a part of the path is not a folder): check the path';
  return `cannot be read (${code ?? (error as Error).message})`;
}

export function sizeText(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

export interface RegularRead {
  data: Buffer;
  /** fstat of the descriptor the data was read from (nanosecond times). */
  stat: fs.BigIntStats;
}

export interface ReadOptions {
  /** The most bytes read; a larger file is refused without being read. */
  maxBytes: number;
  /** Refuse a symbolic link instead of reading its target. */
  noFollow?: boolean;
  /** Said after "over the N MB limit" (e.g. ": raise it with --max-size"). */
  limitHint?: string;
}

/**
 * Reads a regular file whole, or says why not: missing, a folder, a FIFO, a device or a socket (never
 * opened for reading), over `maxBytes` (checked on the open descriptor, never read past), unreadable.
 */
export function readRegularFile(file: string, options: ReadOptions): RegularRead | { error: string } {
  const tooBig = (size: number) => ({ error: `is ${sizeText(size)}, over the ${+(options.maxBytes / MB).toFixed(2)} MB limit${options.limitHint ?? ''}` });
  let fd: number;
  try {
    const pre = options.noFollow ? fs.lstatSync(file) : fs.statSync(file);
    if (pre.isSymbolicLink()) return { error: 'is a symbolic link' };
    if (pre.isDirectory()) return { error: 'is a folder, not a file: name a file inside it' };
    if (!pre.isFile()) return { error: `is ${describeKind(pre)}, not a regular file: skipped` };
    if (pre.size > options.maxBytes) return tooBig(pre.size);
    fd = fs.openSync(file, O_RDONLY | O_NONBLOCK | O_NOCTTY | (options.noFollow ? O_NOFOLLOW : 0));
  } catch (error) {
    return { error: errnoReason(error) };
  }
  try {
    // What was opened may not be what was looked at: check again on the descriptor.
    const stat = fs.fstatSync(fd, { bigint: true });
    if (!stat.isFile()) return { error: `is ${describeKind(stat)}, not a regular file: skipped` };
    if (stat.size > BigInt(options.maxBytes)) return tooBig(Number(stat.size));
    const chunks: Buffer[] = [];
    let total = 0;
    // Read to the end, but never past the limit (the file may grow while it is read).
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(Number(stat.size) - total, 0) + 1, options.maxBytes + 1 - total, 4 * MB) || 1);
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > options.maxBytes) return tooBig(total);
    }
    return { data: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total), stat };
  } catch (error) {
    return { error: errnoReason(error) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Strict UTF-8: invalid bytes are refused, never replaced. A leading BOM is taken off and reported. */
export function decodeUtf8(data: Uint8Array): { text: string; bom: boolean } | { error: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    return { error: 'is not valid UTF-8 text: save it as UTF-8' };
  }
  if (text.charCodeAt(0) === 0xfeff) return { text: text.slice(1), bom: true };
  return { text, bom: false };
}

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Text back to bytes, with the BOM it had. */
export function encodeUtf8(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([UTF8_BOM, body]) : body;
}

/**
 * Reads a stream descriptor (standard input) to its end, at most `maxBytes`; waits briefly and
 * retries when the descriptor is non-blocking and empty for now.
 */
export function readDescriptor(fd: number, maxBytes: number): { data: Buffer } | { error: string } {
  const chunks: Buffer[] = [];
  let total = 0;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 5);
        continue;
      }
      if (code === 'EOF') break;
      return { error: errnoReason(error) };
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) return { error: `is over the ${+(maxBytes / MB).toFixed(2)} MB limit` };
  }
  return { data: Buffer.concat(chunks, total) };
}
