// The file-system side of the engine, for the CLI and the server: finding the built-in glossary and
// reading glossary files into sources, turning every way a read can fail into a positioned problem.

import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { type GlossaryProblem, type GlossarySource, MAX_GLOSSARY_BYTES } from '../core';
import { decodeUtf8, readRegularFile } from './read';

/** The folder of the package (where package.json and glossary/ live), found upward from this module. */
export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, 'glossary', 'kpo.glossary.yaml')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`The built-in glossary was not found above ${__dirname}: the installation is incomplete.`);
}

export function builtinGlossaryPath(): string {
  return path.join(packageRoot(), 'glossary', 'kpo.glossary.yaml');
}

export function packageVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version as string;
  } catch {
    return '0.0.0';
  }
}

/**
 * Reads a text file as UTF-8, refusing what is not: a directory, a missing file, a FIFO, a device or a
 * socket (never opened for reading, so a FIFO cannot block), a file over `maxBytes` (16 MB, the
 * glossary limit, by default: checked before reading), invalid UTF-8. Used for glossary files by the
 * CLI and the server (`glossaryFiles`).
 */
export function readTextFile(file: string, stripBom = true, maxBytes = MAX_GLOSSARY_BYTES): { text: string } | { error: string } {
  const read = readRegularFile(file, { maxBytes, limitHint: ': split it into several files' });
  if ('error' in read) return read;
  const decoded = decodeUtf8(read.data);
  if ('error' in decoded) return decoded;
  return { text: decoded.bom && !stripBom ? '\ufeff' + decoded.text : decoded.text };
}

/** Reads a glossary file's text; one that cannot be read becomes a problem at line 1, column 1. */
export function readGlossaryFile(file: string, maxBytes = MAX_GLOSSARY_BYTES): { text: string } | { problem: GlossaryProblem } {
  const read = readTextFile(file, true, maxBytes);
  if ('error' in read) return { problem: { file, line: 1, column: 1, severity: 'error', message: `The glossary ${read.error}.` } };
  return read;
}

/** Reads glossary files; a file that cannot be read becomes a problem at line 1, column 1. */
export function readGlossaryFiles(files: string[]): { sources: GlossarySource[]; problems: GlossaryProblem[] } {
  const sources: GlossarySource[] = [];
  const problems: GlossaryProblem[] = [];
  for (const file of files) {
    const read = readGlossaryFile(file);
    if ('problem' in read) problems.push(read.problem);
    else sources.push(glossarySource(file, read.text));
  }
  return { sources, problems };
}

/** The file where the build puts the built-in glossary's digest: the SHA-256 of its text, a newline, the digest. */
export const BUILTIN_DIGEST = path.join('dist', 'builtin-glossary.digest');

let builtinDigest: { sha256: string; digest: string } | null | undefined;

/**
 * A glossary source; the built-in glossary comes with the digest the build made of it when that was
 * made of this very text (an edited copy is parsed as usual).
 */
export function glossarySource(file: string, text: string): GlossarySource {
  if (path.resolve(file) !== path.resolve(builtinGlossaryPath())) return { file, text };
  if (builtinDigest === undefined) {
    try {
      const data = fs.readFileSync(path.join(packageRoot(), BUILTIN_DIGEST), 'utf8');
      const newline = data.indexOf('\n');
      builtinDigest = { sha256: data.slice(0, newline), digest: data.slice(newline + 1) };
    } catch {
      builtinDigest = null;
    }
  }
  if (!builtinDigest || createHash('sha256').update(text).digest('hex') !== builtinDigest.sha256) return { file, text };
  return { file, text, digest: builtinDigest.digest };
}
