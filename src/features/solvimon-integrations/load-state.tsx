import type { SolvimonIntegration } from '../../api/solvimon';
import type { QueryStateProps } from '../../components/query-state';
import { ButtonLink } from '../../components/router-links';

/** How the Solvimon integration pages say their integration is loading or gone, and the way back. */
export const SOLVIMON_LOAD_STATE = {
  what: 'this integration',
  notFound: {
    title: 'This integration does not exist',
    body: 'It may have been deleted in Solvimon, or the link is wrong.',
    action: <ButtonLink to="/solvimon/integrations">Back to the list</ButtonLink>,
  },
} satisfies Partial<QueryStateProps<SolvimonIntegration>>;
