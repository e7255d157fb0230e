export * from './version';
export * from './errors';
export * from './closeCodes';
export * from './http';
export * from './events';
export * from './boardDoc';
export type { Metrics } from './metrics';
export * from './ackTimeout';
export * from './roomMoments';
