import { useIntl } from "react-intl";
import { type ActionTask, describeActionFailure } from "../../errors/errorText";
import type { MessageId } from "../../i18n/catalogs";
import { type FailureCode, toCommandError } from "../../ipc";

/** What was being done with the bank settings when it failed. */
export type BankTask = Extract<ActionTask, "loadBanks" | "saveBank" | "checkBank" | "removeBank">;

/** Why, when the code says more than the task: the keychain holds the secrets and keys, the data
 * folder holds banks.toml. */
const REASON: Partial<Record<FailureCode, MessageId>> = {
  keychain_unavailable: "banks.failure.keychain",
  storage_unavailable: "banks.failure.storage",
};

/** A failure of the bank settings that is not about one field (that one is shown at its field):
 * what failed, why when known, and the small print Rust gave (the keychain's state, the folder,
 * banks.toml's line), as an alert. */
export function BankFailure({ error, task }: { error: unknown; task: BankTask }) {
  const intl = useIntl();
  const failure = toCommandError(error);
  const reason = REASON[failure.code];
  const text = describeActionFailure(intl, failure, task);
  return (
    <div role="alert" className="notice banks-failure">
      <p className="notice-headline">{text.headline}</p>
      {reason && <p>{intl.formatMessage({ id: reason })}</p>}
      {text.detail && <p className="notice-detail">{text.detail}</p>}
    </div>
  );
}
