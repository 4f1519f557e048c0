import { CommandError, type FailureCode } from "../../ipc";
import { describeSyncFailure } from "./syncFailureText";

const failure = (code: FailureCode, retryAfterSeconds: number | null = null) =>
  new CommandError({ code, message: "from Rust", retryAfterSeconds });

describe("describeSyncFailure", () => {
  it("says when to retry a rate limit, from the bank's own wait", () => {
    const text = describeSyncFailure(failure("rate_limited", 150), "Refresh failed.");
    expect(text.headline).toBe("Your bank has had too many requests from Bankbook for now.");
    expect(text.retryHint).toBe("Try again in 3 minutes");
    expect(text.detail).toBe("from Rust");
    expect(text.reconnect).toBe(false);
  });

  it("says when Bankbook will try again by itself", () => {
    const at = new Date(2026, 10, 24, 14, 32);
    const text = describeSyncFailure(failure("rate_limited", 150), "Refresh failed.", at);
    expect(text.retryHint).toBe(
      `Bankbook will try again at ${at.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" })}.`,
    );
  });

  it("still says to wait when the bank gave no time", () => {
    expect(describeSyncFailure(failure("rate_limited"), "Refresh failed.").retryHint).toBe(
      "Try again later",
    );
  });

  it("asks to reconnect when the consent has ended", () => {
    const text = describeSyncFailure(failure("consent_required"), "Refresh failed.");
    expect(text.headline).toBe("Bankbook's access to your bank has ended.");
    expect(text.reconnect).toBe(true);
  });

  it("blames the data folder, not the bank, when nothing can be saved", () => {
    const text = describeSyncFailure(failure("storage_unavailable"), "Refresh failed.");
    expect(text.headline).toContain("can't save to its data folder");
    expect(text.detail).toBe("from Rust");
    expect(text.reconnect).toBe(false);
  });

  it("heads other failures with what failed, and keeps Rust's message", () => {
    const text = describeSyncFailure(failure("internal"), "Refresh failed.");
    expect(text.headline).toBe("Refresh failed.");
    expect(text.detail).toBe("from Rust");
    expect(text.retryHint).toBeNull();
  });
});
