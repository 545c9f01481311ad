/**
 * Modules loaded afresh, with none of the state an earlier test left in them: what a new process sees.
 * `load` imports them inside jest's isolated registry.
 */
export async function freshModules<T>(load: () => Promise<T>): Promise<T> {
  let m: T | undefined;
  await jest.isolateModulesAsync(async () => {
    m = await load();
  });
  return m!;
}
