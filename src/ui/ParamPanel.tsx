/**
 * The parameter panel, generated from PARAM_SPECS: one collapsible section per `group`, in schema
 * order. The panel itself subscribes to nothing; each control subscribes to its own parameter, so a
 * slider move re-renders one control, not the panel. The seed lives in the header's seed box.
 */
import { memo } from 'react';
import { PARAM_SPECS, paramSpec, type ParamSpec } from '../synth/index.ts';
import { ChoiceControl } from './ChoiceControl.tsx';
import { NumberControl } from './NumberControl.tsx';
import { ParamGroup } from './ParamGroup.tsx';
import { SwitchControl } from './SwitchControl.tsx';

/** Parameters shown elsewhere than in the panel. */
const NOT_IN_PANEL = new Set(['seed']);

/** The rhythm classes of the `className` choice (none if the schema has no such choice). */
function rhythmClasses(): readonly string[] {
  const spec = paramSpec('className');
  return spec?.kind === 'choice' ? spec.options : [];
}

/** The class whose name prefixes every key of `specs` (`af` for `afRateBpm`, …), or null. */
function classOf(specs: readonly ParamSpec[], classes: readonly string[]): string | null {
  return classes.find((c) => specs.every((s) => new RegExp(`^${c}[A-Z]`).test(s.key))) ?? null;
}

function groupSpecs(
  specs: readonly ParamSpec[],
): { title: string; specs: ParamSpec[]; forClass: string | null }[] {
  const groups = new Map<string, ParamSpec[]>();
  for (const spec of specs) {
    if (NOT_IN_PANEL.has(spec.key)) continue;
    const list = groups.get(spec.group) ?? [];
    list.push(spec);
    groups.set(spec.group, list);
  }
  const classes = rhythmClasses();
  return [...groups].map(([title, list]) => ({ title, specs: list, forClass: classOf(list, classes) }));
}

const GROUPS = groupSpecs(PARAM_SPECS);

function Control({ spec }: { spec: ParamSpec }) {
  if (spec.kind === 'number') return <NumberControl spec={spec} />;
  if (spec.kind === 'choice') return <ChoiceControl spec={spec} />;
  return <SwitchControl spec={spec} />;
}

/** All parameter controls, grouped in collapsible sections. */
export const ParamPanel = memo(function ParamPanel() {
  return (
    <section className="param-panel" aria-label="Synthesis parameters">
      {GROUPS.map(({ title, specs, forClass }) => (
        <ParamGroup key={title} title={title} forClass={forClass}>
          {specs.map((spec) => (
            <Control key={spec.key} spec={spec} />
          ))}
        </ParamGroup>
      ))}
    </section>
  );
});
