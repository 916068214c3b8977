import { describe, expect, it } from 'vitest';
import { formatCount } from './count';

describe('formatCount', () => {
  it('groups thousands as English does', () => {
    for (const n of [0, 7, 999, 1000, 6338, 20000, 123456, 1234567, 10000000, -4200]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en'));
    }
  });

  it('leaves what is not a whole count to Intl', () => {
    expect(formatCount(1234.5)).toBe('1,234.5');
  });
});
