import { existsSync, readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { z } from 'zod';

/**
 * Reading YAML: content files (glossary, off-topic subjects, schools, surveys, term calendars) and the plan's
 * front matter. One parser for every read, the YAML 1.2 core schema (so `2025-08-13` stays the string it was
 * written as, `no` stays a word), duplicate keys refused. js-yaml reads these files about five times faster
 * than `yaml` on a cold start, and they are all read before the bot listens; `yaml` stays for writing the
 * imported plan (plan/import/write.ts), where its document model keeps lists in flow style.
 */
export function parseYaml(text: string): unknown {
  return load(text, { schema: CORE_SCHEMA });
}

/**
 * A content file in YAML validated with its schema. A missing file is `empty`; a wrong one throws one error
 * naming the file and every wrong field.
 */
export function readYamlFile<S extends z.ZodTypeAny>(file: string, schema: S, empty: z.output<S>): z.output<S> {
  if (!existsSync(file)) return empty;
  const parsed = schema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
