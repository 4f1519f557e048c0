import { useT } from "../../i18n/useT";
import type { TaskProgress } from "../../ipc";
import { TaskProgressBar } from "../tasks/TaskProgressBar";

/** The bank's pages fetched so far, of how many when the bank said, and Cancel. The progress is
 * the fetch's own (useWholeHistoryFetch), so this can come and go without losing it. */
export function WholeHistoryProgress({
  progress,
  onCancel,
}: {
  progress: TaskProgress | null;
  onCancel: () => void;
}) {
  const t = useT();
  return (
    <TaskProgressBar progress={progress} label={progressLabel(t, progress)} onCancel={onCancel} />
  );
}

function progressLabel(t: ReturnType<typeof useT>, progress: TaskProgress | null): string {
  if (progress === null) {
    return t("search.wholeHistory.starting");
  }
  if (progress.total === null) {
    return t("search.wholeHistory.pages", { done: progress.done });
  }
  return t("search.wholeHistory.pagesOf", { done: progress.done, total: progress.total });
}
