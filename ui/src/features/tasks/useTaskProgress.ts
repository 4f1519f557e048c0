import { useEffect, useState } from "react";
import { useRustEvent } from "../../hooks/useRustEvent";
import { onTaskProgress, type TaskKind, type TaskProgress } from "../../ipc";

/** The latest `task-progress` Rust sent for `task`; null before the first one.
 *
 * It listens from the first render on, so no step of a run is missed. When it resets: whenever
 * `running` changes (a new run starts, or the caller's command settled), so a run never opens on
 * the figures of the one before. A caller that leaves `running` out instead mounts the hook (or
 * the component holding it) only while its command runs: unmounting forgets the progress. */
export function useTaskProgress(task: TaskKind, running = true): TaskProgress | null {
  const [progress, setProgress] = useState<TaskProgress | null>(null);

  useRustEvent(
    onTaskProgress,
    (payload) => {
      if (payload.task === task) {
        setProgress(payload);
      }
    },
    "task-progress",
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `running` is the trigger, not read.
  useEffect(() => {
    setProgress(null);
  }, [running]);

  return progress;
}
