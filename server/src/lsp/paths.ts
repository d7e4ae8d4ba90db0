// URIs and file names: which schemes are served (file: and untitled:), and whether a file is in a folder.
// (The file a URI names is the host's to say: ServerHost.uriToFile.)

export const SERVED_SCHEMES = ['file', 'untitled'];

export function schemeOf(uri: string): string {
  const colon = uri.indexOf(':');
  return colon > 0 ? uri.slice(0, colon).toLowerCase() : '';
}

/** Whether `file` is `folder` or inside it, for names whose folders end at `sep`. */
export function isWithin(file: string, folder: string, sep: string): boolean {
  return file === folder || file.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}
