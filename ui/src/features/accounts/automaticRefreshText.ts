import type { IntlShape } from "react-intl";
import type { AutomaticRefresh } from "../../ipc";

/** "2 of 4 automatic refreshes left today; next around 14:30" (the day named when it is not
 * today), or null when no automatic refresh is planned. */
export function automaticRefreshText(
  intl: IntlShape,
  automatic: AutomaticRefresh,
  now: number,
): string | null {
  if (automatic.nextAt === null) {
    return null;
  }
  const next = new Date(automatic.nextAt);
  if (Number.isNaN(next.getTime())) {
    return null;
  }
  const budget =
    automatic.left > 0
      ? intl.formatMessage(
          { id: "accounts.automatic.left" },
          { left: automatic.left, perDay: automatic.perDay },
        )
      : intl.formatMessage({ id: "accounts.automatic.noneLeft" });
  const sameDay = new Date(now).toDateString() === next.toDateString();
  const time = intl.formatDate(next, {
    weekday: sameDay ? undefined : "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  return intl.formatMessage({ id: "accounts.automatic.next" }, { budget, time });
}
