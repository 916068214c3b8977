import { http } from 'msw';
import { server } from '../mocks/node';

/** A gate requests wait at until `release()`. */
function gate(): { held: Promise<void>; release: () => void } {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { held, release };
}

/**
 * Every GET of `url` waits until `release()`, then falls through to the fake m3ter. Shows a screen while
 * a read is in flight (busy buttons, loading states), then what follows.
 */
export function holdReads(url: string): { release: () => void } {
  const { held, release } = gate();
  server.use(
    http.get(url, async () => {
      await held;
      return undefined;
    }),
  );
  return { release };
}

/**
 * The first GET of `url` fails with `failure`; the next ones wait until `release()` and then fall
 * through to the fake m3ter. Shows the screen while a first load is being retried, then the recovery.
 */
export function failFirstReadThenHold(
  url: string,
  failure: () => Response,
): { release: () => void } {
  let attempts = 0;
  const { held, release } = gate();
  server.use(
    http.get(url, async () => {
      attempts += 1;
      if (attempts === 1) return failure();
      await held;
      return undefined;
    }),
  );
  return { release };
}
