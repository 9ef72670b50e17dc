/** The React binding of the studio store. */
import { useStore } from 'zustand';
import { studioStore, type StudioState } from './studio-store.ts';

/**
 * Subscribe a component to one slice of the store. Select primitives (one parameter, one flag), so a
 * slider move re-renders only the controls whose value changed.
 */
export function useStudio<T>(selector: (state: StudioState) => T): T {
  return useStore(studioStore, selector);
}
