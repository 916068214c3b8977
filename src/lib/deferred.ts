import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/**
 * False until `when` has been true and the browser has painted a frame since: for what a screen
 * shows later on purpose (code that the first rows do not need), so that it neither delays nor
 * competes with that first paint. Stays true once it is.
 */
export function useAfterPaint(when: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!when || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // An animation frame runs just before the paint; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [when, painted]);
  return painted;
}

/**
 * False until no query is loading and the browser is idle (or 3 s have passed): for what nobody waits
 * for on a first screen (the toast container, live mode's connection check), so that it neither
 * loads nor runs while that screen's data and rows are coming in. Stays true once it is.
 */
export function useWhenSettled(): boolean {
  const fetching = useIsFetching();
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (settled || fetching > 0) return;
    // A query that starts in the meantime cancels this (the effect runs again with it).
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(() => setSettled(true), { timeout: 3000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(() => setSettled(true), 200);
    return () => clearTimeout(timer);
  }, [settled, fetching]);
  useEffect(() => {
    // However busy the app stays (auto-refresh, a long "Load all"), it comes eventually.
    const timer = setTimeout(() => setSettled(true), 3000);
    return () => clearTimeout(timer);
  }, []);
  return settled;
}
