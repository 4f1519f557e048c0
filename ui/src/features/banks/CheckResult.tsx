import type { UseMutationResult } from "@tanstack/react-query";
import { Spinner } from "../../components/Spinner";
import type { MessageId } from "../../i18n/catalogs";
import { useT } from "../../i18n/useT";
import type { BankCheck } from "../../ipc";
import { BankFailure } from "./BankFailure";

/** Each answer of the check in the person's words: what the bank said, and what to do. */
const OUTCOME: Record<BankCheck, MessageId> = {
  clientAccepted: "banks.check.clientAccepted",
  clientRejected: "banks.check.clientRejected",
  serverNotTrusted: "banks.check.serverNotTrusted",
  clientCertificateRefused: "banks.check.clientCertificateRefused",
  unreachable: "banks.check.unreachable",
  unexpectedAnswer: "banks.check.unexpectedAnswer",
  noClientSecret: "banks.check.noClientSecret",
};

/** The check of one bank: under way, its answer, or why it could not run. The answer is in a
 * status region that is on the page before it, so a screen reader reads it when it comes. */
export function CheckResult({
  bankName,
  check,
}: {
  bankName: string;
  check: UseMutationResult<BankCheck, Error, string>;
}) {
  const t = useT();
  return (
    <>
      <div role="status" className="banks-check">
        {check.isPending && (
          <p className="loading">
            <Spinner /> {t("banks.check.checking")}
          </p>
        )}
        {check.isSuccess && (
          <p className={check.data === "clientAccepted" ? "banks-check-ok" : "banks-check-problem"}>
            {t(OUTCOME[check.data], { bank: bankName })}
          </p>
        )}
      </div>
      {check.isError && <BankFailure error={check.error} task="checkBank" />}
    </>
  );
}
