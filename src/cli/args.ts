import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * The command line through node:util `parseArgs`, strict: an unknown or misspelled flag, a flag without its
 * value, or a stray argument ends the run with exit code 2, the reason and the usage line — never silently
 * ignored. `check` adds the command's own rules (allowed values, how many files); it returns a reason or
 * undefined.
 */
export function commandLine<T extends ParseArgsConfig>(config: T, usage: string, check?: (parsed: ReturnType<typeof parseArgs<T>>) => string | undefined): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs<T>({ ...config, strict: true });
  } catch (err) {
    return usageExit((err as Error).message, usage);
  }
  const problem = check?.(parsed);
  return problem ? usageExit(problem, usage) : parsed;
}

function usageExit(problem: string, usage: string): never {
  console.error(`${problem}\n${usage}`);
  process.exit(2);
}
