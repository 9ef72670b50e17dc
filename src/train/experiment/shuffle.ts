/** Seeded Fisher-Yates shuffle. */
import type { Rng } from '../../core/rng.ts';

/** Shuffles `items` in place with `rng` (every order equally likely, up to 2^-32 bias) and returns it. */
export function shuffleInPlace<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}
