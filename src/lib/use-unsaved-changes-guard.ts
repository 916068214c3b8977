/**
 * Asks before unsaved edits are lost (docs/architecture.md §5): an in-app navigation to another page is held
 * until the user confirms, and closing or reloading the tab triggers the browser's own prompt
 * (`beforeunload`; browsers show their fixed text, not ours).
 *
 * Usage: `const guard = useUnsavedChangesGuard(formState.isDirty)` and render
 * `<UnsavedChangesDialog guard={guard} />` (components/form). Before navigating away on purpose
 * (after a successful save, or "discard"), call `guard.allowNextNavigation()` so the form's own
 * navigation is not blocked while React has not yet re-rendered it as clean.
 */
import { useBlocker } from '@tanstack/react-router';
import { useCallback, useLayoutEffect, useRef } from 'react';

export interface UnsavedChangesGuard {
  /** True while a navigation is held, waiting for the user's answer. */
  blocked: boolean;
  /** Leave anyway: the held navigation continues. */
  proceed: () => void;
  /** Stay on the page: the held navigation is dropped. */
  stay: () => void;
  /** Lets the next navigation through without asking (the page itself navigates after a save). */
  allowNextNavigation: () => void;
}

/**
 * @param dirty whether there are edits that would be lost. Navigations that only change the search
 * string or hash of the same page are never held.
 */
export function useUnsavedChangesGuard(dirty: boolean): UnsavedChangesGuard {
  const dirtyRef = useRef(dirty);
  const bypassRef = useRef(false);
  useLayoutEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  // Stable callbacks reading refs: useBlocker re-registers with the history whenever they change.
  const shouldBlockFn = useCallback(
    ({ current, next }: { current: { pathname: string }; next: { pathname: string } }) => {
      if (bypassRef.current) {
        bypassRef.current = false;
        return false;
      }
      return dirtyRef.current && current.pathname !== next.pathname;
    },
    [],
  );
  const enableBeforeUnload = useCallback(() => dirtyRef.current && !bypassRef.current, []);

  const resolver = useBlocker({ shouldBlockFn, enableBeforeUnload, withResolver: true });

  const allowNextNavigation = useCallback(() => {
    bypassRef.current = true;
  }, []);

  return {
    blocked: resolver.status === 'blocked',
    proceed: () => resolver.proceed?.(),
    stay: () => resolver.reset?.(),
    allowNextNavigation,
  };
}
