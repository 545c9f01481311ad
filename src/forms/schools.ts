import { z } from 'zod';
import { readYamlFile } from '../yamlFile';
import type { School } from './registry';

const schema = z.array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), name: z.string().min(1).max(120), provider: z.string().min(1), municipality: z.string().min(1).max(80).optional() }));

/** The region's schools (content/schools.yml): the choices of every form's school field. */
export function loadSchools(file: string): School[] {
  return readYamlFile(file, schema, []);
}
