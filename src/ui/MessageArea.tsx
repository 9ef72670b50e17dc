/** Errors (role="alert") and notices (role="status"), each dismissible. */
import { useStudio } from '../state/use-studio.ts';
import { clearMessage } from '../state/messages-actions.ts';
import type { UiMessage } from '../state/studio-store.ts';

function MessageList({ messages }: { messages: UiMessage[] }) {
  return messages.map((m) => (
    <p key={m.source} className={`message message-${m.kind}`} data-source={m.source}>
      <span>{m.text}</span>
      <button
        type="button"
        className="dismiss"
        aria-label="Dismiss message"
        onClick={() => clearMessage(m.source)}
      >
        ×
      </button>
    </p>
  ));
}

/** The message area below the header. */
export function MessageArea() {
  const messages = useStudio((s) => s.messages);
  return (
    <div className="messages">
      <div role="alert" className="alerts" data-testid="error-area">
        <MessageList messages={messages.filter((m) => m.kind === 'error')} />
      </div>
      <div role="status" className="notices" data-testid="notice-area">
        <MessageList messages={messages.filter((m) => m.kind === 'info')} />
      </div>
    </div>
  );
}
