/**
 * One collapsible section of the parameter panel. Sections of one rhythm class (all keys prefixed by
 * the class name, e.g. `afRateBpm` for class `af`) are shown, open, only while that class is chosen;
 * the other classes' sections are hidden so the panel lists just what shapes the record on screen. The
 * user can still open or close any shown section.
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

/** A `<details>` section, shown only for its class (if it has one). */
export function ParamGroup({ title, forClass, children }: ParamGroupProps) {
  const chosenClass = useStudio((s) => (forClass === null ? null : String(s.params.className)));
  const active = forClass === null || chosenClass === forClass;
  const [open, setOpen] = useState(true);

  // Choosing a class opens its section again.
  useEffect(() => {
    if (forClass !== null && chosenClass === forClass) setOpen(true);
  }, [chosenClass, forClass]);

  if (!active) return null;
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
