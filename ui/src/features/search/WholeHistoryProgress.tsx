import { useT } from "../../i18n/useT";
import type { TaskProgress } from "../../ipc";
import { TaskProgressBar } from "../tasks/TaskProgressBar";
import { useTaskProgress } from "../tasks/useTaskProgress";

/** The bank's pages fetched so far, of how many when the bank said, and Cancel. Mounted only
 * while a fetch runs, so each run starts from nothing. */
export function WholeHistoryProgress({ onCancel }: { onCancel: () => void }) {
  const t = useT();
  const progress = useTaskProgress("history");
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
