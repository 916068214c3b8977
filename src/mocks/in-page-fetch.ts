/**
 * The demo backend answers in the page: a fetch that resolves requests with the MSW handlers
 * (`getResponse`) and passes anything they do not match to the network. No service worker: asset
 * requests never wait for it, and an API call costs what the handler costs.
 */
import { getResponse, type RequestHandler } from 'msw';

export function createInPageFetch(
  handlers: readonly RequestHandler[],
  network: typeof fetch,
): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const { signal } = request;
    signal.throwIfAborted();
    const answered = await untilAborted(getResponse([...handlers], request), signal);
    return answered ?? network(input, init);
  };
}

/** The handler's answer, or the signal's reason as soon as it aborts (a timeout, a caller abort). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
