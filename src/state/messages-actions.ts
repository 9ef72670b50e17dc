/** Actions on the store's messages: one message per source, replaced or cleared by later events. */
import { studioStore, type MessageSource } from './studio-store.ts';

/** Show `text` as an error of `source` (replacing that source's previous message). */
export function reportError(source: MessageSource, text: string): void {
  setMessage(source, 'error', text);
}

/** Show `text` as an information of `source` (replacing that source's previous message). */
export function reportInfo(source: MessageSource, text: string): void {
  setMessage(source, 'info', text);
}

/** Remove the message of `source`, if any. */
export function clearMessage(source: MessageSource): void {
  const { messages } = studioStore.getState();
  if (messages.some((m) => m.source === source)) {
    studioStore.setState({ messages: messages.filter((m) => m.source !== source) });
  }
}

function setMessage(source: MessageSource, kind: 'error' | 'info', text: string): void {
  const others = studioStore.getState().messages.filter((m) => m.source !== source);
  studioStore.setState({ messages: [...others, { source, kind, text }] });
}
