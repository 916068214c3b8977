import { createContext, useContext } from 'react';

export interface FaultSettings {
  latencyMs: number;
  failureRate: number;
}

/** What the embedded fake m3ter lets the UI do; null in live mode. Handed over by main.tsx. */
export interface DemoControls {
  /** Settles once the seed is stored (every tab then sees it). */
  reset(): Promise<void>;
  getFaults(): FaultSettings;
  setFaults(settings: FaultSettings): void;
}

export const DemoControlsContext = createContext<DemoControls | null>(null);

export function useDemoControls(): DemoControls | null {
  return useContext(DemoControlsContext);
}
