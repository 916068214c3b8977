import { useQuery } from '@tanstack/react-query';
import type { IntegrationConfig } from '../../api';
import { configQueries } from '../../queries/configs';

/** The configs that send to a destination (m3ter links them by the config's `destinationId`). */
function configsSendingTo(
  configs: readonly IntegrationConfig[],
  destinationId: string,
): IntegrationConfig[] {
  const id = destinationId.toLowerCase();
  return configs.filter((c) => c.destinationId?.toLowerCase() === id);
}

/** The configs sending to `destinationId`, from the one configs list query. */
export function useSendingConfigs(destinationId: string) {
  const query = useQuery(configQueries.list());
  const items = query.data ? configsSendingTo(query.data.items, destinationId) : undefined;
  return { query, items };
}
