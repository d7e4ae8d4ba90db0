// Activation on Markdown, what the extension contributes, and the language status item.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { loadGlossary } from '../../server/src/core/glossary/load';
import { EXTENSION_ID, api, closeAll, diagnostics, open, status, workspaceDir } from './helpers';

describe('activation and contributions', () => {
  after(closeAll);

  it('activates when a Markdown file opens, starts the server and reports the built-in glossary', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok(extension, 'the extension is installed');
    assert.strictEqual(extension.isActive, false, 'nothing activated it before a Markdown file opened');
    const editor = await open(path.join(workspaceDir(), 'proposal.md'));
    assert.strictEqual(editor.document.languageId, 'markdown');
    // Diagnostics arriving prove the server runs; the extension was activated by onLanguage:markdown.
    await diagnostics(editor.document.uri, (ds) => ds.length > 0, 'any diagnostics');
    assert.ok(extension.isActive);
    const a = await api();
    assert.ok(a.client()?.isRunning(), 'the language client runs');
    const s = await status((v) => /entries/.test(v.text), 'the glossary loaded');
    const yaml = path.resolve(__dirname, '..', '..', '..', 'glossary', 'kpo.glossary.yaml');
    const entries = loadGlossary([{ file: yaml, text: fs.readFileSync(yaml, 'utf8') }]).glossary.entries.length;
    assert.strictEqual(s.text, `$(book) KPO Glossary: ${entries} entries`);
    assert.strictEqual(s.severity, 'information');
    assert.strictEqual(s.detail, 'built-in');
    assert.strictEqual(s.command, 'kpoGlossary.showGlossary');
    assert.strictEqual(a.glossaryStatus()?.problems.length, 0);
  });

  it('contributes its commands, in a category', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['restartServer', 'showGlossary', 'searchFaq', 'openBuiltinGlossary', 'showOutput']) {
      assert.ok(all.includes(`kpoGlossary.${id}`), `kpoGlossary.${id} is registered`);
    }
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    for (const c of manifest.contributes.commands) assert.strictEqual(c.category, 'KPO Glossary', c.command);
  });

  it('contributes its settings with their defaults', () => {
    const config = vscode.workspace.getConfiguration('kpoGlossary');
    assert.strictEqual(config.get('hover.enable'), true);
    assert.strictEqual(config.get('completion.enable'), true);
    assert.deepStrictEqual(config.get('languages'), ['markdown']);
    assert.deepStrictEqual(config.get('glossaryFiles'), []);
    assert.deepStrictEqual(config.get('industries'), []);
    assert.deepStrictEqual(config.get('rules'), {});
    assert.strictEqual(config.get('trace.server'), 'off');
  });

  it('leaves the writer\'s suggestion settings alone: no pop-ups in Markdown unless the writer turns them on', () => {
    // VS Code's own Markdown default (off), not one the extension contributes.
    const markdown = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).inspect<Record<string, string>>('quickSuggestions');
    assert.strictEqual(markdown?.defaultLanguageValue?.other, 'off');
    const value = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).get<Record<string, string> | boolean>('quickSuggestions');
    assert.notStrictEqual(typeof value === 'object' ? value.other : value, 'on');
  });

  it('validates glossary JSON files against the schema it ships', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const validation = manifest.contributes.jsonValidation[0];
    assert.ok(validation.fileMatch.includes('*.glossary.json'));
    const schema = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, validation.url);
    assert.ok(require('fs').existsSync(schema), schema);
  });

  it('declares its workspace-trust and virtual-workspace support', () => {
    const { capabilities } = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    assert.strictEqual(capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepStrictEqual(capabilities.untrustedWorkspaces.restrictedConfigurations, ['kpoGlossary.glossaryFiles']);
    // Virtual workspaces (github.dev's vscode-vfs:) are served by the web entry point's client, which
    // reads the glossary files through vscode.workspace.fs (test/web runs it in VS Code for the Web).
    assert.strictEqual(capabilities.virtualWorkspaces, true);
  });
});
