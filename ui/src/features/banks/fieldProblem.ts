// A problem Rust found with one field of the bank form, worded for that field.

import type { MessageId } from "../../i18n/catalogs";
import { type BankField, type BankFormProblem, toCommandError } from "../../ipc";

/** Which field was refused, and why. */
export type FieldProblem = { field: BankField; problem: BankFormProblem };

/** The field problem a failed save carries, or null when the failure is not about a field. */
export function fieldProblemOf(error: unknown): FieldProblem | null {
  const failure = toCommandError(error);
  const detail = failure.detail;
  if (failure.code !== "invalid_input" || detail?.kind !== "bankForm") {
    return null;
  }
  return { field: detail.field, problem: detail.problem };
}

/** "Missing" says what to enter, so it is worded per field. */
const MISSING: Record<BankField, MessageId> = {
  name: "banks.problem.missing.name",
  baseUrl: "banks.problem.missing.baseUrl",
  clientId: "banks.problem.missing.clientId",
  clientSecret: "banks.problem.missing.clientSecret",
  clientCertificate: "banks.problem.missing.clientCertificate",
  clientKeyFile: "banks.problem.missing.clientKeyFile",
};

/** The other problems say the same whichever field has them. */
const PROBLEM: Record<Exclude<BankFormProblem, "missing">, MessageId> = {
  notHttps: "banks.problem.notHttps",
  notAUrl: "banks.problem.notAUrl",
  readableByOthers: "banks.problem.readableByOthers",
  notAKey: "banks.problem.notAKey",
  notACertificate: "banks.problem.notACertificate",
  keyDoesNotMatch: "banks.problem.keyDoesNotMatch",
  unreadable: "banks.problem.unreadable",
  tooLong: "banks.problem.tooLong",
};

export function problemMessage({ field, problem }: FieldProblem): MessageId {
  return problem === "missing" ? MISSING[field] : PROBLEM[problem];
}
