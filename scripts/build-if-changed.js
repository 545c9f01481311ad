// Builds dist/ with the TypeScript compiler only when a source changed since the last successful build,
// so `npm start` on an unchanged checkout goes straight to the bot (the compiler alone takes seconds).
// Run: node scripts/build-if-changed.js [--check]   (--check: exit 1 when a build is due, build nothing); run
// so, it also brings the bundled start path up to date (bundle.js). scripts/start.js calls it in the bot's own process.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.built');

/** Newest modification time among the compiler's inputs; a directory's own time covers a deleted file. */
function newestInput() {
  let newest = 0;
  const visit = (path) => {
    const s = statSync(path);
    newest = Math.max(newest, s.mtimeMs);
    if (s.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(join(root, 'src'));
  for (const file of ['tsconfig.json', 'package-lock.json']) if (existsSync(join(root, file))) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  return newest;
}

function upToDate() {
  if (!existsSync(stamp) || !existsSync(join(root, 'dist', 'main.js'))) return false;
  return statSync(stamp).mtimeMs >= newestInput();
}

/** Builds dist/ unless it is up to date; false when the compiler failed (it has printed why). */
function buildIfChanged() {
  if (upToDate()) return true;
  const started = Date.now();
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', root], { stdio: 'inherit' });
  if (tsc.status !== 0) return false;
  // Written only after a clean build: a build with type errors is tried again next time.
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  process.stderr.write(`built dist/ in ${Date.now() - started} ms\n`);
  return true;
}

module.exports = { buildIfChanged };

if (require.main === module) {
  if (process.argv.includes('--check')) process.exit(upToDate() ? 0 : 1);
  if (!buildIfChanged()) process.exit(1);
  // A bundle that cannot be made is no failure: npm start then runs dist/main.js (bundle.js says why).
  void require('./bundle')
    .bundleIfStale()
    .then(() => process.exit(0));
}
