/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_M3TER_MODE: string;
  readonly VITE_API_BASE: string;
  readonly VITE_ORG_ID: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
