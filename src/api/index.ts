export * from './schemas';
export * from './errors';
export * from './describe-error';
export * from './http';
export * from './pagination';
export * from './configs';
export * from './runs';
export * from './mappings';
