// The suites of `npm test`, in the order scripts/test.mjs runs them, with the external tools each one
// needs. scripts/test.mjs installs a suite's tools (scripts/e2e/toolchain.mjs) before running it, so a
// fresh machine without Neovim, code-server or Chromium passes; test/unit/toolchain.test.ts reads the
// sources of each suite and fails when one of them uses a tool that its `tools` list does not name.
//
// `tools` are toolchain parts (scripts/e2e/toolchain.mjs PARTS); `sources` are the folders and files
// whose code the suite runs (test files and the scripts they start).

export const SUITES = [
  {
    name: 'unit',
    title: 'unit, fixture and CLI tests',
    command: 'npx',
    args: ['mocha'],
    tools: [],
    sources: ['test/unit'],
  },
  {
    name: 'protocol',
    title: 'language server over stdio, and Neovim',
    command: 'npx',
    args: ['mocha', '--config', 'test/protocol/.mocharc.json'],
    tools: ['nvim'],
    sources: ['test/protocol', 'test/nvim', 'test/e2e/nvim', 'scripts/e2e/nvim.mjs'],
  },
  {
    name: 'vscode',
    title: 'VS Code (code-server) extension tests and UI pass',
    command: 'node',
    args: ['scripts/e2e/run-all.mjs'],
    tools: ['vscode'],
    sources: ['test/vscode', 'test/editor', 'test/ui', 'test/e2e/vscode', 'scripts/e2e/run-all.mjs', 'scripts/e2e/run-vscode-tests.mjs', 'scripts/e2e/code-server.mjs', 'scripts/e2e/ui.mjs'],
  },
  {
    name: 'web',
    title: 'VS Code for the Web (headless Chromium) extension tests',
    command: 'node',
    args: ['scripts/e2e/web.mjs', '--suite'],
    tools: ['web'],
    sources: ['test/web', 'test/editor', 'scripts/e2e/web.mjs'],
  },
];
