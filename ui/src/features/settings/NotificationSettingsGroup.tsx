import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ActionFailure } from "../../components/ActionFailure";
import type { MessageId } from "../../i18n/catalogs";
import { useT } from "../../i18n/useT";
import {
  type NotificationSettings,
  notificationSettings,
  saveNotificationSettings,
} from "../../ipc";
import { shortIban } from "../accounts/format";
import { useAccountTitle } from "../accounts/useAccountTitle";
import { useConnectionStatus } from "../connection/useConnectionStatus";

export const NOTIFICATION_SETTINGS_KEY = ["notification-settings"] as const;

/** The quiet hours' two ends, each a time field. */
const QUIET_FIELDS: { key: "quietFrom" | "quietUntil"; label: MessageId }[] = [
  { key: "quietFrom", label: "settings.notifications.quietFrom" },
  { key: "quietUntil", label: "settings.notifications.quietUntil" },
];

/** Which accounts announce what Bankbook's own refreshes bring, whether with the amounts, and
 * the quiet hours; each change is saved at once. Shown once some account is. */
export function NotificationSettingsGroup() {
  const t = useT();
  const title = useAccountTitle();
  const accounts =
    useConnectionStatus().data?.connections.flatMap((connection) => connection.selectedAccounts) ??
    [];
  const settings = useQuery({
    queryKey: NOTIFICATION_SETTINGS_KEY,
    queryFn: notificationSettings,
    enabled: accounts.length > 0,
  });
  const queryClient = useQueryClient();
  const save = useMutation({
    scope: { id: "notification-settings" },
    mutationFn: (next: NotificationSettings) => saveNotificationSettings(next),
    onSuccess: (saved) => queryClient.setQueryData(NOTIFICATION_SETTINGS_KEY, saved),
    // Not saved: what is stored is shown again.
    onError: () => void queryClient.invalidateQueries({ queryKey: NOTIFICATION_SETTINGS_KEY }),
  });
  const current = settings.data;
  if (accounts.length === 0 || !current) {
    return null;
  }
  const change = (update: Partial<NotificationSettings>) => {
    const next = { ...current, ...update };
    queryClient.setQueryData(NOTIFICATION_SETTINGS_KEY, next);
    save.mutate(next);
  };
  const toggleAccount = (iban: string, on: boolean) =>
    change({
      accounts: on
        ? [...current.accounts, iban]
        : current.accounts.filter((chosen) => chosen !== iban),
    });
  // A time field is "" while half typed: saved once it is a whole time.
  const changeTime = (key: "quietFrom" | "quietUntil", value: string) => {
    if (/^\d\d:\d\d$/.test(value)) {
      change({ [key]: value });
    }
  };

  return (
    <fieldset className="choice-group">
      <legend>{t("settings.notifications.legend")}</legend>
      <p className="dialog-text">{t("settings.notifications.text")}</p>
      {accounts.map((account) => (
        <label key={account.iban} className="choice">
          <input
            type="checkbox"
            checked={current.accounts.includes(account.iban)}
            onChange={(event) => toggleAccount(account.iban, event.target.checked)}
          />
          <span>
            {t("settings.notifications.account", {
              account: title(account),
              iban: shortIban(account.iban),
            })}
          </span>
        </label>
      ))}
      <label className="choice">
        <input
          type="checkbox"
          checked={current.showAmounts}
          onChange={(event) => change({ showAmounts: event.target.checked })}
        />
        <span>{t("settings.notifications.showAmounts")}</span>
      </label>
      <fieldset className="quiet-hours">
        <legend>{t("settings.notifications.quiet")}</legend>
        {QUIET_FIELDS.map(({ key, label }) => (
          <label key={key}>
            {t(label)}
            <input
              type="time"
              value={current[key]}
              onChange={(event) => changeTime(key, event.target.value)}
            />
          </label>
        ))}
      </fieldset>
      {save.isError && <ActionFailure error={save.error} task="savePreferences" />}
    </fieldset>
  );
}
