// URIs: which schemes are served (file: and untitled:), and the path of a file: URI.

import { fileUriToPath } from '../node/glossary-paths';

export const SERVED_SCHEMES = ['file', 'untitled'];

export function schemeOf(uri: string): string {
  const colon = uri.indexOf(':');
  return colon > 0 ? uri.slice(0, colon).toLowerCase() : '';
}

/** The file system path of a `file:` URI; undefined for other schemes. */
export const uriToPath = fileUriToPath;
