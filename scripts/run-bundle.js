// Runs dist/bundle/main.js (see bundle.js) in this process as Node would run it as a CommonJS module, but with
// the V8 code cache its trial start wrote: the functions a start runs are not compiled again.
// `node scripts/run-bundle.js --trial` is that trial start: on the message 'write-cache' it writes the cache.
const { existsSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

/** Written beside the bundle once it passed its trial start. */
const OK_FILE = '.ok';

/** What identifies one bundle file: a rebuilt bundle has another, so a cache of an older one is never used. */
function stampOf(file) {
  const s = statSync(file);
  return `${s.size}-${Math.round(s.mtimeMs)}`;
}

/** The code cache of `file` as it is now (V8 itself rejects a cache of another V8 version or other flags). */
function cacheFile(file) {
  return `${file}.${stampOf(file)}-v8-${process.versions.v8}.cache`;
}

/**
 * Node 20 calls that option experimental and says so at the first import(); it is what a CommonJS module of
 * dist/ gets anyway, so only that one warning is left out.
 */
function quietDefaultLoaderWarning() {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (warning, ...rest) {
    if (String(warning).includes('USE_MAIN_CONTEXT_DEFAULT_LOADER')) return;
    return emitWarning.call(process, warning, ...rest);
  };
}

/** Runs the bundle; returns the compiled script (for its code cache) and whether a cache was used. */
function runBundle(file) {
  const source = readFileSync(file, 'utf8');
  const cache = existsSync(cacheFile(file)) ? readFileSync(cacheFile(file)) : undefined;
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData: cache,
    // pdf.js and other ES modules are loaded with import() as from any CommonJS module.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  quietDefaultLoaderWarning();
  const bundle = new Module(file, null);
  bundle.filename = file;
  process.argv[1] = file;
  script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(file), bundle, file, dirname(file));
  bundle.loaded = true;
  return { script, cached: cache !== undefined && !script.cachedDataRejected };
}

module.exports = { OK_FILE, cacheFile, runBundle, stampOf };

if (require.main === module && process.argv.includes('--trial')) {
  const file = join(__dirname, '..', 'dist', 'bundle', 'main.js');
  const { script } = runBundle(file);
  process.on('message', (message) => {
    if (message !== 'write-cache') return;
    try {
      writeFileSync(cacheFile(file), script.createCachedData());
      process.send('cache-written');
    } catch (err) {
      process.send(String(err?.message ?? err));
    }
  });
}
