import { useEffect } from 'react';

const APP_NAME = 'm3ter integrations console';

/** The browser tab's title for this page, e.g. "Runs for Bill 3f2a6c1e · m3ter integrations console". */
function pageTitle(title: string): string {
  return `${title} · ${APP_NAME}`;
}

/**
 * Names the page in the browser tab and history (WCAG 2.4.2), so tabs and Back entries can be told
 * apart. Each route sets its own; the last one rendered wins.
 */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = pageTitle(title);
  }, [title]);
}
