/** The five class names, one vocabulary in code, CLI, files and UI. */
export const CLASS_NAMES = ['nsr', 'af', 'afl', 'pvc', 'wpw'] as const;

/** A class name: `nsr` (normal sinus rhythm), `af`, `afl` (atrial flutter), `pvc`, `wpw`. */
export type ClassName = (typeof CLASS_NAMES)[number];

/** Whether `text` is one of the five class names. */
export function isClassName(text: string): text is ClassName {
  return (CLASS_NAMES as readonly string[]).includes(text);
}
