// A lazy chunk that fails to load (a flaky network, an old deployment's file gone) is
// tried again once after a short pause before the failure is reported.
export async function retryImport<T>(load: () => Promise<T>, delayMs = 800): Promise<T> {
  try {
    return await load();
  } catch {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return load();
  }
}

// A loader for a lazy chunk: the first call imports it (retried as above), later calls
// share the promise; a failure is reported once, wrapped by `wrapError`, and the next
// call tries again from the start.
export function cachedImport<T>(
  load: () => Promise<T>,
  wrapError: (error: unknown) => Error = (error) =>
    error instanceof Error ? error : new Error(String(error)),
  delayMs?: number,
): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= retryImport(load, delayMs).catch((error: unknown) => {
      loading = null;
      throw wrapError(error);
    });
    return loading;
  };
}
