// The app API contract: methods, events, envelope and the shapes they carry.

export * from './bridge.ts';
export * from './contract.ts';
export type * from './domain.ts';
export * from './envelope.ts';
export * from './events.ts';
export type * from './views.ts';
