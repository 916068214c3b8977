import { http } from 'msw';
import { server } from '../mocks/node';

/**
 * The first GET of `url` fails with `failure`; the next ones wait until `release()` and then fall
 * through to the fake m3ter. Shows the screen while a first load is being retried, then the recovery.
 */
export function failFirstReadThenHold(
  url: string,
  failure: () => Response,
): { release: () => void } {
  let attempts = 0;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.use(
    http.get(url, async () => {
      attempts += 1;
      if (attempts === 1) return failure();
      await released;
      return undefined;
    }),
  );
  return { release };
}
