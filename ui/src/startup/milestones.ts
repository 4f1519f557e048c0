import { type Milestone, uiPainted } from "../ipc";

const reported = new Set<Milestone>();

/** Reports `milestone` once per run, after the frame that shows it reached the screen (two
 * animation frames: the first commits, the second is painted). Start-up times are in the log. */
export function markMilestone(milestone: Milestone) {
  if (reported.has(milestone)) {
    return;
  }
  reported.add(milestone);
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      uiPainted(milestone).catch((error: unknown) =>
        console.warn(`${milestone} not reported`, error),
      );
    }),
  );
}
