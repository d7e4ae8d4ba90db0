// The probe extension's `browser` entry: loaded as-is (CommonJS, no bundling) by VS Code for the Web's
// extension host in a web worker. Every Markdown word gets the hover "probe hover".
const vscode = require('vscode');

exports.activate = function activate(context) {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(
      { language: 'markdown' },
      {
        provideHover(document, position) {
          const range = document.getWordRangeAtPosition(position);
          return range ? new vscode.Hover(new vscode.MarkdownString('probe hover'), range) : undefined;
        },
      },
    ),
  );
};

exports.deactivate = function deactivate() {};
