// The server's life cycle as the status item shows it: restart by hand, and a crash (the server
// process killed), after which the client restarts it and the status warns until the next restart by hand.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { api, closeAll, codeOf, diagnostics, openNew, status } from './helpers';

describe('server life cycle', () => {
  after(closeAll);

  it('Restart Server starts a new server; checking goes on', async () => {
    const a = await api();
    const pid = (a.client() as LanguageClient).serverProcess?.pid;
    assert.ok(pid, 'the server runs in its own process');
    const restarted = status((s) => s.busy, 'starting');
    const confirmations: string[] = [];
    const listening = a.onDidConfirm((m) => confirmations.push(m));
    await vscode.commands.executeCommand('kpoGlossary.restartServer');
    await restarted;
    listening.dispose();
    assert.deepStrictEqual(confirmations, ['KPO Glossary: the server restarted.'], 'the writer is told');
    await status((s) => !s.busy && /entries/.test(s.text) && s.severity === 'information', 'loaded again');
    assert.notStrictEqual((a.client() as LanguageClient).serverProcess?.pid, pid, 'a new server process');
    const editor = await openNew('Our KPO desk will take over customer support tickets.\n');
    await diagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'kpo-bpo/task-mismatch'), 'diagnostics from the new server');
  });

  it('restarts the server after a crash and says so in the status item', async () => {
    const a = await api();
    const editor = await openNew('Our Knowledge Processing Outsourcing unit reports weekly.\n');
    await diagnostics(editor.document.uri, (d) => d.length === 1, 'a finding');
    const pid = (a.client() as LanguageClient).serverProcess!.pid!;
    const crashed = status((s) => s.severity === 'warning' && /restarting/.test(s.text), 'restarting after the crash');
    process.kill(pid, 'SIGKILL');
    await crashed;
    const after = await status((s) => s.severity === 'warning' && /entries/.test(s.text) && !s.busy, 'running again, with a warning');
    assert.match(after.detail ?? '', /restarted after a crash/);
    assert.strictEqual(after.command, 'kpoGlossary.showOutput');
    assert.ok(a.client()!.isRunning());
    assert.notStrictEqual((a.client() as LanguageClient).serverProcess?.pid, pid);
    // The new server checks documents again (the crash cleared the old diagnostics).
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), '\nMore text.\n'));
    await diagnostics(editor.document.uri, (d) => d.length === 1 && codeOf(d[0]) === 'term/preferred', 'diagnostics after the restart');
    await editor.document.save();
    // A restart by hand clears the warning.
    await vscode.commands.executeCommand('kpoGlossary.restartServer');
    await status((s) => s.severity === 'information' && /entries/.test(s.text) && !s.busy, 'the warning cleared');
  });
});
