// A request to the endpoint that gives up after `timeoutMs`: `run` gets the signal that
// aborts it (reading the answer's body included), and the timer is cleared however it ends.
export async function withTimeout<T>(
  timeoutMs: number,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await run(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

// The endpoint as typed in Cài đặt, without the slashes it may end with.
export const endpointBase = (endpoint: string) => endpoint.replace(/\/+$/, '');
