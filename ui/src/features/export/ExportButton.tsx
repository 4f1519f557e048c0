import { useState } from "react";
import { useIntl } from "react-intl";
import { describeExportFailure } from "../../errors/errorText";
import { useT } from "../../i18n/useT";
import {
  type ExportFormat,
  type ExportOutcome,
  type SearchQuery,
  type TaskProgress,
  toCommandError,
} from "../../ipc";
import { TaskProgressBar } from "../tasks/TaskProgressBar";
import { useTaskProgress } from "../tasks/useTaskProgress";
import { ExportDialog } from "./ExportDialog";
import { cancelExport, useExport } from "./useExport";

/** "Export…": picks CSV or camt.053, then Rust asks where to save and writes everything `query`
 * matches. While it writes, a progress bar with Cancel; then how it ended, announced politely
 * (a closed save dialog says nothing), or why it failed, as an alert. */
export function ExportButton({ query }: { query: SearchQuery }) {
  const t = useT();
  const intl = useIntl();
  const [choosing, setChoosing] = useState(false);
  const [format, setFormat] = useState<ExportFormat>("csv");
  const run = useExport();
  const progress = useTaskProgress("export", run.isPending);

  const start = (chosen: ExportFormat) => {
    setFormat(chosen);
    setChoosing(false);
    run.mutate({ query, format: chosen });
  };
  const failure = run.isError ? describeExportFailure(intl, toCommandError(run.error)) : null;

  return (
    <div className="export">
      <button
        type="button"
        className="button"
        // Busy, not disabled: the focus comes back here from the dialog and stays.
        aria-disabled={run.isPending || undefined}
        onClick={() => {
          if (!run.isPending) {
            setChoosing(true);
          }
        }}
      >
        {t("export.open")}
      </button>
      <ExportDialog
        open={choosing}
        initial={format}
        onExport={start}
        onClose={() => setChoosing(false)}
      />
      {run.isPending && (
        <TaskProgressBar
          progress={progress}
          label={progressText(t, progress)}
          onCancel={cancelExport}
        />
      )}
      <p role="status" className="export-status">
        {run.isSuccess && outcomeText(t, run.data)}
      </p>
      {failure && (
        <p role="alert" className="error export-failure">
          {failure.headline}
          {failure.detail && (
            <>
              {" "}
              <span className="notice-detail">{failure.detail}</span>
            </>
          )}
        </p>
      )}
    </div>
  );
}

/** What the export has written so far, in words. Rust reports an export's total with each step;
 * before the first step, only that it is busy. */
function progressText(t: ReturnType<typeof useT>, progress: TaskProgress | null): string {
  if (progress === null || progress.total === null) {
    return t("export.busy");
  }
  return t("export.progress", { done: progress.done, total: progress.total });
}

function outcomeText(t: ReturnType<typeof useT>, outcome: ExportOutcome): string | null {
  switch (outcome.kind) {
    case "saved":
      return t("export.saved", { rows: outcome.rows, fileName: outcome.fileName });
    case "cancelled":
      return t("export.cancelled");
    case "dialogClosed":
      return null;
  }
}
