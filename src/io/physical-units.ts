/**
 * Millivolts per one of `units` for the voltage units real files use (`mV`, `uV`, `µV`, `V`, `nV`, any
 * letter case, so `mv` too); undefined for any other unit (`mmHg`, `NU`, ...), whose values stay in
 * their own unit.
 */
export function mvPerUnit(units: string): number | undefined {
  const u = units.trim().toLowerCase().replace(/^μ|^µ/, 'u');
  switch (u) {
    case 'mv':
      return 1;
    case 'uv':
      return 1e-3;
    case 'nv':
      return 1e-6;
    case 'v':
      return 1e3;
    default:
      return undefined;
  }
}
