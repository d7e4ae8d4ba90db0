// Go to definition: from a glossary term in a Markdown document to its entry (in a workspace glossary
// file, or in the built-in glossary, which the VS Code client opens read-only), and from an entry id in
// a glossary file to that entry. An entry that later files change has several places, nearest first.

import type { DefinitionParams, Location } from 'vscode-languageserver';
import type { ServerContext } from './context';
import { entryLocations, toOffset } from './convert';
import { glossaryFileDefinition } from './glossary-file-features';

export async function definition(ctx: ServerContext, params: DefinitionParams): Promise<Location[] | null> {
  const snapshot = await ctx.resolve(params.textDocument.uri);
  if (!snapshot) return null;
  if (snapshot.kind === 'glossary-file') {
    const locations = glossaryFileDefinition(snapshot, params.position, ctx.host);
    return locations.length > 0 ? locations : null;
  }
  const { analysis, engine } = snapshot;
  const found = engine.entryAt(analysis, toOffset(analysis, params.position), snapshot.findings());
  if (!found) return null;
  const locations = entryLocations(found.entry, ctx.host);
  return locations.length > 0 ? locations : null;
}
