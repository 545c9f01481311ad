import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as ACData from 'adaptivecards-templating';
import { CARDS_DIR } from '../paths';

/** Adaptive Card templates (1.5) live in cards/<name>.json and are bound with adaptivecards-templating. */

/**
 * adaptivecards-templating (with adaptive-expressions and its parser) takes a sixth of a second to load: it is
 * loaded by the first card, or by `loadTemplating` once the bot listens, not before the bot can answer.
 */
let lib: typeof ACData | undefined;
export function loadTemplating(): typeof ACData {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, synchronously (see above)
  lib ??= require('adaptivecards-templating') as typeof ACData;
  return lib;
}

const cache = new Map<string, ACData.Template>();

function template(name: string, dir: string): ACData.Template {
  const key = `${dir}/${name}`;
  let t = cache.get(key);
  if (!t) {
    t = new (loadTemplating().Template)(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')));
    cache.set(key, t);
  }
  return t;
}

/** Expands cards/<name>.json with `data`; the result is plain Adaptive Card JSON. */
export function renderCard(name: string, data: object, dir = CARDS_DIR): Record<string, unknown> {
  const card = template(name, dir).expand({ $root: data }) as Record<string, unknown>;
  delete card.$schema;
  return card;
}
