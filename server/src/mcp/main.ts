// Entry point of the MCP server (dist/mcp.js, `kpo-glossary-mcp`): the glossary and the checks for AI
// writing assistants over stdio. The roots are the working folder until the client sends its own.

import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { packageVersion } from '../node/files';
import { createMcpServer } from './server';
import { McpWorkspace } from './workspace';

const USAGE = `Usage: kpo-glossary-mcp

The KPO Glossary MCP server, over standard input and output: tools check_text, check_file, fix_text,
lookup_term, list_terms and explain_rule, the glossary as a resource (glossary://terms, glossary://faq/ID).
It reads Markdown and glossary files under the working folder (or the client's roots) and writes
nothing. See docs/mcp.md.
`;

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${packageVersion()}\n`);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (args.length > 0) {
  process.stderr.write(`kpo-glossary-mcp: unknown argument ${args[0]}.\n${USAGE}`);
  process.exit(2);
}

const cwd = process.cwd();
const server = createMcpServer(new McpWorkspace(cwd), { version: packageVersion(), cwd });
server.connect(new StdioServerTransport()).catch((error: Error) => {
  process.stderr.write(`kpo-glossary-mcp: ${error.message}\n`);
  process.exit(1);
});
