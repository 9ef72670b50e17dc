/** Report a failed plot paint in the studio's message area. */
import { reportError } from '../../state/messages-actions.ts';

/** Show `err` as a plot error naming `plotName`. */
export function reportPlotError(plotName: string, err: unknown): void {
  reportError('plot', `Could not draw the ${plotName}: ${err instanceof Error ? err.message : String(err)}`);
}
