export * from './common';
export * from './integration-config';
export * from './integration-run';
export * from './external-mapping';
