/*
 * What the sync server (the ADSync module, real or lab) tells the app, one zod schema per fact, defined
 * here, where the operations module's answers are validated, and used as they are downstream.
 */
export * from './connectors';
export * from './distinguished-name';
export * from './forest';
export * from './groups';
export * from './native-wizard';
export * from './objects';
export * from './ps-values';
export * from './run-history';
export * from './scheduler';
export * from './server-state';
export * from './settings';
export * from './sync-rules';
