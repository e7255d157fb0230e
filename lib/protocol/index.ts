export * from './version';
export * from './errors';
export * from './closeCodes';
export * from './http';
export * from './events';
export * from './cohosts';
export * from './boardDoc';
export type { Metrics } from './metrics';
export * from './ackTimeout';
export * from './pauseAndNote';

export * from './roomMoments';
