// Everything that holds typed-but-unsaved values registers a flush here, so an app
// update or another tab's database upgrade can save them all before the page reloads
// or the database closes.
type Flush = () => Promise<unknown>;

const flushers = new Set<Flush>();

export function registerFlush(flush: Flush): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

export async function flushAll(): Promise<void> {
  await Promise.allSettled([...flushers].map((flush) => flush()));
}
