/** Solvimon's typed API module (docs/solvimon-api.md; docs/architecture.md §3, §11). */
export * from './enums';
export * from './errors';
export * from './http';
export * from './integrations';
export * from './schemas';
export * from './revision';
export * from './secrets';
