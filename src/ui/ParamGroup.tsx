/**
 * One collapsible section of the parameter panel. Sections of one rhythm class (all keys prefixed by
 * the class name, e.g. `afRateBpm` for class `af`) open when that class is chosen and close when
 * another is; the user can still open or close any section.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useStudio } from '../state/use-studio.ts';

/** Props of `ParamGroup`. */
export interface ParamGroupProps {
  /** Section title (the specs' `group`). */
  title: string;
  /** The rhythm class this section belongs to, or null when it applies to every class. */
  forClass: string | null;
  children: ReactNode;
}

/** A `<details>` section whose open state follows the chosen class. */
export function ParamGroup({ title, forClass, children }: ParamGroupProps) {
  const chosenClass = useStudio((s) => (forClass === null ? null : String(s.params.className)));
  const [open, setOpen] = useState(forClass === null || chosenClass === forClass);

  useEffect(() => {
    if (forClass !== null) setOpen(chosenClass === forClass);
  }, [chosenClass, forClass]);

  return (
    <details className="param-group" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {title}
        {forClass !== null && <span className="group-class"> (class {forClass})</span>}
      </summary>
      <div className="param-group-body">{children}</div>
    </details>
  );
}
