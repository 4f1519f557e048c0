import { CommandError, type ErrorDetail, FAILURE_CODES, type FailureCode } from "../ipc";
import { testIntl } from "../test/intl";
import {
  type ActionTask,
  describeActionFailure,
  describeConnectFailure,
  describeDetail,
  describeExportFailure,
  describeStatusFailure,
  describeSyncFailure,
  FAILURE_ACTION_MESSAGE,
  formatRetryAfter,
  type SyncTask,
} from "./errorText";

const EVERY_CODE = FAILURE_CODES;
const en = testIntl("en");
const sk = testIntl("sk");

const SYNC_TASKS: SyncTask[] = ["refresh", "readBalances", "loadHistory", "loadOlderHistory"];
const ACTION_TASKS: ActionTask[] = [
  "listBanks",
  "reopenConsentPage",
  "disconnect",
  "savePreferences",
];

const FROM_RUST = "from Rust";
const FULL_DISK: ErrorDetail = {
  kind: "folder",
  path: "/home/eva/.local/share/bankbook",
  reason: "noSpace",
};
const failure = (
  code: FailureCode,
  retryAfterSeconds: number | null = null,
  detail: ErrorDetail | null = null,
) => new CommandError({ code, message: FROM_RUST, retryAfterSeconds, detail });

/** Every text each screen would show for `failure`, worded and detail alike. */
function everyText(failed: CommandError, intl = en): (string | null)[] {
  const connect = describeConnectFailure(intl, failed);
  const status = describeStatusFailure(intl, failed);
  return [
    connect.headline,
    connect.explanation,
    connect.retryHint,
    connect.detail,
    status.title,
    status.explanation,
    status.detail,
    ...SYNC_TASKS.flatMap((task) => {
      const sync = describeSyncFailure(intl, failed, task);
      return [sync.headline, sync.retryHint, sync.detail];
    }),
    ...ACTION_TASKS.flatMap((task) => {
      const action = describeActionFailure(intl, failed, task);
      return [action.headline, action.detail];
    }),
  ];
}

describe("every code", () => {
  it.each(EVERY_CODE)("%s is worded on every screen, in both languages", (code) => {
    for (const intl of [en, sk]) {
      expect(describeConnectFailure(intl, failure(code)).headline).not.toBe("");
      expect(describeStatusFailure(intl, failure(code)).title).not.toBe("");
      expect(describeStatusFailure(intl, failure(code)).explanation).not.toBe("");
      for (const task of SYNC_TASKS) {
        expect(describeSyncFailure(intl, failure(code), task).headline).not.toBe("");
      }
      for (const task of ACTION_TASKS) {
        expect(describeActionFailure(intl, failure(code), task).headline).not.toBe("");
      }
    }
  });

  it.each(EVERY_CODE)("%s never shows Rust's message", (code) => {
    const texts = [...everyText(failure(code, 90, FULL_DISK)), ...everyText(failure(code), sk)];
    expect(texts.filter((text) => text?.includes(FROM_RUST))).toEqual([]);
  });

  it.each(EVERY_CODE)("%s shows the detail Rust gave as small print", (code) => {
    const details = [
      describeConnectFailure(en, failure(code, null, FULL_DISK)).detail,
      describeStatusFailure(en, failure(code, null, FULL_DISK)).detail,
      describeSyncFailure(en, failure(code, null, FULL_DISK), "refresh").detail,
      describeActionFailure(en, failure(code, null, FULL_DISK), "disconnect").detail,
    ];
    expect(new Set(details)).toEqual(
      new Set(["The disk is full. Folder: /home/eva/.local/share/bankbook"]),
    );
    expect(describeConnectFailure(en, failure(code)).detail).toBeNull();
  });
});

describe("describeDetail", () => {
  it("says why a folder is out of reach, and which", () => {
    const path = "/data/bankbook";
    const folder = (reason: Extract<ErrorDetail, { kind: "folder" }>["reason"]) =>
      describeDetail(en, { kind: "folder", path, reason });
    expect(folder("readOnly")).toBe("The folder is read-only. Folder: /data/bankbook");
    expect(folder("permissionDenied")).toContain("not allowed to write");
    expect(folder("notFound")).toBe("The folder does not exist. Folder: /data/bankbook");
    expect(folder("other")).toBe("Folder: /data/bankbook");
  });

  it("says what is wrong with the keychain", () => {
    expect(describeDetail(en, { kind: "keychain", reason: "locked" })).toBe(
      "The keychain is locked.",
    );
    expect(describeDetail(sk, { kind: "keychain", reason: "noService" })).toBe(
      "Nebeží žiadna služba kľúčenky.",
    );
    expect(describeDetail(sk, { kind: "lockedData", reason: "storeKeyMissing" })).toBe(
      "Kľúč k Vašim údajom v Bankbooku nie je v tejto kľúčenke alebo ich neotvorí. " +
        "Vaše údaje zostávajú nedotknuté.",
    );
  });

  it("says failures in Slovak as reviewed", () => {
    const slovak = (code: FailureCode) => everyText(failure(code), sk);
    expect(slovak("consent_denied")).toContain(
      "Prístup ste vo svojej banke zamietli. Bankbook nezískal žiadne údaje.",
    );
    expect(slovak("storage_unavailable")).toContain(
      "Bankbook nemôže ukladať do svojho dátového priečinka – disk je možno plný. Zobrazené údaje zostávajú zachované.",
    );
    expect(slovak("storage_unavailable").join(" ")).toContain(
      "a skúste to znova. Už uložené údaje sa nestratia.",
    );
    expect(slovak("internal")).toContain(
      "Zabránilo tomu niečo neočakávané. Skúste to znova; ak sa to bude opakovať, spustite Bankbook znova.",
    );
  });

  it("says any other keychain failure neutrally: it may have failed, not answered or crashed", () => {
    expect(describeDetail(en, { kind: "keychain", reason: "other" })).toBe(
      "The keychain reported a problem.",
    );
    expect(describeDetail(sk, { kind: "keychain", reason: "other" })).toBe(
      "Kľúčenka ohlásila chybu.",
    );
  });

  it("names banks.toml and its line", () => {
    expect(describeDetail(en, { kind: "banksFile", path: "banks.toml", line: 3 })).toBe(
      "banks.toml, line 3",
    );
    expect(describeDetail(sk, { kind: "banksFile", path: "banks.toml", line: 3 })).toBe(
      "banks.toml, riadok 3",
    );
    expect(describeDetail(en, { kind: "banksFile", path: "banks.toml", line: null })).toBe(
      "File: banks.toml",
    );
  });

  it("says what a bank lacks for connecting, and where to add it", () => {
    expect(describeDetail(en, { kind: "bankSetup", problem: "clientSecret" })).toBe(
      "The bank's client secret is not saved yet: add it in Banks.",
    );
    expect(describeDetail(sk, { kind: "bankSetup", problem: "clientCertificate" })).toBe(
      "Súbor s klientskym certifikátom banky sa nedá prečítať ani použiť: vyberte ho znova v časti Banky.",
    );
  });

  it("is nothing without a detail", () => {
    expect(describeDetail(en, null)).toBeNull();
  });

  it("leaves a bank form's field to the form, which says it next to the field", () => {
    expect(
      describeDetail(en, { kind: "bankForm", field: "baseUrl", problem: "notHttps" }),
    ).toBeNull();
  });
});

describe("in Slovak", () => {
  it("words a full data folder from its code, with the folder", () => {
    const text = describeStatusFailure(sk, failure("storage_unavailable", null, FULL_DISK));
    expect(text.title).toBe("Bankbook nemôže otvoriť svoje údaje");
    expect(text.explanation).toContain("Uvoľnite miesto na disku");
    expect(text.detail).toBe("Disk je plný. Priečinok: /home/eva/.local/share/bankbook");
  });

  it("says how long to wait, each count in its own case", () => {
    expect(formatRetryAfter(sk, 60)).toBe("Skúste to znova o 1 minútu");
    expect(formatRetryAfter(sk, 120)).toBe("Skúste to znova o 2 minúty");
    expect(formatRetryAfter(sk, 300)).toBe("Skúste to znova o 5 minút");
    expect(formatRetryAfter(sk, 3 * 3600)).toBe("Skúste to znova o 3 hodiny");
  });

  it("labels the actions as Slovak buttons do, in the infinitive", () => {
    expect(sk.formatMessage({ id: FAILURE_ACTION_MESSAGE.retry })).toBe("Skúsiť znova");
    expect(sk.formatMessage({ id: FAILURE_ACTION_MESSAGE.restart })).toBe("Začať znova");
  });
});

describe("formatRetryAfter", () => {
  it("rounds up to whole minutes", () => {
    expect(formatRetryAfter(en, 0)).toBe("Try again in 1 minute");
    expect(formatRetryAfter(en, 30)).toBe("Try again in 1 minute");
    expect(formatRetryAfter(en, 60)).toBe("Try again in 1 minute");
    expect(formatRetryAfter(en, 61)).toBe("Try again in 2 minutes");
    expect(formatRetryAfter(en, 600)).toBe("Try again in 10 minutes");
  });

  it("speaks in hours for long waits", () => {
    expect(formatRetryAfter(en, 4 * 3600)).toBe("Try again in 4 hours");
  });
});

describe("describeConnectFailure", () => {
  it("offers to start again when the answer cannot be used", () => {
    expect(describeConnectFailure(en, failure("consent_invalid")).action).toBe("restart");
    expect(describeConnectFailure(en, failure("consent_required")).action).toBe("restart");
    expect(describeConnectFailure(en, failure("consent_denied")).action).toBe("retry");
  });

  it("labels each action once", () => {
    expect(en.formatMessage({ id: FAILURE_ACTION_MESSAGE.retry })).toBe("Try again");
    expect(en.formatMessage({ id: FAILURE_ACTION_MESSAGE.restart })).toBe("Start again");
  });

  it("says a refusal calmly", () => {
    expect(describeConnectFailure(en, failure("consent_denied")).tone).toBe("neutral");
    expect(describeConnectFailure(en, failure("internal")).tone).toBe("problem");
  });

  it("says when to retry only when Rust knows", () => {
    expect(describeConnectFailure(en, failure("rate_limited", 120)).retryHint).toBe(
      "Try again in 2 minutes",
    );
    expect(describeConnectFailure(en, failure("bank_unavailable")).retryHint).toBeNull();
  });

  it("tells a computer offline from a bank that is down", () => {
    expect(describeConnectFailure(en, failure("network")).explanation).toBe(
      "Check that this computer is online, then try again.",
    );
    expect(describeConnectFailure(en, failure("bank_unavailable")).explanation).toBeNull();
  });

  it("words an unknown failure without Rust's message", () => {
    const text = describeConnectFailure(en, failure("internal"));
    expect(text.headline).toBe("Something went wrong while connecting your bank.");
    expect(text.explanation).toBeNull();
    expect(text.detail).toBeNull();
    expect(describeConnectFailure(en, failure("unexpected")).headline).toBe(text.headline);
  });

  it("says how to get a keychain, and what is wrong with it", () => {
    const text = describeConnectFailure(
      en,
      failure("keychain_unavailable", null, { kind: "keychain", reason: "locked" }),
    );
    expect(text.explanation).toContain("GNOME Keyring or KWallet");
    expect(text.detail).toBe("The keychain is locked.");
  });
});

describe("describeSyncFailure", () => {
  it("says when to retry a rate limit, from the bank's own wait", () => {
    const text = describeSyncFailure(en, failure("rate_limited", 150), "refresh");
    expect(text.headline).toBe("Your bank has had too many requests from Bankbook for now.");
    expect(text.retryHint).toBe("Try again in 3 minutes");
    expect(text.detail).toBeNull();
    expect(text.reconnect).toBe(false);
  });

  it("says when Bankbook will try again by itself, as the locale writes a time", () => {
    const at = new Date(2026, 10, 24, 14, 32);
    expect(describeSyncFailure(en, failure("rate_limited", 150), "refresh", at).retryHint).toBe(
      "Bankbook will try again at 14:32.",
    );
    expect(describeSyncFailure(sk, failure("rate_limited", 150), "refresh", at).retryHint).toBe(
      "Bankbook to skúsi znova o 14:32.",
    );
  });

  it("still says to wait when the bank gave no time", () => {
    expect(describeSyncFailure(en, failure("rate_limited"), "refresh").retryHint).toBe(
      "Try again later",
    );
  });

  it("asks to reconnect when the consent has ended", () => {
    const text = describeSyncFailure(en, failure("consent_required"), "refresh");
    expect(text.headline).toBe("Bankbook's access to your bank has ended.");
    expect(text.reconnect).toBe(true);
  });

  it("blames the data folder, not the bank, when nothing can be saved", () => {
    const text = describeSyncFailure(
      en,
      failure("storage_unavailable", null, FULL_DISK),
      "loadOlderHistory",
    );
    expect(text.headline).toContain("can't save to its data folder");
    expect(text.detail).toContain("The disk is full.");
    expect(text.reconnect).toBe(false);
  });

  it("heads other failures with what failed", () => {
    const text = describeSyncFailure(en, failure("internal"), "refresh");
    expect(text.headline).toBe("The accounts couldn't be refreshed.");
    expect(text.detail).toBeNull();
    expect(text.retryHint).toBeNull();
    expect(describeSyncFailure(en, failure("internal"), "loadOlderHistory").headline).toBe(
      "Older transactions couldn't be loaded.",
    );
  });
});

describe("describeStatusFailure", () => {
  it("says the data can't be opened, with the folder Rust names", () => {
    const text = describeStatusFailure(en, failure("storage_unavailable", null, FULL_DISK));
    expect(text.title).toBe("Bankbook can't open its data");
    expect(text.explanation).toContain("Free some space on the disk");
    expect(text.detail).toBe("The disk is full. Folder: /home/eva/.local/share/bankbook");
  });

  it("says the data stays closed without the keychain that keeps its key, and how to get one", () => {
    const text = describeStatusFailure(en, failure("keychain_unavailable"));
    expect(text.title).toBe("Bankbook can't open its data");
    expect(text.explanation).toContain("the key to your data");
    expect(text.explanation).toContain("GNOME Keyring");
  });
});

describe("describeActionFailure", () => {
  it("says what failed, with what Rust names", () => {
    expect(describeActionFailure(en, failure("internal"), "disconnect")).toEqual({
      headline: "Bankbook could not disconnect.",
      detail: null,
    });
    const banksFile: ErrorDetail = { kind: "banksFile", path: "banks.toml", line: 3 };
    expect(describeActionFailure(en, failure("internal", null, banksFile), "listBanks")).toEqual({
      headline: "The list of banks could not be loaded.",
      detail: "banks.toml, line 3",
    });
  });
});

describe("a task that cannot start", () => {
  it("says an export is already running, not that it failed", () => {
    const running = failure("invalid_input", null, { kind: "taskRunning", task: "export" });
    expect(describeExportFailure(en, running).headline).toBe("An export is already running.");
    expect(describeExportFailure(sk, running).headline).toBe("Export už prebieha.");
  });

  it("says the whole history is already being fetched", () => {
    const running = failure("invalid_input", null, { kind: "taskRunning", task: "history" });
    expect(describeSyncFailure(en, running, "fetchWholeHistory").headline).toBe(
      "The whole history is already being fetched.",
    );
    expect(describeSyncFailure(sk, running, "fetchWholeHistory").headline).toBe(
      "Celá história sa už sťahuje.",
    );
  });

  it("asks to refresh the balances a bank statement needs", () => {
    const missing = failure("invalid_input", null, { kind: "missingBalance" });
    for (const intl of [en, sk]) {
      const text = describeExportFailure(intl, missing);
      expect(text.headline).not.toBe(
        describeExportFailure(intl, failure("invalid_input")).headline,
      );
      expect(text.detail).not.toBeNull();
    }
    expect(describeExportFailure(en, missing).detail).toBe(
      "Refresh the account's balances, then export again.",
    );
  });
});
