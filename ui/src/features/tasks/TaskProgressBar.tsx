import { useId } from "react";
import { useT } from "../../i18n/useT";
import type { TaskProgress } from "../../ipc";

/** A long task's progress: a native <progress> named by `label` (the caller's words, e.g.
 * "12 of 40 pages"), shown beside it, and a Cancel button. Without a progress yet, or with no
 * total known, the bar is indeterminate (no value: assistive technology reads it as busy). */
export function TaskProgressBar({
  progress,
  label,
  onCancel,
}: {
  progress: TaskProgress | null;
  label: string;
  onCancel: () => void;
}) {
  const t = useT();
  const labelId = useId();
  const total = progress?.total ?? null;
  const determinate = progress !== null && total !== null && total > 0;
  return (
    <div className="task-progress">
      <span id={labelId} className="task-progress-label">
        {label}
      </span>
      {determinate ? (
        <progress aria-labelledby={labelId} value={Math.min(progress.done, total)} max={total} />
      ) : (
        <progress aria-labelledby={labelId} />
      )}
      <button
        type="button"
        className="button small task-progress-cancel"
        aria-describedby={labelId}
        onClick={onCancel}
      >
        {t("common.cancel")}
      </button>
    </div>
  );
}
