// Defaults for a test file that mocks ../ipc (every command and onConsentFinished): a Demo Bank
// that is not connected yet, commands that succeed, balances fetched minutes ago (nothing stale,
// so nothing refreshes unasked), empty histories (not checked yet, without charts), preferences
// left to an English system, no bank configured on the Banks screen, and consent-finished,
// task-progress and refreshed-on-its-own events the test fires itself.

import { act } from "@testing-library/react";
import * as ipc from "../ipc";
import {
  ACCOUNTS,
  BANKS,
  bankList,
  CATEGORY_SETTINGS,
  connection,
  DEMO_BANK,
  EMPTY_HISTORY,
  NOT_CONNECTED,
  OVERVIEWS,
  TATRA_ACCOUNTS,
} from "./fixtures";

/** Nothing chosen yet, on an English system. */
export const SYSTEM_PREFERENCES: ipc.Preferences = {
  language: "system",
  theme: "system",
  keepRunning: false,
  startAtLogin: false,
  systemLocale: "en-GB",
  unreadable: null,
};

/** An account whose history no refresh has checked yet. */
export function unchecked(iban: string): ipc.AccountReconciliation {
  return {
    iban,
    currency: "EUR",
    checked: false,
    since: null,
    complete: false,
    opening: null,
    breaks: [],
  };
}

export function mockIpc() {
  vi.resetAllMocks();
  const unlisten = vi.fn();
  let handler: ((outcome: ipc.ConsentOutcome) => void) | undefined;
  let progressHandler: ((progress: ipc.TaskProgress) => void) | undefined;
  let refreshedHandler: ((outcome: ipc.RefreshedOnItsOwn) => void) | undefined;
  let openAccountHandler: ((account: ipc.AccountToOpen) => void) | undefined;
  let refreshRequestHandler: (() => void) | undefined;

  vi.mocked(ipc.listBanks).mockResolvedValue(bankList(DEMO_BANK));
  vi.mocked(ipc.connectionStatus).mockResolvedValue(NOT_CONNECTED);
  vi.mocked(ipc.startConsent).mockResolvedValue(undefined);
  vi.mocked(ipc.reopenConsentPage).mockResolvedValue(undefined);
  vi.mocked(ipc.cancelConsent).mockResolvedValue(undefined);
  vi.mocked(ipc.consentedAccounts).mockImplementation(async (bankId) =>
    bankId === DEMO_BANK.id ? ACCOUNTS : TATRA_ACCOUNTS,
  );
  // The status as connectionStatus answers it, with the bank showing what was chosen.
  vi.mocked(ipc.selectAccounts).mockImplementation(async (bankId, ibans) => {
    const shown = [...ACCOUNTS, ...TATRA_ACCOUNTS].filter((account) =>
      ibans.includes(account.iban),
    );
    const { connections } = await ipc.connectionStatus();
    if (connections.some((earlier) => earlier.bank.id === bankId)) {
      return {
        connections: connections.map((earlier) =>
          earlier.bank.id === bankId ? { ...earlier, selectedAccounts: shown } : earlier,
        ),
      };
    }
    const bank = BANKS.find((candidate) => candidate.id === bankId) ?? DEMO_BANK;
    return { connections: [...connections, connection(bank, shown)] };
  });
  vi.mocked(ipc.disconnect).mockResolvedValue(undefined);
  vi.mocked(ipc.accountsOverview).mockResolvedValue(OVERVIEWS);
  vi.mocked(ipc.refreshBank).mockImplementation(async (bankId) =>
    OVERVIEWS.filter((overview) => overview.bankId === bankId),
  );
  vi.mocked(ipc.uiPainted).mockResolvedValue(undefined);
  vi.mocked(ipc.transactionsPage).mockResolvedValue(EMPTY_HISTORY);
  vi.mocked(ipc.reconciliation).mockImplementation(async (iban) => unchecked(iban));
  vi.mocked(ipc.fetchPeriodAgain).mockImplementation(async (iban) => unchecked(iban));
  vi.mocked(ipc.charts).mockImplementation(async (iban) => ({
    iban,
    currency: "EUR",
    months: [],
    flowAxis: { ticks: [], zero: 0, top: 10_000 },
    balances: [],
    balanceAxis: { ticks: [], zero: 0, top: 10_000 },
  }));
  vi.mocked(ipc.categorySettings).mockResolvedValue(CATEGORY_SETTINGS);
  vi.mocked(ipc.monthSpending).mockImplementation(async (iban, month) => ({
    iban,
    currency: "EUR",
    month,
    categories: [],
    axis: { ticks: [], zero: 0, top: 10_000 },
  }));
  vi.mocked(ipc.bankSettings).mockResolvedValue({ banks: [], presets: [] });
  vi.mocked(ipc.saveBank).mockImplementation(async (form) => ({
    id: form.id ?? form.name.toLowerCase().replace(/\W+/g, "-"),
    name: form.name,
    baseUrl: form.baseUrl,
    clientId: form.clientId,
    redirectUri: `app.bankbook:/oauth/callback/${form.id ?? "new"}`,
    clientSecretSaved: form.clientSecret !== null,
    clientCertificate: form.clientCertificate,
    clientKeySaved: form.clientKeyFile !== null,
    connected: false,
  }));
  vi.mocked(ipc.checkBank).mockResolvedValue("clientAccepted");
  vi.mocked(ipc.removeBank).mockResolvedValue(undefined);
  vi.mocked(ipc.preferences).mockResolvedValue(SYSTEM_PREFERENCES);
  vi.mocked(ipc.savePreferences).mockImplementation(async (choice) => ({
    ...SYSTEM_PREFERENCES,
    ...choice,
  }));
  vi.mocked(ipc.onConsentFinished).mockImplementation(async (onOutcome) => {
    handler = onOutcome;
    return unlisten;
  });
  vi.mocked(ipc.onTaskProgress).mockImplementation(async (onProgress) => {
    progressHandler = onProgress;
    return unlisten;
  });
  vi.mocked(ipc.notificationSettings).mockResolvedValue({
    accounts: [],
    showAmounts: false,
    quietFrom: "22:00",
    quietUntil: "07:00",
  });
  vi.mocked(ipc.saveNotificationSettings).mockImplementation(async (settings) => settings);
  vi.mocked(ipc.onRefreshRequested).mockImplementation(async (onRequest) => {
    refreshRequestHandler = onRequest;
    return unlisten;
  });
  vi.mocked(ipc.onOpenAccount).mockImplementation(async (onOpen) => {
    openAccountHandler = onOpen;
    return unlisten;
  });
  vi.mocked(ipc.onRefreshedOnItsOwn).mockImplementation(async (onRefreshed) => {
    refreshedHandler = onRefreshed;
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
    /** Rust's refreshed-on-its-own event (the latest listener hears it). */
    refreshOnItsOwn(outcome: ipc.RefreshedOnItsOwn) {
      if (!refreshedHandler) {
        throw new Error("nothing listens to refreshed-on-its-own");
      }
      const deliver = refreshedHandler;
      act(() => deliver(outcome));
    },
    /** Rust's refresh-requested event: Refresh now in the tray. */
    requestRefresh() {
      if (!refreshRequestHandler) {
        throw new Error("nothing listens to refresh-requested");
      }
      const deliver = refreshRequestHandler;
      act(() => deliver());
    },
    /** Rust's open-account event: a notification about the account was clicked. */
    openAccount(iban: string) {
      if (!openAccountHandler) {
        throw new Error("nothing listens to open-account");
      }
      const deliver = openAccountHandler;
      act(() => deliver({ iban }));
    },
    /** Rust's task-progress event (the latest listener hears it). */
    reportProgress(progress: ipc.TaskProgress) {
      if (!progressHandler) {
        throw new Error("nothing listens to task-progress");
      }
      const deliver = progressHandler;
      act(() => deliver(progress));
    },
  };
}

/** The Demo Bank's consent granted; `{ ...approved, bankId }` for another bank's. */
export const approved: ipc.ConsentOutcome = { bankId: DEMO_BANK.id, ok: true, error: null };

/** The Demo Bank's consent refused with `code`; `{ ...refused(code), bankId }` for another
 * bank's. */
export function refused(
  code: ipc.ErrorCode,
  message = "from Rust",
  retryAfterSeconds: number | null = null,
  detail: ipc.ErrorDetail | null = null,
): ipc.ConsentOutcome {
  return { bankId: DEMO_BANK.id, ok: false, error: { code, message, retryAfterSeconds, detail } };
}
