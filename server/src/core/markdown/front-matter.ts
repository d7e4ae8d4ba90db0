// Front matter: YAML (`---` … `---` or `...`) or TOML (`+++` … `+++`) at the very start of a document,
// which is not prose. A fence that is never closed is no front matter (the `---` is a thematic break).

import { isSpaceOrTab } from './chars';
import { nextLineStart } from '../positions';

/** Where the blocks of a document begin: after the front matter starting at `pos`, if there is one, else `pos`. */
export function frontMatterEnd(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c !== 45 && c !== 43) return pos;
  const fence = c === 45 ? '---' : '+++';
  if (!text.startsWith(fence, pos) || !restIsBlank(text, pos + 3, lineEndAt(text, pos))) return pos;
  let p = nextLineStart(text, pos);
  while (p < text.length) {
    const e = lineEndAt(text, p);
    if ((text.startsWith(fence, p) || (c === 45 && text.startsWith('...', p))) && restIsBlank(text, p + 3, e)) {
      return nextLineStart(text, p);
    }
    p = nextLineStart(text, p);
  }
  return pos;
}

/** Where the line holding `p` ends (its line ending, or the end of the text). */
function lineEndAt(text: string, p: number): number {
  for (let i = p; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

function restIsBlank(text: string, p: number, end: number): boolean {
  while (p < end && isSpaceOrTab(text.charCodeAt(p))) p++;
  return p >= end;
}
