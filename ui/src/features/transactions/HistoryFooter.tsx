// biome-ignore-all lint/a11y/useSemanticElements: the history is a virtualized ARIA grid of absolutely positioned rows; table elements would need their table layout undone, and their semantics come from the explicit roles either way.
// biome-ignore-all lint/a11y/useFocusableInteractive: rows take the focus in this grid (one tab stop, roving tabindex on the rows), so its cells are not focusable by design.
import type { ReactNode } from "react";
import { useIntl } from "react-intl";
import { Spinner } from "../../components/Spinner";
import {
  describeSyncFailure,
  FAILURE_ACTION_MESSAGE,
  type SyncTask,
  syncNeedsReconnect,
} from "../../errors/errorText";
import { useT } from "../../i18n/useT";
import type { CommandError } from "../../ipc";
import { GRID_COLUMNS, type GridRowProps } from "./gridRow";

/** What the list says below its last loaded row: more on their way, why they did not come
 * (`task`: what was being loaded), or the end in the list's own words. */
export type FooterState =
  | { kind: "loading" }
  | { kind: "failed"; failure: CommandError; task: SyncTask }
  | { kind: "end"; text: string };

/** What Enter on the footer does: the failure's way forward, else nothing. */
type FooterAction = "retry" | "reconnect" | null;

export function footerAction(state: FooterState): FooterAction {
  if (state.kind !== "failed") {
    return null;
  }
  return syncNeedsReconnect(state.failure) ? "reconnect" : "retry";
}

/** The last row of the list: older entries on their way, why they did not come (the rows above
 * stay), or the end (the start of the history, the last match). One row element whatever it says, so a focused footer
 * keeps the focus when its state changes (Enter on a failure: it turns into loading). */
export function HistoryFooter({
  state,
  row,
  onRetry,
  onReconnect,
}: {
  state: FooterState;
  row: GridRowProps;
  onRetry: () => void;
  onReconnect: () => void;
}) {
  const t = useT();
  const testId = { loading: "history-loading", failed: "history-error", end: "history-end" }[
    state.kind
  ];
  let cell: ReactNode;
  switch (state.kind) {
    case "loading":
      cell = (
        <div role="gridcell" aria-colspan={GRID_COLUMNS} className="history-footer">
          <Spinner />
          <span role="status">{t("transactions.loadingOlder")}</span>
        </div>
      );
      break;
    case "failed":
      cell = (
        <FailedCell
          failure={state.failure}
          task={state.task}
          onRetry={onRetry}
          onReconnect={onReconnect}
        />
      );
      break;
    case "end":
      cell = (
        <div role="gridcell" aria-colspan={GRID_COLUMNS} className="history-footer history-end">
          {state.text}
        </div>
      );
      break;
  }
  return (
    <div role="row" className="history-row" data-testid={testId} {...row}>
      {cell}
    </div>
  );
}

function FailedCell({
  failure,
  task,
  onRetry,
  onReconnect,
}: {
  failure: CommandError;
  task: SyncTask;
  onRetry: () => void;
  onReconnect: () => void;
}) {
  const t = useT();
  const intl = useIntl();
  const text = describeSyncFailure(intl, failure, task);
  return (
    <div role="gridcell" aria-colspan={GRID_COLUMNS} className="history-footer history-error">
      <div role="alert" className="history-error-text">
        <span className="history-error-headline">{text.headline}</span>
        <span className="history-error-detail" title={text.detail ?? undefined}>
          {[text.retryHint, text.detail].filter(Boolean).join(" · ")}
        </span>
      </div>
      {text.reconnect && (
        <button type="button" className="button small" onClick={onReconnect}>
          {t(FAILURE_ACTION_MESSAGE.reconnect)}
        </button>
      )}
      <button type="button" className="button small" onClick={onRetry}>
        {t(FAILURE_ACTION_MESSAGE.retry)}
      </button>
    </div>
  );
}
