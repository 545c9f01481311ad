import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { parse as parseEnvFile } from './envFile';

/**
 * The Teams app package: manifest.json with ${{PLACEHOLDERS}} filled from env/.env.<name> (the process
 * environment wins), validated offline against the schemas shipped in @microsoft/app-manifest, icons
 * checked, zipped.
 */
export interface PackageInput {
  manifestDir: string;
  envFile: string;
  /** Overrides for placeholders (process.env). */
  overrides?: Record<string, string | undefined>;
  appVersion: string;
}

export interface PackageResult {
  errors: string[];
  zip?: Buffer;
  manifestVersion?: string;
  files: string[];
}

const SCHEMA_ROOT = join(require.resolve('@microsoft/app-manifest/package.json'), '..', 'build', 'json-schemas', 'teams');

function fill(text: string, values: Record<string, string | undefined>, missing: Set<string>): string {
  return text.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined || v === '') {
      missing.add(name);
      return '';
    }
    return JSON.stringify(v).slice(1, -1);
  });
}

function checkIcon(file: string, size: number, outline: boolean): string[] {
  if (!existsSync(file)) return [`${file}: missing`];
  const png = PNG.sync.read(readFileSync(file));
  const errors: string[] = [];
  if (png.width !== size || png.height !== size) errors.push(`${file}: must be ${size}x${size}, is ${png.width}x${png.height}`);
  if (outline) {
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
      if (a > 0 && (r !== 255 || g !== 255 || b !== 255)) {
        errors.push(`${file}: the outline icon must be white on transparent`);
        break;
      }
    }
  }
  return errors;
}

/**
 * Validates with the draft-04 ajv that @microsoft/app-manifest's ManifestUtil uses, but in non-unicode
 * regex mode: the shipped localization schema's patternProperties are invalid as unicode regexes.
 * (ManifestUtil itself is not imported: its ESM-only dependency does not load under jest.)
 */
function validateAgainst(json: unknown, schema: object): string[] {
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(json)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${e.params ? JSON.stringify(e.params) : ''}`.trim());
}

export async function buildAppPackage(input: PackageInput): Promise<PackageResult> {
  const errors: string[] = [];
  if (!existsSync(input.envFile)) return { errors: [`${input.envFile}: not found`], files: [] };
  const values: Record<string, string | undefined> = { APP_VERSION: input.appVersion, ...parseEnvFile(readFileSync(input.envFile, 'utf8')) };
  for (const [k, v] of Object.entries(input.overrides ?? {})) if (v !== undefined && v !== '' && k in values) values[k] = v;

  const missing = new Set<string>();
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(fill(readFileSync(join(input.manifestDir, 'manifest.json'), 'utf8'), values, missing));
  } catch (err) {
    return { errors: [`manifest.json: not valid JSON (${(err as Error).message})`], files: [] };
  }
  const version = String(manifest.manifestVersion);
  const schemaFile = join(SCHEMA_ROOT, `v${version}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(schemaFile)) return { errors: [`manifest.json: no local schema for manifestVersion ${version}`], files: [] };
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  errors.push(...validateAgainst(manifest, schema).map((e) => `manifest.json ${e}`));

  const files: Record<string, Buffer> = {};
  const loc = manifest.localizationInfo as { additionalLanguages?: { file: string }[] } | undefined;
  const locSchemaFile = join(SCHEMA_ROOT, `v${version}`, 'MicrosoftTeams.Localization.schema.json');
  const locSchema = existsSync(locSchemaFile) ? JSON.parse(readFileSync(locSchemaFile, 'utf8')) : undefined;
  for (const { file } of loc?.additionalLanguages ?? []) {
    const path = join(input.manifestDir, file);
    if (!existsSync(path)) {
      errors.push(`${file}: missing (listed in localizationInfo)`);
      continue;
    }
    const text = fill(readFileSync(path, 'utf8'), values, missing);
    try {
      const json = JSON.parse(text);
      if (locSchema) errors.push(...validateAgainst(json, locSchema).map((e) => `${file} ${e}`));
      files[file] = Buffer.from(JSON.stringify(json, null, 2));
    } catch (err) {
      errors.push(`${file}: not valid JSON (${(err as Error).message})`);
    }
  }
  const icons = manifest.icons as { color?: string; outline?: string } | undefined;
  errors.push(...checkIcon(join(input.manifestDir, icons?.color ?? 'color.png'), 192, false));
  errors.push(...checkIcon(join(input.manifestDir, icons?.outline ?? 'outline.png'), 32, true));
  for (const name of missing) errors.push(`${name}: no value in ${input.envFile} (placeholder \${{${name}}})`);
  if (errors.length > 0) return { errors, files: [] };

  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  zip.file(icons!.color!, readFileSync(join(input.manifestDir, icons!.color!)));
  zip.file(icons!.outline!, readFileSync(join(input.manifestDir, icons!.outline!)));
  for (const [name, buf] of Object.entries(files)) zip.file(name, buf);
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { errors: [], zip: buffer, files: Object.keys(zip.files).sort(), manifestVersion: version };
}
