/**
 * What the embedded fake m3ter lets the UI do. main.tsx receives it from startDemoBackend() and
 * hands it to the app, so nothing but main.tsx imports the mocks at runtime.
 */

/** Opt-in chaos for the demo: added latency, and a share of requests answered 500/503/429. */
export interface FaultSettings {
  /** Added to every response, in milliseconds (0..10,000). */
  latencyMs: number;
  /** Share of requests that fail, 0..1. */
  failureRate: number;
}

export interface DemoControls {
  /** Reseeds the demo data (in every tab sharing this browser's storage). */
  reset(): Promise<void>;
  getFaults(): FaultSettings;
  setFaults(settings: FaultSettings): void;
}

export const FAULTS_OFF: Readonly<FaultSettings> = Object.freeze({ latencyMs: 0, failureRate: 0 });

/** Clamps anything (including a hand-edited localStorage value) into a valid setting. */
export function normalizeFaults(value: unknown): FaultSettings {
  if (typeof value !== 'object' || value === null) return { ...FAULTS_OFF };
  const v = value as Partial<Record<keyof FaultSettings, unknown>>;
  const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
  return {
    latencyMs: Math.min(10_000, Math.max(0, Math.round(num(v.latencyMs)))),
    failureRate: Math.min(1, Math.max(0, num(v.failureRate))),
  };
}
