// Entry point of the bundled language server (dist/server.js, `kpo-language-server`). The transport
// comes from the command line as vscode-languageserver detects it: --stdio (what most editors use),
// --node-ipc (the VS Code client), --socket=PORT or --pipe=NAME.

// This is the one Node-specific module of the language server (test/unit/layers.test.ts holds it): it
// reads the command line, and makes the Node host (node/server-host.ts) that every handler reaches the
// file system, file names and the package through (lsp/host.ts).

import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { nodeServerHost } from '../node/server-host';
import type { ServerHost } from './host';
import { startServer } from './server';

const USAGE = `Usage: kpo-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The KPO Glossary language server: hover definitions, completion of terms and service names,
KPO-vs-BPO diagnostics and quick fixes for Markdown documents. See docs/editors.md.
`;

const host: ServerHost = nodeServerHost();
const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${host.version}\n`);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (!args.some((a) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(a)) && process.send === undefined) {
  process.stderr.write(`kpo-language-server: no transport given.\n${USAGE}`);
  process.exit(2);
}

startServer(createConnection(ProposedFeatures.all), host);
