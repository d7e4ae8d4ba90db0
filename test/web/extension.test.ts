// The extension in VS Code for the Web (1.91, headless Chromium, offline): the browser entry starts the
// language server in a web worker, which answers hover, completion, diagnostics and quick fixes, and
// uses the workspace's glossary files that the client reads and hands over (created, edited, broken and
// fixed while it runs, and a file named in the settings). The workspace is a copy of test/web/workspace
// mounted by the harness (scripts/e2e/web.mjs); files are written with vscode.workspace.fs, as there is
// no Node here.

import * as vscode from 'vscode';
import { api, codeActions, codeOf, completions, diagnostics, eventually, hoverText, labelOf, must, rangeOf, setSetting, status, textAfter, titles } from '../editor/helpers';

function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  must(f, 'no workspace folder: the harness mounts a copy of test/web/workspace');
  return f;
}

async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder().uri, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

let counter = 0;

/** A new Markdown file of the workspace with this text, open in an editor. */
async function openNew(text: string): Promise<vscode.TextEditor> {
  const uri = await write(`web-${++counter}.md`, text);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

function equal<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function matches(text: string, pattern: RegExp, what: string): void {
  if (!pattern.test(text)) throw new Error(`${what}: ${JSON.stringify(text.slice(0, 300))} does not match ${pattern}`);
}


const TEAM = `# The team's own terms
terms:
  - term: Research sprint
    category: kpo-service
    definition: Two weeks of analyst time on one client question.
  - term: Gadget scouting
    category: kpo-service
    definition: Finding the gadgets a client should buy, with expert judgment.
`;

/** Set by the bundle (scripts/e2e/web.mjs): KPO_UPDATE_SCREENSHOTS=1 takes the README's screenshot. */
declare const KPO_WEB_SCREENSHOTS: boolean;

/** The hover on "KPO" in proposal.md, shown as a writer sees it, for the README (docs/images/hover-web.png). */
async function screenshotHover(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const proposal = await vscode.window.showTextDocument(vscode.Uri.joinPath(folder().uri, 'proposal.md'));
  const at = rangeOf(proposal.document, 'KPO)').start.translate(0, 1);
  proposal.selection = new vscode.Selection(at, at);
  await eventually(async () => (await hoverText(proposal.document, at)) || undefined, 'the hover ready');
  await vscode.commands.executeCommand('editor.action.showHover');
  // The hover is drawn by the workbench, out of the API's sight: give it a moment, then the harness
  // takes the page, and give that a moment too.
  await new Promise((r) => setTimeout(r, 1500));
  console.log('[kpo-screenshot] hover-web');
  await new Promise((r) => setTimeout(r, 2000));
}

describe('KPO Glossary in VS Code for the Web', () => {
  let builtin = 0;

  after(async () => {
    if (KPO_WEB_SCREENSHOTS) await screenshotHover();
  });

  before(async () => {
    await api();
    const proposal = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder().uri, 'proposal.md'));
    await vscode.window.showTextDocument(proposal);
    const loaded = await status((s) => /^\$\(book\) KPO Glossary: \d+ entries$/.test(s.text), 'the built-in glossary loaded', 30_000);
    builtin = Number(/(\d+) entries/.exec(loaded.text)![1]);
  });

  it('starts the language server in a web worker, with the built-in glossary inside the bundle', async () => {
    const a = await api();
    must(a.client()?.isRunning(), 'the language client runs');
    must(builtin > 150, `the built-in glossary has its entries (${builtin})`);
    equal(a.status().detail, 'built-in', 'the status item names the glossary in use');
    must(!('serverProcess' in (a.client() as object)), 'no server process: the browser client');
    equal(a.mcpServerDefinition(), undefined, 'no MCP server: the browser starts no processes');
  });

  it('hovers a term with its definition', async () => {
    const editor = await openNew('Our Knowledge Process Outsourcing (KPO) desk answers client questions.\n');
    const text = await eventually(async () => hoverText(editor.document, rangeOf(editor.document, 'KPO)').start.translate(0, 1)), 'the hover');
    matches(text, /Knowledge Process Outsourcing/, 'the hover names the term');
    matches(text, /specialist knowledge and expert judgment/, 'the hover gives the definition');
  });

  it('completes a service name from the words being typed', async () => {
    const editor = await openNew('# Offer\n\nWe offer financial mo\n');
    const items = await completions(editor.document, new vscode.Position(2, 'We offer financial mo'.length));
    const item = items.find((i) => labelOf(i) === 'financial modeling');
    must(item, `financial modeling offered among ${items.map(labelOf).slice(0, 20).join(', ')}`);
  });

  it('reports a BPO task sold as KPO work, and a non-standard term with its quick fix', async () => {
    const editor = await openNew('Our Knowledge Process Outsourcing (KPO) desk will take over customer support tickets.\n\nOur Knowledge Processing Outsourcing unit reports weekly.\n');
    const found = await diagnostics(editor.document.uri, (ds) => ds.length === 2, 'two findings', 30_000);
    const task = found.find((d) => codeOf(d) === 'kpo-bpo/task-mismatch');
    must(task, `task-mismatch among ${found.map(codeOf).join(', ')}`);
    equal(editor.document.getText(task.range), 'customer support', 'the task-mismatch range');
    const preferred = found.find((d) => codeOf(d) === 'term/preferred');
    must(preferred, `term/preferred among ${found.map(codeOf).join(', ')}`);
    const actions = await codeActions(editor.document, preferred.range);
    const fix = actions.find((a) => a.title === 'Replace with “Knowledge Process Outsourcing”');
    must(fix?.edit, `the quick fix among: ${titles(actions)}`);
    const text = await textAfter(editor.document, () => vscode.workspace.applyEdit(fix.edit!), (t) => !t.includes('Processing'), 'the fix applied');
    equal(text.split('\n')[2], 'Our Knowledge Process Outsourcing unit reports weekly.', 'the fixed line');
    await diagnostics(editor.document.uri, (ds) => ds.length === 1 && codeOf(ds[0]) === 'kpo-bpo/task-mismatch', 'the fixed finding gone');
  });

  it('uses a workspace glossary as it is created, edited, broken and fixed', async () => {
    const proposal = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder().uri, 'proposal.md'));
    await vscode.window.showTextDocument(proposal);
    const sprint = () => hoverText(proposal, rangeOf(proposal, 'research sprint').start.translate(0, 2));
    equal(await sprint(), '', 'no hover before the glossary exists');

    // Created: its terms are used at once, and the status counts them.
    await write('team.glossary.yaml', TEAM);
    await status((s) => s.text.includes(`${builtin + 2} entries`), 'two more entries');
    matches(await eventually(async () => (await sprint()) || undefined, 'the new term’s hover'), /Two weeks of analyst time/, 'the created entry');
    const gadget = await hoverText(proposal, rangeOf(proposal, 'gadget scouting').start.translate(0, 2));
    matches(gadget, /expert judgment/, 'the second entry');

    // Edited: the new definition, without a restart.
    await write('team.glossary.yaml', TEAM.replace('Two weeks of analyst time', 'Ten days of analyst time'));
    await eventually(async () => /Ten days of analyst time/.test(await sprint()), 'the edited definition');

    // Broken: the problem is counted, and the last good version stays in use.
    await write('team.glossary.yaml', TEAM.replace('Ten days', 'Two weeks').replace('    definition: Finding', '    definitoin: Finding'));
    const broken = await status((s) => s.severity === 'warning' && /problems?$/.test(s.text), 'the problem counted');
    matches(broken.detail ?? '', /team\.glossary\.yaml:\d+/, 'the status names the file and line');
    matches(await hoverText(proposal, rangeOf(proposal, 'gadget scouting').start.translate(0, 2)), /expert judgment/, 'the last good entry kept');

    // Fixed: no problem, the entries counted again.
    await write('team.glossary.yaml', TEAM);
    await status((s) => s.severity === 'information' && s.text.includes(`${builtin + 2} entries`), 'fixed');

    // Deleted: the built-in glossary alone.
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder().uri, 'team.glossary.yaml'));
    await status((s) => s.text.includes(`${builtin} entries`), 'the built-in glossary alone again');
    await eventually(async () => (await sprint()) === '', 'the deleted term’s hover gone');
  });

  it('reads a glossary file named in the settings (kpoGlossary.glossaryFiles), relative to the workspace folder', async () => {
    const editor = await openNew('Each draft goes through a bid clinic.\n');
    const clinic = () => hoverText(editor.document, rangeOf(editor.document, 'bid clinic').start.translate(0, 2));
    equal(await clinic(), '', 'not a term before the setting names the file');
    try {
      await setSetting('glossaryFiles', ['notes/extra-terms.yaml']);
      matches(await eventually(async () => (await clinic()) || undefined, 'the named file’s term'), /senior analysts/, 'the entry of the named file');
    } finally {
      await setSetting('glossaryFiles', undefined);
    }
    await eventually(async () => (await clinic()) === '', 'the term gone with the setting');
  });

  it('opens the built-in glossary read-only from the bundle', async () => {
    await vscode.commands.executeCommand('kpoGlossary.openBuiltinGlossary');
    const editor = vscode.window.activeTextEditor;
    must(editor, 'an editor');
    equal(editor.document.uri.toString(), 'kpo-builtin:/kpo.glossary.yaml', 'the read-only URI');
    matches(editor.document.getText(), /term: Knowledge Process Outsourcing/, 'the built-in glossary text');
    let refused = '';
    await Promise.resolve(vscode.workspace.fs.writeFile(editor.document.uri, new Uint8Array([120]))).catch((e: Error) => (refused = e.message));
    matches(refused, /read-only|NoPermissions/i, 'writing is refused');
  });
});
