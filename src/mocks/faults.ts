/**
 * The latency and fault switch. Off by default; in the browser the setting is kept in localStorage
 * so it survives a reload (and is per browser, like the demo data).
 */
import { FAULTS_OFF, normalizeFaults, type FaultSettings } from './demo-controls';
import type { Persistence } from './persistence';

export interface FaultSwitch {
  get(): FaultSettings;
  set(settings: FaultSettings): void;
  reset(): void;
}

export function createFaultSwitch(persistence?: Persistence): FaultSwitch {
  let memory: FaultSettings = { ...FAULTS_OFF };
  return {
    get() {
      if (!persistence) return { ...memory };
      const raw = persistence.read();
      if (raw === null) return { ...FAULTS_OFF };
      try {
        return normalizeFaults(JSON.parse(raw));
      } catch {
        return { ...FAULTS_OFF };
      }
    },
    set(settings) {
      const next = normalizeFaults(settings);
      memory = next;
      persistence?.write(JSON.stringify(next));
    },
    reset() {
      memory = { ...FAULTS_OFF };
      persistence?.clear();
    },
  };
}

export interface InjectedFault {
  status: 500 | 503 | 429;
  message: string;
}

const FAULTS: readonly InjectedFault[] = [
  { status: 500, message: 'Internal server error (simulated by the demo fault switch)' },
  { status: 503, message: 'Service temporarily unavailable (simulated by the demo fault switch)' },
  { status: 429, message: 'Too many requests (simulated by the demo fault switch)' },
];

/** Decides whether this request fails; `random` is injectable so tests can force an outcome. */
export function drawFault(
  settings: FaultSettings,
  random: () => number = Math.random,
): InjectedFault | undefined {
  if (settings.failureRate <= 0 || random() >= settings.failureRate) return undefined;
  return FAULTS[Math.floor(random() * FAULTS.length)] ?? FAULTS[0];
}
