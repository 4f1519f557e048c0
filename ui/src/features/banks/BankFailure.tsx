import { useIntl } from "react-intl";
import { describeDetail } from "../../errors/errorText";
import type { MessageId } from "../../i18n/catalogs";
import { type FailureCode, toCommandError } from "../../ipc";

/** What was being done with the bank settings when it failed. */
export type BankTask = "load" | "save" | "check" | "remove";

const TASK: Record<BankTask, MessageId> = {
  load: "banks.failure.load",
  save: "banks.failure.save",
  check: "banks.failure.check",
  remove: "banks.failure.remove",
};

/** Why, when the code says more than the task: the keychain holds the secrets and keys, the data
 * folder holds banks.toml. */
const REASON: Partial<Record<FailureCode, MessageId>> = {
  keychain_unavailable: "banks.failure.keychain",
  storage_unavailable: "banks.failure.storage",
};

/** A failure of the bank settings that is not about one field: what failed, why when known, and
 * the small print Rust gave (the keychain's state, the folder, banks.toml's line), as an alert. */
export function BankFailure({ error, task }: { error: unknown; task: BankTask }) {
  const intl = useIntl();
  const failure = toCommandError(error);
  const reason = REASON[failure.code];
  // A field's problem is shown at its field; here it would be worded twice.
  const detail = failure.detail?.kind === "bankForm" ? null : describeDetail(intl, failure.detail);
  return (
    <div role="alert" className="notice banks-failure">
      <p className="notice-headline">{intl.formatMessage({ id: TASK[task] })}</p>
      {reason && <p>{intl.formatMessage({ id: reason })}</p>}
      {detail && <p className="notice-detail">{detail}</p>}
    </div>
  );
}
