/**
 * Table sine for waveforms evaluated at every sample (atrial activity): sin(2π·turns) from a 4096-entry
 * table with linear interpolation (error < 3·10⁻⁷), for any finite `turns`.
 */
import { detSin } from './det-math.ts';
const SIZE = 4096;
const TABLE = new Float64Array(SIZE + 1);
for (let i = 0; i <= SIZE; i++) TABLE[i] = detSin((2 * Math.PI * i) / SIZE);

/** sin(2π·turns). */
export function sinTurns(turns: number): number {
  const x = (turns - Math.floor(turns)) * SIZE;
  const i = x | 0;
  const a = TABLE[i];
  return a + (TABLE[i + 1] - a) * (x - i);
}
