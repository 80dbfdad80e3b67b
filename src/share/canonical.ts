/** Moved to src/scenario/canonical.ts (the canonical file form is the scenario format's); kept for imports. */
export * from '../scenario/canonical';
