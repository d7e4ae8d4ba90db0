// Settings changed in the workspace take effect without a reload: rule severities, hover and
// completion switches, industries, extra glossary files (inside the workspace and outside it, watched
// for changes, with their problems shown), the languages checked, and the trace.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, completions, diagnostics, hoverText, labelOf, openNew, setSetting, status, waitFor, workspaceDir } from './helpers';

const TEAM_GLOSSARY = `terms:
  - term: Patent landscaping
    category: kpo-service
    definition: Mapping the patents of a technology field to show who owns what.
`;

describe('settings take effect', () => {
  afterEach(async () => {
    for (const key of ['rules', 'hover.enable', 'completion.enable', 'industries', 'glossaryFiles', 'languages', 'trace.server']) {
      if (vscode.workspace.getConfiguration('kpoGlossary').inspect(key)?.workspaceValue !== undefined) await setSetting(key, undefined);
    }
    await closeAll();
  });

  it('kpoGlossary.rules: a severity changes, and “off” removes the rule’s findings', async () => {
    const editor = await openNew('Our Knowledge Processing Outsourcing unit reports weekly.\n');
    const uri = editor.document.uri;
    const [before] = await diagnostics(uri, (d) => d.length === 1, 'the term/preferred warning');
    assert.strictEqual(before.severity, vscode.DiagnosticSeverity.Warning);
    await setSetting('rules', { 'term/preferred': 'error' });
    await diagnostics(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Error, 'an error');
    await setSetting('rules', { 'term/preferred': 'hint' });
    await diagnostics(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Hint, 'a hint');
    await setSetting('rules', { 'term/preferred': 'off' });
    await diagnostics(uri, (d) => d.length === 0, 'no finding');
    await setSetting('rules', undefined);
    await diagnostics(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Warning, 'the warning again');
  });

  it('kpoGlossary.hover.enable and completion.enable switch hover and completion off and on', async () => {
    const editor = await openNew('Knowledge Process Outsourcing (KPO) is our trade. We offer financial mo\n');
    const document = editor.document;
    const at = new vscode.Position(0, document.lineAt(0).text.length);
    assert.match(await hoverText(document, new vscode.Position(0, 3)), /expert judgment/);
    assert.ok((await completions(document, at)).some((i) => labelOf(i) === 'financial modeling'));
    await setSetting('hover.enable', false);
    await setSetting('completion.enable', false);
    // The server reads settings when asked; the change notification reaches it before the next request.
    const noHover = await pollUntil(async () => !/expert judgment/.test(await hoverText(document, new vscode.Position(0, 3))));
    assert.ok(noHover, 'no hover once disabled');
    assert.ok(!(await completions(document, at)).some((i) => labelOf(i) === 'financial modeling'), 'no completion once disabled');
    await setSetting('hover.enable', undefined);
    await setSetting('completion.enable', undefined);
    assert.ok(await pollUntil(async () => /expert judgment/.test(await hoverText(document, new vscode.Position(0, 3)))), 'hover back');
    assert.ok((await completions(document, at)).some((i) => labelOf(i) === 'financial modeling'), 'completion back');
  });

  it('kpoGlossary.industries ranks the writer’s industries first in completion', async () => {
    const editor = await openNew('We offer fix\n');
    const at = new vscode.Position(0, 12);
    const ranked = async () =>
      (await completions(editor.document, at))
        .filter((i) => i.sortText && /^\d{3}\./.test(i.sortText))
        .sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1))
        .map(labelOf);
    const plain = await ranked();
    assert.deepStrictEqual(plain, ['fixed price', 'fixed income']);
    await setSetting('industries', ['finance']);
    assert.ok(await pollUntil(async () => (await ranked())[0] === 'fixed income'), 'the finance entry first');
  });

  it('kpoGlossary.glossaryFiles adds a workspace glossary; edits reload it; its problems are shown', async () => {
    // Not named like a glossary file, so only the setting brings it in.
    const file = path.join(workspaceDir(), 'team-terms.yaml');
    fs.writeFileSync(file, TEAM_GLOSSARY);
    const a = await api();
    const builtin = a.glossaryStatus()!.entries;
    const editor = await openNew('Our analysts do patent landscaping for the fund.\n');
    assert.strictEqual(await hoverText(editor.document, new vscode.Position(0, 18)), '');
    await setSetting('glossaryFiles', ['team-terms.yaml']);
    const loaded = await status((s) => s.text.includes(`${builtin + 1} entries`), 'one more entry');
    assert.strictEqual(loaded.detail, 'built-in + team-terms.yaml');
    assert.match(await hoverText(editor.document, new vscode.Position(0, 18)), /who owns what/);
    // The server watches the file: a new entry arrives without touching the settings.
    fs.writeFileSync(file, TEAM_GLOSSARY + '  - term: Freedom to operate\n    category: kpo-service\n    definition: A search showing whether a product can be made without infringing patents.\n');
    await status((s) => s.text.includes(`${builtin + 2} entries`), 'the edited file reloaded');
    // A problem in the file: the status says so and links to the Problems view, which shows it in place.
    fs.writeFileSync(file, TEAM_GLOSSARY + '  - term: Broken entry\n    category: kpo-service\n');
    const broken = await status((s) => s.severity === 'warning' && /KPO Glossary: \d+ problems?$/.test(s.text), 'a glossary problem');
    assert.strictEqual(broken.command, 'workbench.actions.view.problems');
    assert.match(broken.detail ?? '', /^team-terms\.yaml:\d+$/);
    const problems = await waitFor(vscode.languages.onDidChangeDiagnostics, () => {
      const ds = vscode.languages.getDiagnostics(vscode.Uri.file(file));
      return ds.length > 0 ? ds : undefined;
    }, 'the glossary problem in the Problems view');
    assert.strictEqual(problems[0].source, 'KPO Glossary');
    assert.ok(problems[0].range.start.line >= 4, `positioned in the file: line ${problems[0].range.start.line + 1}`);
    fs.writeFileSync(file, TEAM_GLOSSARY);
    await status((s) => s.severity === 'information' && s.text.includes(`${builtin + 1} entries`), 'fixed again');
    await setSetting('glossaryFiles', undefined);
    await status((s) => s.text.includes(`${builtin} entries`), 'back to the built-in glossary');
  });

  it('watches a glossary file outside the workspace (client-side) and reloads it when it changes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-glossary-'));
    const file = path.join(dir, 'shared.glossary.yaml');
    fs.writeFileSync(file, TEAM_GLOSSARY);
    try {
      const a = await api();
      const builtin = a.glossaryStatus()!.entries;
      await openNew('Patent landscaping.\n');
      await setSetting('glossaryFiles', [file]);
      await status((s) => s.text.includes(`${builtin + 1} entries`), 'the outside glossary loaded');
      assert.deepStrictEqual(a.watchedFiles(), [file]);
      // The watcher starts asynchronously on VS Code's side and there is no event for "ready": write
      // again (a real change each time) until the reload shows, up to five times.
      const edited = TEAM_GLOSSARY + '  - term: Gizmo art search\n    category: kpo-service\n    definition: A search for earlier gizmos that bear on a patent.\n';
      for (let attempt = 1; ; attempt++) {
        fs.writeFileSync(file, `${edited}# edit ${attempt}\n`);
        try {
          await status((s) => s.text.includes(`${builtin + 2} entries`), 'the outside glossary reloaded after an edit', 3000);
          break;
        } catch (error) {
          if (attempt === 5) throw error;
        }
      }
      await setSetting('glossaryFiles', undefined);
      await status((s) => s.text.includes(`${builtin} entries`), 'back to the built-in glossary');
      assert.deepStrictEqual(a.watchedFiles(), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('kpoGlossary.languages: other languages are checked once named (the client restarts with them)', async () => {
    const editor = await openNew('Our KPO desk will take over customer support tickets.\n', '.txt');
    const uri = editor.document.uri;
    await setSetting('languages', ['markdown', 'plaintext']);
    const a = await api();
    await waitFor(a.onDidChangeStatus, () => a.documentSelector().some((f) => f.language === 'plaintext') && a.client()?.isRunning(), 'the client running with plaintext');
    const ds = await diagnostics(uri, (d) => d.some((x) => codeOf(x) === 'kpo-bpo/task-mismatch'), 'plaintext diagnostics');
    assert.ok(ds.length > 0);
    await setSetting('languages', undefined);
    await waitFor(a.onDidChangeStatus, () => !a.documentSelector().some((f) => f.language === 'plaintext') && a.client()?.isRunning(), 'the client running without plaintext');
    await diagnostics(uri, (d) => d.length === 0, 'plaintext left alone again');
  });

  it('kpoGlossary.trace.server traces the messages in the “KPO Glossary Trace” channel', async () => {
    const a = await api();
    const editor = await openNew('Knowledge Process Outsourcing (KPO).\n');
    const before = a.traceLines();
    await hoverText(editor.document, new vscode.Position(0, 3));
    assert.strictEqual(a.traceLines(), before, 'no trace while off');
    await setSetting('trace.server', 'messages');
    assert.ok(await pollUntil(async () => {
      await hoverText(editor.document, new vscode.Position(0, 3));
      return a.traceLines() > before;
    }), 'trace lines written');
    await setSetting('trace.server', undefined);
    assert.ok(await pollUntil(async () => {
      const now = a.traceLines();
      await hoverText(editor.document, new vscode.Position(0, 3));
      return a.traceLines() === now;
    }), 'no trace once off again');
  });
});

/**
 * For effects that have no event of their own (a setting read by the server on the next request):
 * asks again after each configuration change or diagnostics change, for up to 10 s.
 */
async function pollUntil(check: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    // Wait for the next thing that happens (a config or diagnostics change), or 100 ms at most.
    await new Promise<void>((resolve) => {
      const subs = [vscode.workspace.onDidChangeConfiguration(() => done()), vscode.languages.onDidChangeDiagnostics(() => done())];
      const timer = setTimeout(() => done(), 100);
      function done() {
        clearTimeout(timer);
        for (const s of subs) s.dispose();
        resolve();
      }
    });
  }
  return false;
}
