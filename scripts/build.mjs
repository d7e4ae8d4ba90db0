// Bundles the client, the language server and the CLI into single files under dist/ with esbuild.
// Type-checking stays with tsc (npm run compile). Flags: --production (minified, no source maps),
// --watch.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  // Some dependencies ship CommonJS builds that still read import.meta.url; give them this file's URL.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/kpo-lint.js' },
];

const existing = [];
for (const b of builds) {
  const fs = await import('fs');
  if (fs.existsSync(b.entryPoints[0])) existing.push(b);
}

if (watch) {
  for (const b of existing) (await esbuild.context({ ...common, ...b })).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(existing.map((b) => esbuild.build({ ...common, ...b })));
  await writeBuiltinDigest();
}

/**
 * dist/builtin-glossary.digest: the built-in glossary read into JSON (the SHA-256 of the YAML text on
 * the first line), so that the server and kpo-lint load it without parsing YAML (most of the start-up
 * time of a fresh process). Made with the loader itself; used only while the YAML is unchanged.
 */
async function writeBuiltinDigest() {
  const fs = await import('fs');
  const os = await import('os');
  const path = await import('path');
  const { createHash } = await import('crypto');
  const { createRequire } = await import('module');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-digest-')), 'load.cjs');
  await esbuild.build({ ...common, minify: false, sourcemap: false, entryPoints: ['server/src/core/glossary/load.ts'], outfile: out });
  const { digestGlossary } = createRequire(import.meta.url)(out);
  const text = fs.readFileSync('glossary/kpo.glossary.yaml', 'utf8').replace(/^\uFEFF/, '');
  const sha256 = createHash('sha256').update(text).digest('hex');
  fs.writeFileSync('dist/builtin-glossary.digest', `${sha256}\n${digestGlossary(text)}`);
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
}
