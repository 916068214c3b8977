export * from './common';
export * from './integration-config';
export * from './integration-run';
export * from './external-mapping';
export * from './integration-event';
export * from './bill';
export * from './webhook-destination';
