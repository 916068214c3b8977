import { describe, expect, it } from 'vitest';
import type { M3terEvent } from '../../api';
import { eventsPerDay, unactionedCounts } from './event-figures';

const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const HOUR = 3_600_000;

function event(name: string, hoursAgo: number, actioned = false): M3terEvent {
  return {
    id: `${name}-${hoursAgo}`,
    eventName: name,
    eventTime: new Date(NOW - hoursAgo * HOUR).toISOString(),
    ...(actioned ? { dtActioned: new Date(NOW).toISOString() } : {}),
    m3terEvent: {},
  };
}

describe('unactionedCounts', () => {
  it('counts unactioned events per name over 24 hours and 7 days, leaving out actioned ones', () => {
    const rows = unactionedCounts(
      [
        event('integration.perform.error', 2),
        event('integration.perform.error', 30),
        event('integration.perform.error', 3, true),
        event('integration.authentication.error', 24 * 8),
        event('billing.bill.created', 1),
      ],
      NOW,
    );
    expect(rows.find((r) => r.name === 'integration.perform.error')).toMatchObject({
      last24h: 1,
      last7d: 2,
    });
    expect(rows.find((r) => r.name === 'integration.authentication.error')).toMatchObject({
      last24h: 0,
      last7d: 0,
    });
    expect(rows).toHaveLength(5);
  });
});

describe('eventsPerDay', () => {
  it('buckets every known event per UTC day, oldest day first, including actioned ones', () => {
    const days = eventsPerDay(
      [
        event('integration.perform.error', 1),
        event('integration.perform.error', 2, true),
        event('integration.disabled.error', 13),
        event('integration.validation.error', 24 * 20),
      ],
      NOW,
      14,
    );
    expect(days).toHaveLength(14);
    expect(days.at(-1)).toMatchObject({ day: '2026-11-20', total: 2 });
    expect(days.at(-1)?.counts['integration.perform.error']).toBe(2);
    expect(days.at(-2)).toMatchObject({ day: '2026-11-19', total: 1 });
    expect(days[0]?.day).toBe('2026-11-07');
    expect(days.reduce((sum, d) => sum + d.total, 0)).toBe(3);
  });
});
