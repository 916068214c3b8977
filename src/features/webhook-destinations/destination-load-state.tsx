import type { WebhookDestination } from '../../api';
import type { QueryStateProps } from '../../components/query-state';
import { ButtonLink } from '../../components/router-links';

/** How the destination pages say theirs is loading, gone or failed to load. */
export const DESTINATION_LOAD_STATE = {
  what: 'this webhook destination',
  notFound: {
    title: 'This webhook destination does not exist',
    body: 'It may have been deleted, or the link is wrong.',
    action: <ButtonLink to="/destinations/webhooks">Back to the list</ButtonLink>,
  },
} satisfies Partial<QueryStateProps<WebhookDestination>>;
