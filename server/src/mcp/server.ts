// The MCP server (kpo-glossary-mcp): the glossary and the checks for AI writing assistants, on the
// official TypeScript SDK. Tools (tools.ts does the work), a resource with the merged glossary and one
// per FAQ item, instructions that say when to call what, and the roots it may read under
// (workspace.ts). It writes nothing and opens no connection: fix_text returns the new text.

import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { RootsListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { RULES } from '../core';
import { packageRoot } from '../node/files';
import { checkText, entryOut, explainRule, fixText, listTerms, lookupTerm } from './tools';
import type { McpWorkspace, WorkspaceGlossary } from './workspace';

/** The largest text check_text and fix_text take (characters), and the largest file check_file reads. */
export const MAX_TEXT_CHARS = 1_000_000;
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export const INSTRUCTIONS = `KPO Glossary checks writing about Knowledge Process Outsourcing (KPO) and Business Process Outsourcing (BPO) against a glossary: the built-in one and the workspace's own .kpo-glossary.yaml / *.glossary.yaml files.
- Before you define a term, or say whether a service is KPO or BPO work, call lookup_term with the term, acronym or service name, and use its definition, side and comparison rather than your own.
- Before you return a draft (a proposal, an RFP answer, a memo) that mentions KPO, BPO or outsourcing services, call check_text on it (with path set to the file it is for, so the workspace glossary applies). Fix what it reports: fix_text applies only the fixes that are safe by construction; for the other findings, rewrite the sentence yourself, guided by the message.
- list_terms lists the glossary (by category or industry); explain_rule says what a rule looks for.
This server only reads: it never writes files.`;

type Out = { content: Array<{ type: 'text'; text: string }>; structuredContent?: Record<string, unknown>; isError?: boolean };

const result = (data: Record<string, unknown>): Out => ({ content: [{ type: 'text', text: JSON.stringify(data, null, 2) }], structuredContent: data });
const failure = (message: string): Out => ({ content: [{ type: 'text', text: message }], isError: true });

export function createMcpServer(workspace: McpWorkspace, options: { version: string; cwd: string }): McpServer {
  const server = new McpServer({ name: 'kpo-glossary', title: 'KPO Glossary', version: options.version }, { instructions: INSTRUCTIONS, capabilities: { resources: {}, tools: {} } });

  // Roots: the client's once it sends them (asked after initialization and on every change).
  let rootsReady: Promise<void> = Promise.resolve();
  const refreshRoots = async () => {
    if (!server.server.getClientCapabilities()?.roots) return;
    try {
      const listed = await server.server.listRoots();
      workspace.setRoots(listed.roots.map((r) => r.uri), options.cwd);
    } catch {
      // A client that declared roots but cannot list them: the working folder stays the root.
    }
  };
  server.server.oninitialized = () => {
    rootsReady = refreshRoots();
  };
  server.server.setNotificationHandler(RootsListChangedNotificationSchema, async () => {
    rootsReady = refreshRoots();
    await rootsReady;
  });

  /** Runs a tool after the roots are known, turning an unexpected failure into a tool error. */
  const tool =
    <A>(run: (args: A) => Out) =>
    async (args: A): Promise<Out> => {
      await rootsReady;
      try {
        return run(args);
      } catch (error) {
        return failure(`Internal error: ${(error as Error)?.message ?? error}`);
      }
    };

  /** The folder whose workspace glossary applies to a text said to be for `file` (which is not read). */
  const folderOf = (file: string | undefined): { folder?: string } | { error: string } => {
    if (file === undefined) return {};
    const allowed = workspace.resolve(file);
    return 'error' in allowed ? allowed : { folder: path.dirname(allowed.file) };
  };
  const glossaryInfo = (g: WorkspaceGlossary) => ({ files: g.files, problems: g.problems });
  /** A tool on a text said to be for a file: the text within its limit, the glossary of the file's folder. */
  const onText =
    (answer: (text: string, glossary: WorkspaceGlossary) => Record<string, unknown>) =>
    ({ text: input, path: file }: { text: string; path?: string }): Out => {
      if (input.length > MAX_TEXT_CHARS) return failure(`The text is ${input.length.toLocaleString('en-US')} characters, over the ${MAX_TEXT_CHARS.toLocaleString('en-US')} limit: check it a part at a time.`);
      const where = folderOf(file);
      if ('error' in where) return failure(where.error);
      const glossary = workspace.glossaryFor(where.folder);
      return result({ ...answer(input, glossary), glossary: glossaryInfo(glossary) });
    };

  const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
  const text = z.string().describe('Markdown text, as it would be saved (at most 1,000,000 characters).');
  const forPath = z.string().optional().describe('The file the text is for, relative to the first root or absolute, under the roots: the glossary files of its folder apply. It is not read.');

  server.registerTool(
    'check_text',
    {
      title: 'Check a Markdown text',
      description: 'Checks Markdown text for KPO/BPO confusions, wrong or missing acronym expansions and non-standard terms. Returns each finding with its rule, severity, message, 1-based line and column, the words it quotes (evidence) and its fixes (safe ones are applied by fix_text; the others are suggestions).',
      inputSchema: { text, path: forPath },
      annotations: readOnly,
    },
    tool(onText((input, glossary) => ({ findings: checkText(glossary.engine, input) }))),
  );

  server.registerTool(
    'check_file',
    {
      title: 'Check a Markdown file',
      description: 'Reads a Markdown file under the roots (at most 2 MB, UTF-8) and checks it as check_text does, with the glossary files of its folder.',
      inputSchema: { path: z.string().describe('The file, relative to the first root or absolute, under the roots.') },
      annotations: readOnly,
    },
    tool(({ path: file }: { path: string }) => {
      const allowed = workspace.resolve(file);
      if ('error' in allowed) return failure(allowed.error);
      const read = workspace.read(allowed.file, MAX_FILE_BYTES);
      if ('error' in read) return failure(read.error);
      const glossary = workspace.glossaryFor(path.dirname(allowed.file));
      return result({ file: allowed.file, findings: checkText(glossary.engine, read.text), glossary: glossaryInfo(glossary) });
    }),
  );

  server.registerTool(
    'fix_text',
    {
      title: 'Apply the safe fixes to a text',
      description: 'Applies only the fixes that are correct by construction (as `kpo-lint --fix` does) and returns the new text, each change (rule, place, before, after) and how many findings are left for the writer. Writes nothing.',
      inputSchema: { text, path: forPath },
      annotations: readOnly,
    },
    tool(onText((input, glossary) => ({ ...fixText(glossary.engine, input) }))),
  );

  server.registerTool(
    'lookup_term',
    {
      title: 'Look a term up',
      description: 'A term, acronym, alias or service name (any capitalisation, singular or plural) → its glossary entry: definition, KPO or BPO side, aliases, variants to avoid, industries, examples, its FAQ items and, for KPO/BPO entries, the KPO vs BPO comparison.',
      inputSchema: { term: z.string().describe('The term, acronym or name to look up, e.g. "KPO", "equity research", "data entry".'), path: forPath },
      annotations: readOnly,
    },
    tool(({ term, path: file }: { term: string; path?: string }) => {
      if (term.trim() === '') return failure('Give a term to look up.');
      const where = folderOf(file);
      if ('error' in where) return failure(where.error);
      const found = lookupTerm(workspace.glossaryFor(where.folder).engine.glossary, term);
      return 'error' in found ? failure(found.error) : result(found);
    }),
  );

  server.registerTool(
    'list_terms',
    {
      title: 'List the glossary terms',
      description: 'The glossary entries, optionally of one category (kpo-service, bpo-task, concept, ...) and/or one industry (finance, healthcare, legal, ...): id, label, category and definition, and how many match.',
      inputSchema: {
        category: z.string().optional().describe('A category, such as kpo-service or bpo-task.'),
        industry: z.string().optional().describe('An industry, by id or name, such as finance or Healthcare.'),
        limit: z.number().int().min(1).max(500).optional().describe('At most this many entries (100 by default).'),
        path: forPath,
      },
      annotations: readOnly,
    },
    tool(({ category, industry, limit, path: file }: { category?: string; industry?: string; limit?: number; path?: string }) => {
      const where = folderOf(file);
      if ('error' in where) return failure(where.error);
      const listed = listTerms(workspace.glossaryFor(where.folder).engine.glossary, { category, industry, limit });
      return 'error' in listed ? failure(listed.error) : result(listed);
    }),
  );

  server.registerTool(
    'explain_rule',
    {
      title: 'Explain a rule',
      description: `What a rule looks for, its severity, whether it has fixes, and its documentation with correct and incorrect examples. The rules: ${RULES.map((r) => r.id).join(', ')}.`,
      inputSchema: { rule: z.string().describe('A rule id, as in a finding, e.g. kpo-bpo/task-mismatch.') },
      annotations: readOnly,
    },
    tool(({ rule }: { rule: string }) => {
      const explained = explainRule(rule, (page) => {
        try {
          return fs.readFileSync(path.join(packageRoot(), page), 'utf8');
        } catch {
          return undefined;
        }
      });
      return 'error' in explained ? failure(explained.error) : result(explained);
    }),
  );

  // Resources: the merged glossary of the first root (JSON), and each FAQ item (plain text).
  const rootGlossary = () => workspace.glossaryFor(undefined);
  server.registerResource(
    'glossary',
    'glossary://terms',
    { title: 'The glossary', description: 'Every entry of the glossary in use at the first root (the built-in glossary, then the workspace glossary files), as JSON.', mimeType: 'application/json' },
    async (uri) => {
      await rootsReady;
      const g = rootGlossary();
      const data = { files: g.files, problems: g.problems, entries: g.engine.glossary.entries.map((e) => entryOut(g.engine.glossary, e)) };
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(data, null, 2) }] };
    },
  );
  server.registerResource(
    'faq',
    new ResourceTemplate('glossary://faq/{id}', {
      list: async () => {
        await rootsReady;
        return { resources: rootGlossary().engine.glossary.faq.map((f) => ({ uri: `glossary://faq/${encodeURIComponent(f.id)}`, name: f.id, title: f.question, mimeType: 'text/plain' })) };
      },
    }),
    { title: 'FAQ', description: 'One question and its answer from the glossary’s FAQ, as plain text.', mimeType: 'text/plain' },
    async (uri, variables) => {
      await rootsReady;
      const id = decodeURIComponent(String(variables.id ?? ''));
      const item = rootGlossary().engine.glossary.faq.find((f) => f.id === id);
      if (!item) throw new Error(`No FAQ item “${id}”.`);
      return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: `${item.question}\n\n${item.answer}\n` }] };
    },
  );

  return server;
}
