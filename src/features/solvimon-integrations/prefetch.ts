import type { solvimonQueries } from '../../queries/solvimon-integrations';

/**
 * For the Solvimon routes' loaders: starts queries without putting Solvimon's query module (and with
 * it Solvimon's API and schemas) in the entry chunk, which every page loads; it comes with the first
 * Solvimon page instead. Never awaited; a failure is the page's own query's to show.
 */
export function prefetchSolvimon(
  start: (queries: typeof solvimonQueries) => Promise<unknown>,
): void {
  import('../../queries/solvimon-integrations')
    .then(({ solvimonQueries: queries }) => start(queries))
    .catch(() => {
      // The page imports the same module and says so if it cannot.
    });
}
