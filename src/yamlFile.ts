import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/**
 * A content file in YAML (glossary, off-topic subjects, schools), validated with its schema. A missing file is
 * `empty`; a wrong one throws one error naming the file and every wrong field.
 */
export function readYamlFile<S extends z.ZodTypeAny>(file: string, schema: S, empty: z.output<S>): z.output<S> {
  if (!existsSync(file)) return empty;
  const parsed = schema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
