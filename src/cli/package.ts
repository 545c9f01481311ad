import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAppPackage } from '../manifest/appPackage';
import { ROOT } from '../paths';
import { commandLine } from './args';

/** npm run package [-- --env <name>]: validates the Teams app manifest and writes build/appPackage.zip. */
async function run(): Promise<number> {
  const { values } = commandLine({ options: { env: { type: 'string', default: 'local' } } }, 'Usage: npm run package -- [--env <name>]   (reads env/.env.<name>)', ({ values }) =>
    /^[a-z0-9-]+$/i.test(values.env) ? undefined : `--env takes a name of letters, digits and dashes (got "${values.env}")`,
  );
  const envName = values.env;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const result = await buildAppPackage({
    manifestDir: join(ROOT, 'manifest'),
    envFile: join(ROOT, 'env', `.env.${envName}`),
    overrides: process.env,
    appVersion: pkg.version,
  });
  if (result.errors.length > 0 || !result.zip) {
    console.error(`Teams app package NOT written: ${result.errors.length} problem(s)`);
    for (const e of result.errors) console.error(`  - ${e}`);
    return 1;
  }
  const out = join(ROOT, 'build', 'appPackage.zip');
  mkdirSync(join(ROOT, 'build'), { recursive: true });
  writeFileSync(out, result.zip);
  console.log(`Manifest valid against the offline schema v${result.manifestVersion} (env ${envName}).`);
  console.log(`Wrote build/appPackage.zip (${result.zip.length} bytes): ${result.files.join(', ')}`);
  return 0;
}

run().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`Packaging failed: ${err.message}`);
    process.exit(1);
  },
);
