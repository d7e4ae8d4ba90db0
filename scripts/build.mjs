// Bundles the client, the language server and the CLI into single files under dist/ with esbuild, and
// the browser client and the web-worker server (VS Code for the Web) under dist/web/. Type-checking
// stays with tsc (npm run compile). Flags: --production (minified, no source maps), --watch.
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
  { entryPoints: ['server/src/mcp/main.ts'], outfile: 'dist/mcp.js', plugins: [zodEnglishOnly()] },
];

// VS Code for the Web: no Node. The `browser` condition picks the /browser entries of the LSP packages.
const web = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
};
const webBuilds = [
  { entryPoints: ['client/src/web/extension.ts'], outfile: 'dist/web/client.js', format: 'cjs', external: ['vscode'] },
  { entryPoints: ['server/src/web/main.ts'], outfile: 'dist/web/server.js', format: 'iife', plugins: [builtinGlossaryPlugin()] },
];

const fs = await import('fs');
const existing = builds.filter((b) => fs.existsSync(b.entryPoints[0])).map((b) => ({ ...common, ...b }));
const existingWeb = webBuilds.filter((b) => fs.existsSync(b.entryPoints[0])).map((b) => ({ ...web, ...b }));

if (watch) {
  await writeBuiltinDigest();
  for (const b of [...existing, ...existingWeb]) (await esbuild.context(b)).watch();
  console.log('esbuild: watching');
} else {
  // The digest first: the web server bundle carries it.
  await writeBuiltinDigest();
  await Promise.all([...existing, ...existingWeb].map((b) => esbuild.build(b)));
}

/**
 * zod (the MCP SDK's schemas) with its English messages only: its `locales` module, which bundles
 * forty languages (a quarter of a megabyte of dist/mcp.js, a quarter of the .vsix), becomes one that
 * exports `en`, the only one zod uses unless told otherwise.
 */
function zodEnglishOnly() {
  return {
    name: 'zod-english-only',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/locales\/index\.(c?js)$/ }, (args) =>
        /[\\/]zod[\\/]v4[\\/](classic|core|mini)$/.test(args.resolveDir) ? { path: `${args.resolveDir.replace(/(classic|core|mini)$/, 'locales')}/index.${args.path.split('.').pop()}`, namespace: 'zod-en' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
        contents: `export { default as en } from ${JSON.stringify(`./en.${args.path.split('.').pop()}`)};\n`,
        resolveDir: args.path.slice(0, args.path.lastIndexOf('/')),
        loader: 'js',
      }));
    },
  };
}

/**
 * The module `kpo:builtin-glossary` of the web server (server/src/web/builtin-glossary.d.ts): the
 * built-in glossary's text, its digest (written by writeBuiltinDigest just before) and the version.
 */
function builtinGlossaryPlugin() {
  return {
    name: 'kpo-builtin-glossary',
    setup(build) {
      build.onResolve({ filter: /^kpo:builtin-glossary$/ }, (args) => ({ path: args.path, namespace: 'kpo-builtin' }));
      build.onLoad({ filter: /.*/, namespace: 'kpo-builtin' }, () => {
        const text = fs.readFileSync('glossary/kpo.glossary.yaml', 'utf8').replace(/^\uFEFF/, '');
        const data = fs.readFileSync('dist/builtin-glossary.digest', 'utf8');
        const digest = data.slice(data.indexOf('\n') + 1);
        const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8'));
        return {
          contents: `export const text = ${JSON.stringify(text)};\nexport const digest = ${JSON.stringify(digest)};\nexport const version = ${JSON.stringify(version)};\n`,
          loader: 'js',
          watchFiles: ['glossary/kpo.glossary.yaml', 'package.json'],
        };
      });
    },
  };
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
  fs.mkdirSync('dist', { recursive: true }); // a fresh clone has none yet: the digest is written first
  fs.writeFileSync('dist/builtin-glossary.digest', `${sha256}\n${digestGlossary(text)}`);
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
}
