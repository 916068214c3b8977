import { useEffect, useRef, type RefObject } from 'react';

/**
 * When the last page of a list arrives, its "Load more" buttons go away; if one of them had focus,
 * the browser drops it to <body>. This puts it on the element the returned ref is attached to (the
 * count of what is loaded, where those buttons were), so a keyboard user stays in place.
 */
export function useFocusWhenLoadMoreGoes<T extends HTMLElement>(
  canLoadMore: boolean,
): RefObject<T | null> {
  const target = useRef<T>(null);
  const couldLoadMore = useRef(canLoadMore);
  useEffect(() => {
    const focusDropped = !document.activeElement || document.activeElement === document.body;
    if (couldLoadMore.current && !canLoadMore && focusDropped) target.current?.focus();
    couldLoadMore.current = canLoadMore;
  }, [canLoadMore]);
  return target;
}
