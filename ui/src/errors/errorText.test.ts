import { CommandError, FAILURE_CODES, type FailureCode } from "../ipc";
import {
  type ActionTask,
  describeActionFailure,
  describeConnectFailure,
  describeStatusFailure,
  describeSyncFailure,
  FAILURE_ACTION_LABEL,
  formatRetryAfter,
  type SyncTask,
} from "./errorText";

const EVERY_CODE = FAILURE_CODES;

const SYNC_TASKS: SyncTask[] = ["refresh", "readBalances", "loadHistory", "loadOlderHistory"];
const ACTION_TASKS: ActionTask[] = ["listBanks", "reopenConsentPage", "disconnect"];

const FROM_RUST = "from Rust";
const failure = (code: FailureCode, retryAfterSeconds: number | null = null) =>
  new CommandError({ code, message: FROM_RUST, retryAfterSeconds });

/** Every text each screen would show for `code`, worded and detail alike. */
function everyText(code: FailureCode): (string | null)[] {
  const connect = describeConnectFailure(failure(code));
  const status = describeStatusFailure(failure(code));
  return [
    connect.headline,
    connect.explanation,
    connect.detail,
    status.title,
    status.explanation,
    status.detail,
    ...SYNC_TASKS.flatMap((task) => {
      const sync = describeSyncFailure(failure(code), task);
      return [sync.headline, sync.detail];
    }),
    ...ACTION_TASKS.flatMap((task) => {
      const action = describeActionFailure(failure(code), task);
      return [action.headline, action.detail];
    }),
  ];
}

describe("every code", () => {
  it.each(EVERY_CODE)("%s is worded on every screen", (code) => {
    expect(describeConnectFailure(failure(code)).headline).not.toBe("");
    expect(describeStatusFailure(failure(code)).title).not.toBe("");
    expect(describeStatusFailure(failure(code)).explanation).not.toBe("");
    for (const task of SYNC_TASKS) {
      expect(describeSyncFailure(failure(code), task).headline).not.toBe("");
    }
    for (const task of ACTION_TASKS) {
      expect(describeActionFailure(failure(code), task).headline).not.toBe("");
    }
  });

  it.each(EVERY_CODE)("%s shows Rust's message only as the detail of a system fault", (code) => {
    const shown = everyText(code).filter((text) => text === FROM_RUST);
    const system = code === "storage_unavailable" || code === "keychain_unavailable";
    // The connect notice, the status screen, four sync notices and three in-place errors; the
    // bank list's failure (a broken banks.toml, with its line) always.
    expect(shown).toHaveLength(system ? 9 : 1);
    expect(describeActionFailure(failure(code), "listBanks").detail).toBe(FROM_RUST);
  });
});

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

describe("describeConnectFailure", () => {
  it("offers to start again when the answer cannot be used", () => {
    expect(describeConnectFailure(failure("consent_invalid")).action).toBe("restart");
    expect(describeConnectFailure(failure("consent_required")).action).toBe("restart");
    expect(describeConnectFailure(failure("consent_denied")).action).toBe("retry");
  });

  it("labels each action once", () => {
    expect(FAILURE_ACTION_LABEL.retry).toBe("Try again");
    expect(FAILURE_ACTION_LABEL.restart).toBe("Start again");
  });

  it("says a refusal calmly", () => {
    expect(describeConnectFailure(failure("consent_denied")).tone).toBe("neutral");
    expect(describeConnectFailure(failure("internal")).tone).toBe("problem");
  });

  it("says when to retry only when Rust knows", () => {
    expect(describeConnectFailure(failure("rate_limited", 120)).retryHint).toBe(
      "Try again in 2 minutes",
    );
    expect(describeConnectFailure(failure("bank_unavailable")).retryHint).toBeNull();
  });

  it("tells a computer offline from a bank that is down", () => {
    expect(describeConnectFailure(failure("network")).explanation).toBe(
      "Check that this computer is online, then try again.",
    );
    expect(describeConnectFailure(failure("bank_unavailable")).explanation).toBeNull();
  });

  it("words an unknown failure without Rust's message", () => {
    const text = describeConnectFailure(failure("internal"));
    expect(text.headline).toBe("Something went wrong while connecting your bank.");
    expect(text.explanation).toBeNull();
    expect(text.detail).toBeNull();
    expect(describeConnectFailure(failure("unexpected")).headline).toBe(text.headline);
  });

  it("keeps Rust's message for the keychain, in small print", () => {
    const text = describeConnectFailure(failure("keychain_unavailable"));
    expect(text.explanation).toContain("GNOME Keyring or KWallet");
    expect(text.detail).toBe(FROM_RUST);
  });
});

describe("describeSyncFailure", () => {
  it("says when to retry a rate limit, from the bank's own wait", () => {
    const text = describeSyncFailure(failure("rate_limited", 150), "refresh");
    expect(text.headline).toBe("Your bank has had too many requests from Bankbook for now.");
    expect(text.retryHint).toBe("Try again in 3 minutes");
    expect(text.detail).toBeNull();
    expect(text.reconnect).toBe(false);
  });

  it("says when Bankbook will try again by itself", () => {
    const at = new Date(2026, 10, 24, 14, 32);
    const text = describeSyncFailure(failure("rate_limited", 150), "refresh", at);
    expect(text.retryHint).toBe(
      `Bankbook will try again at ${at.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" })}.`,
    );
  });

  it("still says to wait when the bank gave no time", () => {
    expect(describeSyncFailure(failure("rate_limited"), "refresh").retryHint).toBe(
      "Try again later",
    );
  });

  it("asks to reconnect when the consent has ended", () => {
    const text = describeSyncFailure(failure("consent_required"), "refresh");
    expect(text.headline).toBe("Bankbook's access to your bank has ended.");
    expect(text.reconnect).toBe(true);
  });

  it("blames the data folder, not the bank, when nothing can be saved", () => {
    const text = describeSyncFailure(failure("storage_unavailable"), "loadOlderHistory");
    expect(text.headline).toContain("can't save to its data folder");
    expect(text.detail).toBe(FROM_RUST);
    expect(text.reconnect).toBe(false);
  });

  it("heads other failures with what failed", () => {
    const text = describeSyncFailure(failure("internal"), "refresh");
    expect(text.headline).toBe("The accounts couldn't be refreshed.");
    expect(text.detail).toBeNull();
    expect(text.retryHint).toBeNull();
    expect(describeSyncFailure(failure("internal"), "loadOlderHistory").headline).toBe(
      "Older transactions couldn't be loaded.",
    );
  });
});

describe("describeStatusFailure", () => {
  it("says the data can't be opened, with the folder Rust names", () => {
    const text = describeStatusFailure(failure("storage_unavailable"));
    expect(text.title).toBe("Bankbook can't open its data");
    expect(text.explanation).toContain("Free some space on the disk");
    expect(text.detail).toBe(FROM_RUST);
  });

  it("says how to get a keychain", () => {
    const text = describeStatusFailure(failure("keychain_unavailable"));
    expect(text.title).toBe("Bankbook couldn't check your bank connection");
    expect(text.explanation).toContain("GNOME Keyring");
  });
});

describe("describeActionFailure", () => {
  it("says what failed, with the folder or keychain Rust names", () => {
    expect(describeActionFailure(failure("internal"), "disconnect")).toEqual({
      headline: "Bankbook could not disconnect.",
      detail: null,
    });
    expect(describeActionFailure(failure("keychain_unavailable"), "disconnect").detail).toBe(
      FROM_RUST,
    );
  });
});
