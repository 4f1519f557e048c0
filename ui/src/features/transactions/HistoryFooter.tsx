import type { CSSProperties } from "react";
import { Spinner } from "../../components/Spinner";
import { describeSyncFailure, FAILURE_ACTION_LABEL } from "../../errors/errorText";
import type { CommandError } from "../../ipc";

/** What the list says below its last loaded row. */
export type FooterState =
  | { kind: "loading" }
  | { kind: "failed"; failure: CommandError }
  | { kind: "end"; complete: boolean };

/** The last line of the list: older entries on their way, why they did not come (the rows above
 * stay), or the start of the history. */
export function HistoryFooter({
  state,
  style,
  onRetry,
  onReconnect,
}: {
  state: FooterState;
  style: CSSProperties;
  onRetry: () => void;
  onReconnect: () => void;
}) {
  switch (state.kind) {
    case "loading":
      return (
        <div className="history-footer" data-testid="history-loading" role="status" style={style}>
          <Spinner /> Loading older transactions…
        </div>
      );
    case "failed":
      return (
        <FailedFooter
          failure={state.failure}
          style={style}
          onRetry={onRetry}
          onReconnect={onReconnect}
        />
      );
    case "end":
      return (
        <div className="history-footer history-end" data-testid="history-end" style={style}>
          {state.complete ? "Start of history" : "Your bank offers no older transactions"}
        </div>
      );
  }
}

function FailedFooter({
  failure,
  style,
  onRetry,
  onReconnect,
}: {
  failure: CommandError;
  style: CSSProperties;
  onRetry: () => void;
  onReconnect: () => void;
}) {
  const text = describeSyncFailure(failure, "loadOlderHistory");
  return (
    <div className="history-footer history-error" data-testid="history-error" style={style}>
      <div role="alert" className="history-error-text">
        <span className="history-error-headline">{text.headline}</span>
        <span className="history-error-detail" title={text.detail ?? undefined}>
          {[text.retryHint, text.detail].filter(Boolean).join(" · ")}
        </span>
      </div>
      {text.reconnect && (
        <button type="button" className="button small" onClick={onReconnect}>
          {FAILURE_ACTION_LABEL.reconnect}
        </button>
      )}
      <button type="button" className="button small" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
