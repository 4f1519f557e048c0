// Defaults for a test file that mocks ../ipc (every command and onConsentFinished): a Demo Bank
// that is not connected yet, commands that succeed, balances fetched minutes ago (nothing stale,
// so nothing refreshes unasked), empty histories, preferences left to an English system, and a
// consent-finished event the test fires itself.

import { act } from "@testing-library/react";
import * as ipc from "../ipc";
import {
  ACCOUNTS,
  connected,
  DEMO_BANK,
  EMPTY_HISTORY,
  NOT_CONNECTED,
  OVERVIEWS,
} from "./fixtures";

/** Nothing chosen yet, on an English system. */
export const SYSTEM_PREFERENCES: ipc.Preferences = {
  language: "system",
  theme: "system",
  systemLocale: "en-GB",
  unreadable: null,
};

export function mockIpc() {
  vi.resetAllMocks();
  const unlisten = vi.fn();
  let handler: ((outcome: ipc.ConsentOutcome) => void) | undefined;

  vi.mocked(ipc.listBanks).mockResolvedValue([DEMO_BANK]);
  vi.mocked(ipc.connectionStatus).mockResolvedValue(NOT_CONNECTED);
  vi.mocked(ipc.startConsent).mockResolvedValue(undefined);
  vi.mocked(ipc.reopenConsentPage).mockResolvedValue(undefined);
  vi.mocked(ipc.cancelConsent).mockResolvedValue(undefined);
  vi.mocked(ipc.consentedAccounts).mockResolvedValue(ACCOUNTS);
  vi.mocked(ipc.selectAccounts).mockImplementation(async (ibans) =>
    connected(ACCOUNTS.filter((account) => ibans.includes(account.iban))),
  );
  vi.mocked(ipc.disconnect).mockResolvedValue(undefined);
  vi.mocked(ipc.accountsOverview).mockResolvedValue(OVERVIEWS);
  vi.mocked(ipc.refreshAccounts).mockResolvedValue(OVERVIEWS);
  vi.mocked(ipc.uiPainted).mockResolvedValue(undefined);
  vi.mocked(ipc.transactionsPage).mockResolvedValue(EMPTY_HISTORY);
  vi.mocked(ipc.preferences).mockResolvedValue(SYSTEM_PREFERENCES);
  vi.mocked(ipc.savePreferences).mockImplementation(async (choice) => ({
    ...SYSTEM_PREFERENCES,
    ...choice,
  }));
  vi.mocked(ipc.onConsentFinished).mockImplementation(async (onOutcome) => {
    handler = onOutcome;
    return unlisten;
  });

  return {
    unlisten,
    /** Rust's consent-finished event, as the UI receives it. */
    finishConsent(outcome: ipc.ConsentOutcome) {
      if (!handler) {
        throw new Error("nothing listens to consent-finished");
      }
      const deliver = handler;
      act(() => deliver(outcome));
    },
  };
}

export const approved: ipc.ConsentOutcome = { ok: true, error: null };

export function refused(
  code: ipc.ErrorCode,
  message = "from Rust",
  retryAfterSeconds: number | null = null,
  detail: ipc.ErrorDetail | null = null,
): ipc.ConsentOutcome {
  return { ok: false, error: { code, message, retryAfterSeconds, detail } };
}
