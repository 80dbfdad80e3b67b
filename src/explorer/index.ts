/**
 * The parameter explorer, framework-free: axes, cells, the matrix, CSV, links, the worker client
 * and the benchmark. The React view lives in src/ui/explorer; the CLI in src/cli/matrix.ts.
 * For tools and tests: this index includes ./run (the engine). Page code imports the modules it
 * needs, so that only the worker loads the engine.
 */
export * from './axes';
export { type MatrixBenchResult, matrixBenchmark } from './bench';
export * from './cell';
export * from './client';
export * from './csv';
export { createInProcessRunner, type InProcessOptions } from './inprocess';
export * from './link';
export * from './matrix';
export * from './present';
export type { FromWorker, ToWorker } from './protocol';
export * from './run';
