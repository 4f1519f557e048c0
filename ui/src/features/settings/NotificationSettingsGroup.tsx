import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ActionFailure } from "../../components/ActionFailure";
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
        <label>
          {t("settings.notifications.quietFrom")}
          <input
            type="time"
            value={current.quietFrom}
            onChange={(event) => changeTime("quietFrom", event.target.value)}
          />
        </label>
        <label>
          {t("settings.notifications.quietUntil")}
          <input
            type="time"
            value={current.quietUntil}
            onChange={(event) => changeTime("quietUntil", event.target.value)}
          />
        </label>
      </fieldset>
      {save.isError && <ActionFailure error={save.error} task="savePreferences" />}
    </fieldset>
  );
}
