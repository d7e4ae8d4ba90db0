// Markdown built from glossary text, which may come from any repository. Every piece of glossary text
// goes through `escapeMarkdown`, so it can only ever render as the literal text: no raw HTML, no
// links (command: or otherwise), no images, no tables or headings of its own.

import { escapeControls } from '../shared/text';

/**
 * Characters that start inline constructs in CommonMark or GFM (code, emphasis, links and images, raw
 * HTML and autolinks, entities, tables, strikethrough). All are ASCII punctuation, so a backslash makes
 * each a literal character. Parentheses need no escape once brackets have one.
 */
const INLINE = /[\\`*_[\]<>!|~&]/g;

/** Longest piece of glossary text shown in one place. */
const MAX_TEXT = 2000;

/**
 * The text as inert Markdown: characters that open inline constructs are backslash-escaped (which
 * defeats raw HTML, entities, links, images and autolinks), a paragraph cannot start a heading, list or
 * quote, line breaks inside a paragraph become spaces, blank lines stay paragraph breaks, and leading
 * spaces (which would make an indented code block) are dropped. Bare URLs stay text that some clients
 * make clickable; a command: URI is never one of those.
 */
export function escapeMarkdown(text: string, max = MAX_TEXT): string {
  let value = text.length > max ? text.slice(0, max) + '…' : text;
  value = escapeControls(value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''), true);
  const paragraphs = value
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.split(/\r?\n|\r/).map((line) => line.trim()).join(' ').trim())
    .filter((p) => p !== '');
  return paragraphs
    .map((p) => p.replace(INLINE, '\\$&').replace(/^([#>+\-=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2'))
    .join('\n\n');
}

/** Plain text for clients that show documentation without Markdown. */
export function plainText(text: string, max = MAX_TEXT): string {
  return escapeControls(text.length > max ? text.slice(0, max) + '…' : text, true);
}
