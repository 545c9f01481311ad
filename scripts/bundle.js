// The start path of `npm start` as one file: dist/bundle/main.js, made from dist/ with esbuild, plus a V8 code
// cache of everything a start compiles. Node then resolves, reads and compiles one file instead of ~2,800
// modules (a quarter of the start-up time). Made after every build of dist/ (build-if-changed.js) and whenever it
// is missing or older than dist/; a bundle is used only after it answered /healthz 200 in a trial start of its
// own, which also writes its code cache. Anything that fails leaves no bundle: npm start then runs dist/main.js.
// Run: node scripts/bundle.js   (makes it now, whatever its age)
const { spawn } = require('node:child_process');
const { setTimeout: sleep } = require('node:timers/promises');
const { existsSync, readFileSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const { cacheFile, OK_FILE, stampOf } = require('./run-bundle');

const root = join(__dirname, '..');
const outDir = join(root, 'dist', 'bundle');
const bundleFile = join(outDir, 'main.js');
const okFile = join(outDir, OK_FILE);
const TRIAL_MS = 60_000;

/**
 * Left out of the bundle, loaded from node_modules as before: packages that find their own files by path
 * (require.resolve, files beside them, native add-ons, `import.meta.url`), ES-module-only packages loaded with
 * import(), and the embedded store with the compilers it loads (local mode only, on a thread of its own).
 */
const EXTERNAL = [
  'pdfjs-dist', // ES modules, imported at run time with its worker file
  'azurite', // started as its own process by its path
  'snowball-stemmers', // its package.json is read for the stem cache's key
  '@vercel/cosmosdb-server', // its TLS certificate files; with it Babel and Turf stay out
  '@azure/storage-blob', // its CRC64 WebAssembly file; only for plan originals
  'dtrace-provider', // restify's optional native add-on
  'open', // ES module reading import.meta.url; only for an interactive Azure sign-in
  '@microsoft/m365agentsplayground', // started as its own process by its path
];

/**
 * teams-ai's Application loads its sign-in classes at once, and with them botbuilder-dialogs and Microsoft's
 * text recognizers (a fifth of the start path's code), though Opari configures no sign-in: they are loaded
 * when first used instead (never, without `authentication` in the Application's options).
 */
const LAZY = [
  { file: 'node_modules/@microsoft/teams-ai/lib/Application.js', request: './authentication/Authentication' },
  { file: 'node_modules/@microsoft/teams-ai/lib/authentication/BotAuthenticationBase.js', request: './Authentication' },
  { file: 'node_modules/@microsoft/teams-ai/lib/authentication/BotAuthenticationBase.js', request: 'botbuilder-dialogs' },
];

/** Runs in the bundle: a stand-in for a module that loads it at the first access to one of its exports. */
const LAZY_MODULE = 'const __opariLazy = (load) => { let m; return new Proxy({}, { get: (_, k) => (m ??= load())[k], has: (_, k) => k in (m ??= load()) }); };';

/**
 * Rewrites the requires of LAZY. A file that no longer has such a require (another teams-ai version) is bundled
 * as it is, which is only slower to start: the warning says so.
 */
function lazyRequires(path, source) {
  for (const { request } of LAZY.filter((l) => join(root, l.file) === path)) {
    const call = `require(${JSON.stringify(request)})`;
    if (!source.includes(call)) process.stderr.write(`bundle: ${relative(root, path)} no longer has ${call}; it is loaded at start\n`);
    source = source.replace(call, `__opariLazy(() => ${call})`);
  }
  return source;
}

/** A file's opening that must stay first: a #! line, comments, and the "use strict" that makes it strict. */
const PROLOGUE = /^(#![^\n]*\n)?(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(?:(['"])use strict\2;?)?/;

/**
 * Bundled packages that find files beside themselves with __dirname or __filename get the values of their
 * own place in node_modules (relative to the bundle), not the bundle's: e.g. pino's worker files.
 */
function ownDirname(path, source) {
  if (!/\b__(dirname|filename)\b/.test(source)) return source;
  const dir = JSON.stringify(relative(outDir, dirname(path)));
  const file = JSON.stringify(relative(outDir, path));
  const at = PROLOGUE.exec(source)[0].length;
  return `${source.slice(0, at)}\nvar __dirname = require("node:path").join(__opariBundleDir, ${dir}), __filename = require("node:path").join(__opariBundleDir, ${file});\n${source.slice(at)}`;
}

/** The two rewrites above, on the files of node_modules as esbuild loads them. */
const rewrites = {
  name: 'opari-rewrites',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/].*\.c?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = ownDirname(args.path, lazyRequires(args.path, source));
      return contents === source ? undefined : { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * dist/main.js → dist/bundle/main.js, and the embedded store's thread (src/store/embeddedThread.ts) beside it;
 * throws with esbuild's messages when it cannot.
 */
async function build() {
  const esbuild = require('esbuild');
  await esbuild.build({
    entryPoints: { main: join(root, 'dist', 'main.js'), embeddedWorker: join(root, 'dist', 'store', 'embeddedWorker.js') },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: EXTERNAL,
    plugins: [rewrites],
    banner: { js: `const __opariBundleDir = __dirname;\n${LAZY_MODULE}` },
    // Names are kept: error classes and logs use them. Whitespace and comments go: less to read at each start.
    keepNames: true,
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
}

/**
 * Starts the bundle in a process of its own, as npm start would but alone (embedded store in memory, no
 * Playground, no Cosmos endpoint or data folder of the user's), waits for /healthz 200 and has it write its
 * code cache. Resolves when the cache is written; rejects with the reason and the trial's output otherwise.
 */
async function trial() {
  // The command-line tools' free port (the build this bundles is there already).
  const port = await require('../dist/cli/botProcess').freePort();
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PLAYGROUND: 'off', LOCAL_DATA_DIR: 'off', LOG_LEVEL: 'warn', NODE_NO_WARNINGS: '1', PORT: String(port) };
  const child = spawn(process.execPath, [join(__dirname, 'run-bundle.js'), '--trial'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const started = Date.now();
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the bundle exited with ${child.exitCode} before /healthz answered`);
      if (Date.now() - started > TRIAL_MS) throw new Error(`the bundle did not answer /healthz within ${TRIAL_MS / 1000} s`);
      const status = await globalThis.fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      await sleep(50);
    }
    const written = new Promise((resolve) => child.once('message', resolve));
    child.send('write-cache');
    const reply = await written;
    if (reply !== 'cache-written') throw new Error(`the code cache was not written: ${reply}`);
  } catch (err) {
    err.message = `${err.message}\n${out.slice(-2000)}`;
    throw err;
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  }
}

/** Why the last try failed, kept until dist/ is built again: npm start does not try again at every start. */
const failedFile = join(root, 'dist', '.bundle-failed');

/** True when `file` exists and is newer than the last build of dist/ and of these scripts. */
function newerThanInputs(file) {
  if (!existsSync(file)) return false;
  const made = statSync(file).mtimeMs;
  const inputs = [join(root, 'dist', '.built'), join(root, 'dist', 'main.js'), join(__dirname, 'bundle.js'), join(__dirname, 'run-bundle.js')];
  return inputs.every((f) => !existsSync(f) || statSync(f).mtimeMs <= made);
}

/** True when the bundle was made and passed its trial after the last build of dist/ and of these scripts. */
function upToDate() {
  return existsSync(bundleFile) && existsSync(cacheFile(bundleFile)) && newerThanInputs(okFile);
}

/**
 * Makes the bundle and its code cache unless they are up to date. Resolves true when the bundle can be used,
 * false (after saying why on stderr) when npm start must run dist/main.js instead.
 */
async function bundleIfStale({ force = false } = {}) {
  if (!force && upToDate()) return true;
  if (!force && newerThanInputs(failedFile)) {
    process.stderr.write(`npm start runs dist/main.js: the start path could not be bundled after the last build (${relative(root, failedFile)} says why; node scripts/bundle.js tries again)\n`);
    return false;
  }
  const started = Date.now();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(failedFile, { force: true });
  try {
    await build();
    await trial();
    writeFileSync(okFile, `${JSON.stringify({ bundle: stampOf(bundleFile), node: process.version })}\n`);
    process.stderr.write(`bundled the start path into dist/bundle/ in ${Date.now() - started} ms\n`);
    return true;
  } catch (err) {
    rmSync(outDir, { recursive: true, force: true });
    const reason = err?.errors?.length ? err.errors.map((e) => `${e.location?.file ?? ''}: ${e.text}`).join('\n') : (err?.message ?? String(err));
    writeFileSync(failedFile, `${reason}\n`);
    process.stderr.write(`Could not bundle the start path (npm start runs dist/main.js instead, only slower to start):\n${reason}\n`);
    return false;
  }
}

module.exports = { bundleIfStale, bundleFile };

if (require.main === module) {
  bundleIfStale({ force: true }).then((ok) => process.exit(ok ? 0 : 1));
}
