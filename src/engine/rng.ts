/**
 * Seeded PRNG (mulberry32). The state is a plain number kept in the run's state, so the same seed
 * always draws the same values; nothing here reads the wall clock or an unseeded generator.
 */
export interface Rng {
  state: number;
}

export function rngFrom(seed: number): Rng {
  return { state: seed >>> 0 };
}

/** Next 32-bit unsigned value; advances the state in place. */
export function nextU32(rng: Rng): number {
  rng.state = (rng.state + 0x6d2b79f5) >>> 0;
  let z = rng.state;
  z = Math.imul(z ^ (z >>> 15), z | 1);
  z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
  return (z ^ (z >>> 14)) >>> 0;
}

/** Uniform integer in [0, n). */
export function nextInt(rng: Rng, n: number): number {
  return Math.floor((nextU32(rng) / 4294967296) * n);
}
