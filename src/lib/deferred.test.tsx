/** What a screen shows later on purpose: only after its first rows are painted, or once nothing loads. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAfterPaint, useWhenSettled } from './deferred';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useAfterPaint', () => {
  it('stays false while its condition is false, then turns true a frame later, for good', async () => {
    const { result, rerender } = renderHook(({ when }) => useAfterPaint(when), {
      initialProps: { when: false },
    });
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(result.current).toBe(false);
    rerender({ when: true });
    expect(result.current).toBe(false);
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(result.current).toBe(true);
    rerender({ when: false });
    expect(result.current).toBe(true);
  });
});

describe('useWhenSettled', () => {
  function wrapperWith(client: QueryClient) {
    return ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
  }

  it('waits while a query loads, and comes once none does', async () => {
    const client = new QueryClient();
    let answer: (value: string) => void = () => {};
    void client.fetchQuery({
      queryKey: ['slow'],
      queryFn: () => new Promise<string>((resolve) => (answer = resolve)),
    });
    const { result } = renderHook(() => useWhenSettled(), { wrapper: wrapperWith(client) });
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(result.current).toBe(false);
    await act(async () => {
      answer('done');
      await vi.advanceTimersByTimeAsync(500);
    });
    expect(result.current).toBe(true);
  });

  it('comes after 3 s however busy the app stays', async () => {
    const client = new QueryClient();
    void client.fetchQuery({ queryKey: ['never'], queryFn: () => new Promise<string>(() => {}) });
    const { result } = renderHook(() => useWhenSettled(), { wrapper: wrapperWith(client) });
    await act(() => vi.advanceTimersByTimeAsync(2900));
    expect(result.current).toBe(false);
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(result.current).toBe(true);
  });
});
