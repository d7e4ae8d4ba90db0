// Text from documents, glossaries and file names on its way to a terminal, a log, a diagnostic or a
// hover: control characters and the bidirectional controls are shown, not obeyed.

/** C0 and C1 controls, DEL, and the bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069). */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_BUT_LINES = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text made safe to show: each control character becomes a visible \u escape, so a file name or a
 * quoted phrase cannot start a new log line, move the cursor, colour the output or reorder what is
 * shown (an RTL override turning "exe.txt" around). `keepLines` keeps line breaks (for Markdown).
 */
export function escapeControls(text: string, keepLines = false): string {
  return text.replace(keepLines ? CONTROLS_BUT_LINES : CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
