/** The record seed: a number box (with inline validation) and a "New seed" button. */
import { newSeed } from '../state/params-actions.ts';
import { paramSpec, type NumberSpec } from '../synth/index.ts';
import { NumberBox } from './NumberBox.tsx';
import { paramControlId } from './param-label.ts';

const SEED_SPEC = paramSpec('seed') as NumberSpec;

/** Seed box and new-seed button. */
export function SeedBox() {
  const id = paramControlId('seed');
  return (
    <div className="toolbar-group seed-box">
      <label htmlFor={id}>Seed</label>
      <NumberBox spec={SEED_SPEC} id={id} ariaLabel="Seed" />
      <button type="button" onClick={newSeed}>
        New seed
      </button>
    </div>
  );
}
