/** Parameter description types of the one typed schema, and compact constructors for them. */

/** A numeric parameter's description. */
export interface NumberSpec {
  kind: 'number';
  key: string;
  group: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  step: number;
  integer?: boolean;
  help: string;
}
/** A parameter that takes one of a few named values. */
export interface ChoiceSpec {
  kind: 'choice';
  key: string;
  group: string;
  label: string;
  unit: string;
  options: readonly string[];
  help: string;
}
/** An on/off parameter. */
export interface SwitchSpec {
  kind: 'switch';
  key: string;
  group: string;
  label: string;
  unit: string;
  help: string;
}
/** Any parameter's description. */
export type ParamSpec = NumberSpec | ChoiceSpec | SwitchSpec;

/** A number spec: key, group, label, unit, [min, max] by step, help; `integer` for whole numbers. */
export function num(
  key: string,
  group: string,
  label: string,
  unit: string,
  [min, max, step]: [number, number, number],
  help: string,
  integer = false,
): NumberSpec {
  return { kind: 'number', key, group, label, unit, min, max, step, help, ...(integer ? { integer } : {}) };
}

/** A choice spec. */
export function choice(
  key: string,
  group: string,
  label: string,
  unit: string,
  options: readonly string[],
  help: string,
): ChoiceSpec {
  return { kind: 'choice', key, group, label, unit, options, help };
}

/** A switch spec. */
export function toggle(key: string, group: string, label: string, help: string): SwitchSpec {
  return { kind: 'switch', key, group, label, unit: '', help };
}
