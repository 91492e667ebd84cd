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
