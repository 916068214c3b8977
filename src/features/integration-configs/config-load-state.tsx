import type { IntegrationConfig } from '../../api';
import type { QueryStateProps } from '../../components/query-state';
import { ButtonLink } from '../../components/router-links';

/** How the config pages say their config is loading, gone or failed to load. */
export const CONFIG_LOAD_STATE = {
  what: 'this configuration',
  notFound: {
    title: 'This configuration does not exist',
    body: 'It may have been deleted, or the link is wrong.',
    action: <ButtonLink to="/configs">Back to the list</ButtonLink>,
  },
} satisfies Partial<QueryStateProps<IntegrationConfig>>;
