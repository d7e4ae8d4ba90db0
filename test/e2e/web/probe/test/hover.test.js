// Runs inside VS Code for the Web: opens probe.md from the mounted folder (test/e2e/web/probe/workspace)
// and asks for the hover over a word; the probe extension answers "probe hover".
const vscode = require('vscode');

const EXPECTED = 'probe hover';

function equal(actual, expected, message) {
  if (actual !== expected) throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function hoverText(hovers) {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('probe extension in VS Code for the Web', () => {
  it('shows its hover on a word of a Markdown file from the mounted folder', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('no workspace folder: folderPath was not mounted');
    const uri = vscode.Uri.joinPath(folder.uri, 'probe.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    equal(doc.languageId, 'markdown', 'language of probe.md');
    if (!doc.getText().includes('Knowledge Process Outsourcing')) throw new Error(`probe.md is not the mounted file: ${doc.getText().slice(0, 80)}`);
    await vscode.window.showTextDocument(doc);
    // Opening the document activates the probe (onLanguage:markdown); ask until its provider answers.
    const position = new vscode.Position(2, 3); // inside "Knowledge"
    let text = '';
    for (let i = 0; i < 50 && !text; i++) {
      text = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position));
      if (!text) await new Promise((r) => setTimeout(r, 200));
    }
    equal(text, EXPECTED, 'hover text');
  });
});
