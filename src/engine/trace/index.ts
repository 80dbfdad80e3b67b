/** The trace: writing entries (emit.ts) and the one query layer over it (query.ts, fates, outcome). */
export * from './emit';
export * from './fates';
export * from './outcome';
export * from './query';
