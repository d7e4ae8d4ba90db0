// How messages quote the document: the words on one line, without Markdown markers, and short.

/** The quoted words, on one line and at most about 60 characters, without Markdown markers. */
export function quote(text: string, start: number, end: number): string {
  let s = text.slice(start, end).replace(/^[\s#>*+\-\d.)]+/, '').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  if (s.length > 64) s = s.slice(0, 60).replace(/\s+\S*$/, '') + '…';
  return s;
}

/** The words of a mention as the message quotes them: on one line, without emphasis markers. */
export function wordsAt(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
}
