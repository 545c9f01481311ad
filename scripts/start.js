// npm start: builds dist/ when a source changed and bundles the start path when dist/ is newer than the bundle
// (bundle.js), then runs the bot in this same process (one Node start, not two): the bundle with its code cache,
// or dist/main.js when the bundle could not be made.
const { buildIfChanged } = require('./build-if-changed');
const { bundleIfStale, bundleFile } = require('./bundle');
const { runBundle } = require('./run-bundle');

async function start() {
  if (!buildIfChanged()) process.exit(1);
  if (!(await bundleIfStale())) return require('../dist/main.js');
  const { cached } = runBundle(bundleFile);
  process.stderr.write(`npm start runs dist/bundle/main.js ${cached ? 'with its code cache' : 'without a code cache (made by another Node version or with other V8 flags)'}\n`);
}

void start();
