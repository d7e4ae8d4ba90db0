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
}
