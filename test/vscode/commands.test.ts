// The palette commands: Show Glossary (insert a term, or show an entry), Search FAQ, Open Built-in
// Glossary (read-only), Show Output. The quick picks are real ones, driven as a user would: filter,
// pick, accept (workbench.action.acceptSelectedQuickOpenItem).

import * as assert from 'assert';
import * as vscode from 'vscode';
import { acceptInQuickPick, api, closeAll, nextQuickPick, openNew, textAfter, waitFor } from './helpers';

function activeText(): string {
  return vscode.window.activeTextEditor?.document.getText() ?? '';
}

describe('commands', () => {
  afterEach(closeAll);

  it('Show Glossary lists every entry with its definition and inserts the chosen term at the cursor', async () => {
    const a = await api();
    const editor = await openNew('We offer \n');
    editor.selection = new vscode.Selection(0, 9, 0, 9);
    const shown = nextQuickPick();
    const done = vscode.commands.executeCommand('kpoGlossary.showGlossary');
    const qp = await shown;
    assert.strictEqual(qp.items.length, a.glossaryStatus()!.entries);
    const kpo = qp.items.find((i) => i.label === 'Knowledge Process Outsourcing (KPO)');
    assert.ok(kpo, 'the KPO entry, with its acronym');
    assert.match(kpo.detail ?? '', /expert judgment/);
    assert.ok(qp.matchOnDetail, 'definitions are searchable');
    await textAfter(editor.document, () => acceptInQuickPick(Promise.resolve(qp), 'financial modeling', (i) => i.label === 'financial modeling').then(() => done), (t) => t.includes('modeling'), 'the term inserted');
    assert.strictEqual(editor.document.lineAt(0).text, 'We offer financial modeling');
    await editor.document.save();
  });

  it('Show Glossary shows the chosen entry when no checked document is active', async () => {
    await closeAll();
    const shown = nextQuickPick();
    const done = vscode.commands.executeCommand('kpoGlossary.showGlossary');
    await acceptInQuickPick(shown, 'contract review', (i) => i.label === 'contract review');
    await done;
    const editor = await waitFor(vscode.window.onDidChangeActiveTextEditor, () => (vscode.window.activeTextEditor?.document.uri.scheme === 'kpo-glossary' ? vscode.window.activeTextEditor : undefined), 'the entry');
    assert.strictEqual(editor.document.languageId, 'markdown');
    assert.match(activeText(), /^# contract review/);
    assert.match(activeText(), /legal professionals/);
  });

  it('Search FAQ lists the questions and shows the chosen answer', async () => {
    const shown = nextQuickPick();
    const done = vscode.commands.executeCommand('kpoGlossary.searchFaq');
    const qp = await shown;
    assert.ok(qp.items.length >= 6, `${qp.items.length} questions`);
    await acceptInQuickPick(Promise.resolve(qp), 'difference', (i) => /primary difference between KPO and BPO/.test(i.label));
    await done;
    const editor = await waitFor(vscode.window.onDidChangeActiveTextEditor, () => (vscode.window.activeTextEditor?.document.uri.scheme === 'kpo-glossary' ? vscode.window.activeTextEditor : undefined), 'the answer');
    assert.match(editor.document.getText(), /^# What is the primary difference between KPO and BPO\?/);
    assert.match(editor.document.getText(), /routine, standardized tasks/);
  });

  it('a dismissed quick pick changes nothing', async () => {
    const editor = await openNew('Unchanged.\n');
    const shown = nextQuickPick();
    const done = vscode.commands.executeCommand('kpoGlossary.showGlossary');
    await shown;
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await done;
    assert.strictEqual(editor.document.getText(), 'Unchanged.\n');
  });

  it('Open Built-in Glossary opens the shipped YAML, read-only', async () => {
    // The command that makes it read-only exists in this VS Code.
    assert.ok((await vscode.commands.getCommands(true)).includes('workbench.action.files.setActiveEditorReadonlyInSession'));
    await vscode.commands.executeCommand('kpoGlossary.openBuiltinGlossary');
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.fsPath.endsWith('kpo.glossary.yaml'), editor.document.uri.fsPath);
    assert.match(editor.document.getText(), /term: Knowledge Process Outsourcing/);
    assert.strictEqual(editor.document.languageId, 'yaml');
    assert.strictEqual(editor.document.isDirty, false);
    // Read-only: served by a file system that cannot be written (VS Code shows the editor read-only).
    assert.notStrictEqual(editor.document.uri.scheme, 'file');
    assert.strictEqual(vscode.workspace.fs.isWritableFileSystem(editor.document.uri.scheme), false);
  });

  it('Show Output opens the extension\'s log', async () => {
    const isLog = (d: vscode.TextDocument) => d.uri.scheme === 'output' && /KPO(%20|\s)Glossary/i.test(d.uri.toString()) && !/Trace/i.test(d.uri.toString());
    await vscode.commands.executeCommand('kpoGlossary.showOutput');
    const log = await waitFor(vscode.workspace.onDidOpenTextDocument, () => vscode.workspace.textDocuments.find(isLog), 'the KPO Glossary output shown');
    // The channel's text reaches the document after it opens.
    await waitFor(vscode.workspace.onDidChangeTextDocument, () => /Server ready \d+ ms after activation/.test(log.getText()), 'the start-up line in the log');
  });
});
