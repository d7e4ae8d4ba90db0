// Hover, completion and diagnostics on the sample proposal and on small documents, through VS Code's
// own provider commands (what the editor asks when a user hovers, types or looks at the Problems view).

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAll, codeOf, completions, diagnostics, diagnosticsWithCodes, hoverText, labelOf, open, openNew, rangeOf, textAfter, workspaceDir } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** What kpo-lint reports for a file: "rule@line:character" (0-based, as VS Code counts), sorted. */
function kpoLint(file: string): string[] {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kpo-lint.js'), '--format', 'json', '--fail-on', 'none', file], { encoding: 'utf8' });
  assert.strictEqual(run.status, 0, run.stderr);
  const findings = JSON.parse(run.stdout).files[0].findings as Array<{ ruleId: string; line: number; column: number }>;
  return findings.map((f) => `${f.ruleId}@${f.line - 1}:${f.column - 1}`).sort();
}

describe('hover, completion and diagnostics', () => {
  let proposal: vscode.TextDocument;
  let expected: string[];
  const codesOf = (findings: string[]) => findings.map((f) => f.split('@')[0]);
  before(async () => {
    const file = path.join(workspaceDir(), 'proposal.md');
    proposal = (await open(file)).document;
    expected = kpoLint(file);
  });
  after(closeAll);

  it('reports the findings of the sample proposal, each where kpo-lint puts it', async () => {
    const ds = await diagnosticsWithCodes(proposal.uri, codesOf(expected));
    assert.deepStrictEqual(ds.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`).sort(), expected);
    const task = ds.find((d) => codeOf(d) === 'kpo-bpo/task-mismatch' && proposal.getText(d.range) === 'customer support');
    assert.ok(task, 'task-mismatch on “customer support”');
    assert.strictEqual(task.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepStrictEqual(task.range.start, rangeOf(proposal, 'customer support tickets').start);
    assert.match(task.message, /routine BPO task, but “Our KPO desk”/);
    // The code links to the rule's page.
    assert.ok(typeof task.code === 'object' && /kpo-bpo-task-mismatch/.test(String(task.code.target)), JSON.stringify(task.code));
    const wrong = ds.find((d) => codeOf(d) === 'acronym/wrong-expansion')!;
    assert.strictEqual(wrong.severity, vscode.DiagnosticSeverity.Error);
    const undefinedAcronym = ds.find((d) => codeOf(d) === 'acronym/undefined')!;
    assert.strictEqual(undefinedAcronym.severity, vscode.DiagnosticSeverity.Information);
    assert.strictEqual(proposal.getText(ds.find((d) => codeOf(d) === 'term/preferred')!.range), 'Knowledge Processing Outsourcing');
  });

  it('flags nothing in front matter, code, inline code, links or URLs', async () => {
    const ds = await diagnosticsWithCodes(proposal.uri, codesOf(expected));
    const fence = rangeOf(proposal, '```bash').start.line;
    const frontMatterEnd = 4;
    for (const d of ds) {
      assert.ok(d.range.start.line > frontMatterEnd, `not in front matter: ${codeOf(d)} at ${d.range.start.line}`);
      assert.ok(d.range.start.line < fence, `not in the code block or after: ${codeOf(d)} at ${d.range.start.line}`);
    }
  });

  it('hovers a term with a short card, and adds what backs a finding up without repeating it', async () => {
    const kpo = await hoverText(proposal, rangeOf(proposal, 'KPO support').start.translate(0, 1));
    assert.match(kpo, /Knowledge Process Outsourcing/);
    assert.match(kpo, /specialist knowledge and expert judgment/);
    assert.match(kpo, /\[The whole entry and \d+ FAQ answers\]\(command:kpoGlossary\.showEntry\?/);
    assert.doesNotMatch(kpo, /\| Aspect \||\*\*FAQ\*\*/, 'the details are behind the link');
    const modeling = await hoverText(proposal, rangeOf(proposal, 'financial modeling').start.translate(0, 4));
    assert.match(modeling, /projects? a business's financial results|spreadsheet or software models/);
    const flagged = await hoverText(proposal, rangeOf(proposal, 'customer support').start.translate(0, 3));
    assert.match(flagged, /customer service/);
    assert.doesNotMatch(flagged, /presents it as KPO work/, 'the editor shows the finding itself');
    const trait = await hoverText(proposal, rangeOf(proposal, 'cheap, routine').start.translate(0, 2));
    assert.match(trait, /^Cost: KPO — /, 'the comparison row behind the finding');
    // Nothing on an ordinary word, nor inside the code block.
    assert.strictEqual((await hoverText(proposal, rangeOf(proposal, 'Northwind help desk').start)).includes('Outsourcing'), false);
    assert.strictEqual(await hoverText(proposal, rangeOf(proposal, 'KPO data entry job').start.translate(0, 1)), '');
  });

  it('completes a service name from the words being typed, replacing all of them', async () => {
    const editor = await openNew('# Offer\n\nWe offer financial mo\n');
    const at = new vscode.Position(2, 'We offer financial mo'.length);
    const items = await completions(editor.document, at);
    const item = items.find((i) => labelOf(i) === 'financial modeling');
    assert.ok(item, `financial modeling offered among ${items.map(labelOf).slice(0, 20).join(', ')}`);
    const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
    assert.strictEqual(editor.document.getText(range), 'financial mo');
    assert.match(typeof item.documentation === 'string' ? item.documentation : item.documentation!.value, /financial results/);
    // Accepting it gives the whole term.
    const text = await textAfter(editor.document, () => editor.edit((e) => e.replace(range, (item.textEdit?.newText ?? item.insertText) as string)), (t) => t.includes('modeling'), 'the completion applied');
    assert.strictEqual(text.split('\n')[2], 'We offer financial modeling');
  });

  it('completes an acronym with its expansion at first use', async () => {
    const editor = await openNew('Our offer is KP');
    const items = await completions(editor.document, new vscode.Position(0, 15));
    const kpo = items.find((i) => labelOf(i) === 'KPO');
    assert.ok(kpo, items.map(labelOf).join(', '));
    assert.strictEqual(kpo.textEdit?.newText ?? kpo.insertText, 'Knowledge Process Outsourcing (KPO)');
  });

  it('offers nothing inside code', async () => {
    const editor = await openNew('```\nfinancial mo\n```\n');
    const items = await completions(editor.document, new vscode.Position(1, 12));
    assert.ok(!items.some((i) => labelOf(i) === 'financial modeling'));
  });

  it('updates diagnostics as the document is edited, and clears them when the problem goes', async () => {
    const editor = await openNew('# Delivery\n\nOur team reports weekly.\n');
    const uri = editor.document.uri;
    await diagnostics(uri, (ds) => ds.length === 0, 'no diagnostics');
    await editor.edit((e) => e.insert(new vscode.Position(3, 0), '\nOur KPO desk will take over customer support tickets.\n'));
    const ds = await diagnostics(uri, (d) => d.some((x) => codeOf(x) === 'kpo-bpo/task-mismatch'), 'task-mismatch after typing');
    assert.strictEqual(editor.document.getText(ds.find((x) => codeOf(x) === 'kpo-bpo/task-mismatch')!.range), 'customer support');
    await editor.edit((e) => e.replace(rangeOf(editor.document, 'customer support'), 'market research'));
    await diagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'kpo-bpo/task-mismatch'), 'no task-mismatch after the edit');
    await editor.document.save();
  });

  it('checks untitled Markdown documents too', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Our KPO desk will take over customer support tickets.\n' });
    await vscode.window.showTextDocument(document);
    const ds = await diagnostics(document.uri, (d) => d.length > 0, 'diagnostics of an untitled document');
    assert.ok(ds.map(codeOf).includes('kpo-bpo/task-mismatch'), JSON.stringify(ds.map(codeOf)));
    assert.match(await hoverText(document, new vscode.Position(0, 5)), /Knowledge Process Outsourcing/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('leaves other languages alone', async () => {
    const editor = await openNew('Our KPO desk will take over customer support tickets.\n', '.txt');
    assert.strictEqual(editor.document.languageId, 'plaintext');
    // Ask for a hover (a round trip through the provider registry) and then look: nothing from us.
    assert.strictEqual(await hoverText(editor.document, new vscode.Position(0, 5)), '');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'kpo-glossary'), []);
  });
});
