// The tests module of the web start-up benchmark (scripts/bench/web-startup.mjs bundles it for the web
// extension host, as the web suite is bundled). Inside VS Code for the Web: activates the extension,
// opens a 20 KB proposal from the mounted folder and times, from the activation, the first findings
// (the server worker started, the built-in glossary loaded from the bundle, the document checked);
// then a second such document once the extension runs. Logs one `[kpo-bench] {json}` line, and the
// `1 passed, 0 failed` line the harness waits for.
const vscode = require('vscode');

function firstFindings(uri) {
  return new Promise((resolve, reject) => {
    const ours = () => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'kpo-glossary');
    const timer = setTimeout(() => reject(new Error(`no findings in ${uri} after 120 s`)), 120_000);
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      if (!ours()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(performance.now());
    });
    if (ours()) resolve(performance.now());
  });
}

exports.run = async function run() {
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const a = vscode.Uri.joinPath(folder, 'proposal-a.md');
  const b = vscode.Uri.joinPath(folder, 'proposal-b.md');
  const t0 = performance.now();
  await vscode.extensions.getExtension('kpo-glossary.kpo-glossary').activate();
  const activated = performance.now();
  const found = firstFindings(a);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(a));
  const first = await found;
  const t1 = performance.now();
  const foundB = firstFindings(b);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(b));
  const second = await foundB;
  const bytes = (await vscode.workspace.fs.stat(a)).size;
  console.log(`[kpo-bench] ${JSON.stringify({ activateMs: activated - t0, firstFindingsMs: first - t0, runningOpenToFindingsMs: second - t1, documentBytes: bytes })}`);
  console.log('1 passed, 0 failed');
};
