import type { WebhookDestination } from '../../api';
import { filterDestinations, healDestinationListSearch } from './list-search';

describe('webhook destination list search', () => {
  it('keeps q and state, and says what a bad link lost', () => {
    expect(healDestinationListSearch({ q: ' slack ', state: 'INACTIVE' })).toEqual({
      search: { q: 'slack', state: 'inactive' },
      notes: [],
    });
    const healed = healDestinationListSearch({ state: 'paused', page: 3, q: 42 });
    expect(healed.search).toEqual({});
    expect(healed.notes.map((n) => n.param).sort()).toEqual(['page', 'q', 'state']);
  });

  it('filters loaded destinations by state and by name, code, host or id', () => {
    const list: WebhookDestination[] = [
      {
        id: 'a1',
        name: 'Slack relay',
        code: 'slack',
        url: 'https://relay.acme.example.com/x',
        active: true,
      },
      {
        id: 'b2',
        name: 'PagerDuty',
        code: 'pd',
        url: 'https://events.pagerduty.com/y',
        active: false,
      },
    ];
    expect(filterDestinations(list, { state: 'inactive' }).map((d) => d.id)).toEqual(['b2']);
    expect(filterDestinations(list, { q: 'RELAY.acme' }).map((d) => d.id)).toEqual(['a1']);
    expect(filterDestinations(list, { q: 'pd' }).map((d) => d.id)).toEqual(['b2']);
    expect(filterDestinations(list, {})).toHaveLength(2);
  });
});
