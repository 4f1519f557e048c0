import { useCallback, useState } from "react";
import type { BankConnection } from "../../ipc";
import { consentHasEnded } from "../connection/accessUntil";

/** Which banks' consents have ended: past their end date, or said so by the bank
 * (`consent_required`) before it. The bank's word holds for the consent it was about: a new
 * consent (a new end date) or a refresh that went through clears it. */
export function useEndedConsents(now: number) {
  // The bank's id, with the end date of the consent the bank said has ended.
  const [reported, setReported] = useState<ReadonlyMap<string, string | null>>(() => new Map());

  const report = useCallback(
    (connection: BankConnection) =>
      setReported((all) => new Map(all).set(connection.bank.id, connection.consentExpiresAt)),
    [],
  );
  const clear = useCallback(
    (connection: BankConnection) =>
      setReported((all) => {
        if (!all.has(connection.bank.id)) {
          return all;
        }
        const rest = new Map(all);
        rest.delete(connection.bank.id);
        return rest;
      }),
    [],
  );
  const hasEnded = (connection: BankConnection) =>
    consentHasEnded(connection.consentExpiresAt, now) ||
    (reported.has(connection.bank.id) &&
      reported.get(connection.bank.id) === connection.consentExpiresAt);

  return { report, clear, hasEnded };
}
