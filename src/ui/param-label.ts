/** Labels and element ids of parameter controls, derived from the schema. */
import type { ParamSpec } from '../synth/index.ts';

/** The visible label of a parameter with its unit, e.g. "R amplitude (mV)". */
export function paramLabel(spec: Pick<ParamSpec, 'label' | 'unit'>): string {
  return spec.unit ? `${spec.label} (${spec.unit})` : spec.label;
}

/** The element id of a parameter's control part (`part` '' for the main control). */
export function paramControlId(key: string, part = ''): string {
  return part ? `param-${key}-${part}` : `param-${key}`;
}

/** A number as the controls show it (shortest round-trip form). */
export function formatNumber(value: number): string {
  return String(value);
}
