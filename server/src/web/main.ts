// Entry point of the language server in VS Code for the Web (dist/web/server.js, a web worker the
// browser client starts). It reads no files: the built-in glossary is inlined in the bundle, and the
// workspace's glossary files come from the client (mirror-host.ts). Everything else is the same
// server as on the desktop (lsp/server.ts).

import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { digest, text, version } from 'kpo:builtin-glossary';
import { MirrorHost } from '../lsp/mirror-host';
import { startServer } from '../lsp/server';
import { BUILTIN_GLOSSARY_URI, GlossaryFilesNotification } from '../shared/protocol';

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const host = new MirrorHost(version, { uri: BUILTIN_GLOSSARY_URI, text, digest });
connection.onNotification(GlossaryFilesNotification.method, (params: GlossaryFilesNotification.Params) => host.apply(params?.files ?? []));
startServer(connection, host);
