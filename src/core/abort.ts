/**
 * The part of the DOM/Node `AbortSignal` that pure modules use (the pure tsconfig has no DOM lib).
 * Every long call takes one, so the UI and the CLI can cancel it.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  /** Throws the signal's reason when aborted. */
  throwIfAborted(): void;
}
