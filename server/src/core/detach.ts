// V8 shares the characters of a slice of 13 or more code units with the string it was cut from, so a
// word or a message quoting a document keeps the whole document alive. After incremental
// re-analysis, words and findings outlive the text they were cut from, and would keep every earlier
// version of a long document in memory. Strings that outlive their document are therefore copied in
// pieces short enough to be copied rather than shared (a cheap, engine-neutral way to get a string
// that holds only its own characters).

const SHARED = 13;

/** text[start, end), holding only its own characters. */
export function detachedSlice(text: string, start: number, end: number): string {
  if (end - start < SHARED) return text.slice(start, end);
  let out = '';
  for (let i = start; i < end; i += SHARED - 1) out += text.slice(i, Math.min(end, i + SHARED - 1));
  return out;
}

/** `s`, holding only its own characters. */
export function detach(s: string): string {
  return s.length < SHARED ? s : detachedSlice(s, 0, s.length);
}
