/**
 * The rule that labels each window, written as text the user can read and change: steps separated by
 * commas, tried in order, the first that gives a class wins.
 *
 * - `rhythm-majority:F` — the class whose rhythm episodes cover at least the fraction F (0.5-1) of the
 *   window (episodes of labels mapping to the same class add up; see rhythm-classes.ts);
 * - `contains-beat:V=pvc` — the class after `=` when the window holds at least one beat with one of the
 *   symbols before it (several as `V|E`);
 * - `record` — the record-level label (REFERENCE.csv, `#Dx:` codes, or given by hand).
 *
 * The default, `rhythm-majority:0.8,record`, labels annotated records by their rhythm and others by
 * their record label. A window no step labels is skipped with the reasons of every step.
 */
import { isClassName, type ClassName } from '../core/units.ts';

/** One step of a label rule. */
export type LabelRuleStep =
  | { kind: 'rhythm-majority'; minFraction: number }
  | { kind: 'contains-beat'; symbols: string[]; className: ClassName }
  | { kind: 'record' };

/** A label rule: its steps in the order they are tried. */
export type LabelRule = LabelRuleStep[];

/** The rule used when none is given. */
export const DEFAULT_LABEL_RULE = 'rhythm-majority:0.8,record';

function parseStep(text: string): LabelRuleStep {
  const t = text.trim();
  if (t === 'record') return { kind: 'record' };
  const majority = /^rhythm-majority(?::(.*))?$/.exec(t);
  if (majority !== null) {
    const f = majority[1] === undefined ? 0.8 : Number(majority[1]);
    if (!(f >= 0.5 && f <= 1) || majority[1]?.trim() === '') {
      throw new RangeError(`"${t}": the fraction must be a number from 0.5 to 1`);
    }
    return { kind: 'rhythm-majority', minFraction: f };
  }
  const beat = /^contains-beat:([^=]+)=(.+)$/.exec(t);
  if (beat !== null) {
    const symbols = beat[1].split('|').map((s) => s.trim());
    const cls = beat[2].trim();
    if (symbols.some((s) => s === '')) throw new RangeError(`"${t}": empty beat symbol`);
    if (!isClassName(cls)) throw new RangeError(`"${t}": "${cls}" is not one of nsr|af|afl|pvc|wpw`);
    return { kind: 'contains-beat', symbols, className: cls };
  }
  throw new RangeError(
    `"${t}": unknown step (expected rhythm-majority:F, contains-beat:SYMBOLS=CLASS or record)`,
  );
}

/** Parse a rule such as `contains-beat:V=pvc,rhythm-majority:0.8`; throws RangeError naming a bad step. */
export function parseLabelRule(text: string): LabelRule {
  const steps = text.split(',').filter((s) => s.trim() !== '');
  if (steps.length === 0) throw new RangeError('the label rule is empty');
  return steps.map(parseStep);
}

/** The text of a rule (parses back to the same rule). */
export function formatLabelRule(rule: LabelRule): string {
  return rule
    .map((s) =>
      s.kind === 'record'
        ? 'record'
        : s.kind === 'rhythm-majority'
          ? `rhythm-majority:${s.minFraction}`
          : `contains-beat:${s.symbols.join('|')}=${s.className}`,
    )
    .join(',');
}
