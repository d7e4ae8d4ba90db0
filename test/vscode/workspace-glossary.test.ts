// Workspace glossaries in a real VS Code: a .kpo-glossary.yaml created in the workspace is used at
// once (hover, completion, diagnostics) and reloaded when it changes; open in the editor it shows its
// own problems where they are, counted by the status item, while the last good version stays in use;
// go to definition reaches workspace entries, and built-in ones read-only; the code actions grow the
// glossary through a quick pick and an input box; the appendix command inserts and refreshes a table.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  acceptInInputBox,
  acceptInQuickPick,
  api,
  closeAll,
  codeActions,
  codeOf,
  completions,
  diagnostics,
  eventually,
  hoverText,
  labelOf,
  nextInputBox,
  nextQuickPick,
  open,
  openNew,
  rangeOf,
  status,
  titles,
  waitFor,
  workspaceDir,
} from './helpers';

const GLOSSARY = `# Our firm's own terms
terms:
  - term: Widget claims keying
    category: bpo-task
    definition: Deciding insurance claims by fixed rules.
  - term: Gadget scouting
    category: kpo-service
    definition: Finding the gadgets a client should buy, with expert judgment.
`;

function glossaryPath(): string {
  return path.join(workspaceDir(), '.kpo-glossary.yaml');
}

let builtin = 0;

/** Removes the workspace glossary and waits until the built-in glossary alone is in use again. */
async function removeGlossary(): Promise<void> {
  if (!fs.existsSync(glossaryPath())) return;
  fs.rmSync(glossaryPath());
  await status((s) => s.text.includes(`${builtin} entries`), 'the built-in glossary alone');
}


describe('workspace glossaries', () => {
  before(async () => {
    const a = await api();
    await openNew('Warm-up.\n');
    await status((s) => /entries/.test(s.text), 'the glossary loaded');
    builtin = a.glossaryStatus()!.entries;
  });
  afterEach(async () => {
    await closeAll();
    await removeGlossary();
  });

  it('a .kpo-glossary.yaml created in the workspace gives hover, completion and diagnostics at once, and reloads on save', async () => {
    const editor = await openNew('Our Knowledge Process Outsourcing (KPO) desk handles widget claims keying.\nWe also sell gadget sc\n');
    const { document } = editor;
    await diagnostics(document.uri, (d) => d.length === 0, 'no findings before');
    assert.strictEqual(await hoverText(document, rangeOf(document, 'widget claims').start), '');

    fs.writeFileSync(glossaryPath(), GLOSSARY);
    const flagged = await diagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'kpo-bpo/task-mismatch'), 'the firm’s BPO task flagged');
    assert.match(flagged[0].message, /widget claims keying/i);
    await status((s) => s.text.includes(`${builtin + 2} entries`), 'two more entries');
    assert.match(await hoverText(document, rangeOf(document, 'widget claims').start), /Deciding insurance claims/);
    const items = await completions(document, new vscode.Position(1, document.lineAt(1).text.length));
    assert.ok(items.some((i) => labelOf(i).toLowerCase() === 'gadget scouting'), items.map(labelOf).slice(0, 10).join(', '));

    // Saved again with a change: the new definition is used without a restart.
    fs.writeFileSync(glossaryPath(), GLOSSARY.replace('Deciding insurance claims by fixed rules.', 'Settling claims by a checklist.'));
    await eventually(async () => /Settling claims by a checklist/.test(await hoverText(document, rangeOf(document, 'widget claims').start)), 'the saved definition');
  });

  it('a glossary file open in the editor shows its problems where they are, counted in the status, keeping the last good version', async () => {
    fs.writeFileSync(glossaryPath(), GLOSSARY);
    const md = await openNew('We do gadget scouting and widget claims keying.\n');
    await status((s) => s.text.includes(`${builtin + 2} entries`), 'the workspace glossary');
    const editor = await open(glossaryPath());
    const { document } = editor;
    assert.strictEqual(document.languageId, 'yaml');
    // Typed, not saved: an unknown field, and the entry loses its definition.
    await editor.edit((b) => b.replace(rangeOf(document, '    definition: Finding'), '    definitoin: Finding'));
    const problems = await diagnostics(document.uri, (d) => d.some((x) => /Unknown field "definitoin"/.test(x.message)), 'the problem in the glossary file');
    const unknown = problems.find((x) => /Unknown field/.test(x.message))!;
    assert.strictEqual(unknown.range.start.line, 7);
    assert.strictEqual(unknown.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(problems.some((x) => /no "definition"/.test(x.message) && x.range.start.line === 5), problems.map((x) => `${x.range.start.line}: ${x.message}`).join('\n'));
    const counted = await status((s) => s.severity === 'warning' && /KPO Glossary: \d+ problems?$/.test(s.text), 'the problems counted');
    assert.match(counted.detail ?? '', /^\.kpo-glossary\.yaml:\d+$/);
    // Shown once: by the server for the open file, not again by the client.
    assert.ok(vscode.languages.getDiagnostics(document.uri).every((x) => x.source === 'kpo-glossary'));

    // The entry without a definition keeps its last good version meanwhile, and the file says so.
    await diagnostics(document.uri, (d) => d.some((x) => /last good version of “Gadget scouting”/.test(x.message)), 'the note about the kept entry');
    assert.match(await hoverText(md.document, rangeOf(md.document, 'gadget').start), /gadget scouting/i);
    assert.match(await hoverText(md.document, rangeOf(md.document, 'widget claims').start), /Deciding insurance claims/);
    // A syntax error: the last version that loaded is used, and the file says so.
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), '  - term: "unclosed\n'));
    await diagnostics(document.uri, (d) => d.some((x) => /last version of this glossary/.test(x.message)), 'the note about the last good version');
    assert.match(await hoverText(md.document, rangeOf(md.document, 'widget claims').start), /Deciding insurance claims/);

    // Fixed in the editor (not saved): the problems go.
    await editor.edit((b) => b.replace(new vscode.Range(0, 0, document.lineCount, 0), GLOSSARY));
    await diagnostics(document.uri, (d) => d.length === 0, 'no problems once fixed');
    await status((s) => s.severity === 'information' && s.text.includes(`${builtin + 2} entries`), 'fixed');
    // YAML help from the server: field names with their descriptions, categories.
    await editor.edit((b) => b.insert(new vscode.Position(8, 0), '    al\n'));
    const fields = await completions(document, new vscode.Position(8, 6));
    const aliases = fields.find((i) => labelOf(i) === 'aliases');
    assert.ok(aliases, fields.map(labelOf).join(', '));
    assert.match(String((aliases.documentation as vscode.MarkdownString)?.value ?? aliases.documentation), /Accepted variants/);
    assert.match(await hoverText(document, new vscode.Position(3, 6)), /kpo-service and bpo-task drive the KPO vs BPO rules/);
    await document.save();
  });

  it('goes to the definition of a term: a workspace entry, and a built-in one opened read-only', async () => {
    fs.writeFileSync(glossaryPath(), GLOSSARY);
    const editor = await openNew('We do gadget scouting and market research.\n');
    const { document } = editor;
    await status((s) => s.text.includes(`${builtin + 2} entries`), 'the workspace glossary');
    const at = rangeOf(document, 'gadget').start;
    const own = await eventually(async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', document.uri, at);
      return found.length > 0 ? found : undefined;
    }, 'a definition');
    assert.strictEqual(own[0].uri.fsPath, glossaryPath());
    assert.strictEqual(own[0].range.start.line, 5);

    const builtinAt = rangeOf(document, 'market').start;
    const [location] = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', document.uri, builtinAt);
    const target = 'targetUri' in location ? location.targetUri : location.uri;
    assert.strictEqual(target.scheme, 'kpo-builtin');
    assert.strictEqual(vscode.workspace.fs.isWritableFileSystem('kpo-builtin'), false);

    // Go to Definition (F12) from the editor opens it, read-only, at the entry.
    editor.selection = new vscode.Selection(builtinAt, builtinAt);
    const opened = waitFor(vscode.window.onDidChangeActiveTextEditor, () => (vscode.window.activeTextEditor?.document.uri.scheme === 'kpo-builtin' ? vscode.window.activeTextEditor : undefined), 'the built-in glossary');
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    const shown = await opened;
    assert.match(shown.document.lineAt(shown.selection.active.line).text, /term: market research/);
    assert.strictEqual(shown.document.languageId, 'yaml');
    // Typing changes nothing, and the file system refuses writes.
    const before = shown.document.getText();
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.strictEqual(shown.document.getText(), before, 'typing is refused');
    assert.strictEqual(shown.document.isDirty, false);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(shown.document.uri, new Uint8Array([120]))), /read-only|NoPermissions/i);
  });

  it('adds a selection to the workspace glossary (category from a quick pick, definition from an input box), then aliases', async () => {
    assert.ok(!fs.existsSync(glossaryPath()));
    const editor = await openNew('We pair market research with gadget scouting. Gadget hunting needs gadget scouting.\n');
    const { document } = editor;
    const selection = rangeOf(document, 'gadget scouting');
    editor.selection = new vscode.Selection(selection.start, selection.end);
    const actions = await codeActions(document, selection);
    const add = actions.find((a) => a.title === 'Add “gadget scouting” to the workspace glossary');
    assert.ok(add?.command, titles(actions));
    assert.ok(actions.some((a) => a.title === 'Add “gadget scouting” as an alias of “market research”'), titles(actions));

    const confirmations: string[] = [];
    const listening = (await api()).onDidConfirm((m) => confirmations.push(m));
    const pick = nextQuickPick();
    const input = nextInputBox();
    const done = vscode.commands.executeCommand<string | undefined>(add.command.command, ...(add.command.arguments ?? []));
    await acceptInQuickPick(pick, 'kpo-service', (i) => i.label === 'kpo-service');
    await acceptInInputBox(input, 'Finding the gadgets a client should buy.');
    assert.strictEqual(await done, glossaryPath());
    assert.strictEqual(fs.readFileSync(glossaryPath(), 'utf8'), 'terms:\n  - term: gadget scouting\n    category: kpo-service\n    definition: Finding the gadgets a client should buy.\n');
    assert.deepStrictEqual(confirmations, ['Added “gadget scouting” to .kpo-glossary.yaml.']);
    // Picked up live: hover in the document.
    await eventually(async () => /Finding the gadgets/.test(await hoverText(document, selection.start)), 'the new entry in hover');

    // "Gadget hunting" in a sentence naming gadget scouting: added as its alias, in the same file.
    const hunting = rangeOf(document, 'Gadget hunting');
    const aliasAction = (await codeActions(document, hunting)).find((a) => a.title === 'Add “Gadget hunting” as an alias of “gadget scouting”');
    assert.ok(aliasAction?.command);
    assert.strictEqual(await vscode.commands.executeCommand(aliasAction.command.command, ...(aliasAction.command.arguments ?? [])), glossaryPath());
    assert.match(fs.readFileSync(glossaryPath(), 'utf8'), /definition: Finding the gadgets a client should buy\.\n    aliases: \[Gadget hunting\]\n$/);
    assert.strictEqual(confirmations[1], 'Added “Gadget hunting” as an alias of “gadget scouting” in .kpo-glossary.yaml.');
    listening.dispose();
    await eventually(async () => /Finding the gadgets/.test(await hoverText(document, hunting.start)), 'the alias in hover');

    // "as an alias of…" a built-in entry, chosen in a quick pick: a change to that entry in the file.
    const second = await openNew('Our team does keying.\n');
    const keying = rangeOf(second.document, 'keying');
    const anyAlias = (await codeActions(second.document, keying)).find((a) => a.title === 'Add “keying” as an alias of…');
    assert.ok(anyAlias?.command);
    const entries = nextQuickPick();
    const aliased = vscode.commands.executeCommand(anyAlias.command.command, ...(anyAlias.command.arguments ?? []));
    await acceptInQuickPick(entries, 'data entry', (i) => i.label === 'data entry');
    assert.strictEqual(await aliased, glossaryPath());
    assert.match(fs.readFileSync(glossaryPath(), 'utf8'), /\n  - id: data-entry\n    aliases: \[keying\]\n$/);
    await eventually(async () => /data entry/i.test(await hoverText(second.document, keying.start)), 'keying as data entry');
  });

  it('Insert or Update Glossary Appendix adds a table of the terms used, and updates it in place', async () => {
    const editor = await openNew('# Proposal\n\nWe do market research and financial modeling.\n');
    const { document } = editor;
    assert.strictEqual(await vscode.commands.executeCommand('kpoGlossary.insertAppendix'), true);
    assert.match(document.getText(), /<!-- kpo-glossary-appendix:start -->[^]*\| financial modeling \|[^]*\| market research \|[^]*<!-- kpo-glossary-appendix:end -->\n$/);
    await editor.edit((b) => b.replace(rangeOf(document, 'financial modeling'), 'data entry'));
    assert.strictEqual(await vscode.commands.executeCommand('kpoGlossary.insertAppendix'), true);
    const text = document.getText();
    assert.match(text, /\| data entry \|/);
    assert.ok(!/\| financial modeling \|/.test(text), text);
    assert.strictEqual(text.split('kpo-glossary-appendix:start').length, 2, 'one appendix, updated in place');
    // The same as a source action.
    const source = await codeActions(document, new vscode.Range(0, 0, 0, 0), 'source.kpo-glossary.appendix');
    assert.deepStrictEqual(source.map((a) => a.title), ['Insert or update the glossary appendix']);
    await document.save();
  });
});
