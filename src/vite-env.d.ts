/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_M3TER_MODE: string;
  readonly VITE_API_BASE: string;
  readonly VITE_ORG_ID: string;
  /** 'demo' | 'live' | 'off'; optional so that src/env.ts can apply its default outside Vite. */
  readonly VITE_SOLVIMON_MODE?: string;
  readonly VITE_SOLVIMON_API_BASE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
