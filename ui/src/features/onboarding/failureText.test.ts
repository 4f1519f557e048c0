import { CommandError, type FailureCode } from "../../ipc";
import { describeFailure, formatRetryAfter } from "./failureText";

const failure = (code: FailureCode, retryAfterSeconds: number | null = null) =>
  new CommandError({ code, message: "from Rust", retryAfterSeconds });

describe("formatRetryAfter", () => {
  it("rounds up to whole minutes", () => {
    expect(formatRetryAfter(0)).toBe("Try again in 1 minute");
    expect(formatRetryAfter(30)).toBe("Try again in 1 minute");
    expect(formatRetryAfter(60)).toBe("Try again in 1 minute");
    expect(formatRetryAfter(61)).toBe("Try again in 2 minutes");
    expect(formatRetryAfter(600)).toBe("Try again in 10 minutes");
  });

  it("speaks in hours for long waits", () => {
    expect(formatRetryAfter(4 * 3600)).toBe("Try again in 4 hours");
  });
});

describe("describeFailure", () => {
  it("offers to start again when the answer cannot be used", () => {
    expect(describeFailure(failure("consent_invalid")).action).toBe("Start again");
    expect(describeFailure(failure("consent_required")).action).toBe("Start again");
    expect(describeFailure(failure("consent_denied")).action).toBe("Try again");
  });

  it("says when to retry only when Rust knows", () => {
    expect(describeFailure(failure("rate_limited", 120)).retryHint).toBe("Try again in 2 minutes");
    expect(describeFailure(failure("bank_unavailable")).retryHint).toBeNull();
  });

  it("keeps Rust's message for what the user or support can act on", () => {
    expect(describeFailure(failure("keychain_unavailable")).detail).toBe("from Rust");
    expect(describeFailure(failure("internal")).explanation).toBe("from Rust");
    expect(describeFailure(failure("unexpected")).explanation).toBe("from Rust");
    expect(describeFailure(failure("consent_denied")).detail).toBeNull();
  });
});
