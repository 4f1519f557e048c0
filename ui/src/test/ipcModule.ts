// The ipc module as every UI test sees it: its types, CommandError and toCommandError real, every
// call to Rust a vi.fn() (mockIpc gives them defaults). Used from each test file's vi.mock:
//   vi.mock("../../ipc", async (importOriginal) =>
//     (await import("../../test/ipcModule")).mockedIpc(await importOriginal()));
// (the import is inside the factory because vi.mock runs before the file's own imports).

import type * as ipc from "../ipc";

export function mockedIpc(original: typeof ipc): typeof ipc {
  return {
    ...original,
    listBanks: vi.fn(),
    connectionStatus: vi.fn(),
    startConsent: vi.fn(),
    reopenConsentPage: vi.fn(),
    cancelConsent: vi.fn(),
    consentedAccounts: vi.fn(),
    selectAccounts: vi.fn(),
    disconnect: vi.fn(),
    accountsOverview: vi.fn(),
    refreshAccounts: vi.fn(),
    reportMilestone: vi.fn(),
    transactionsPage: vi.fn(),
    onConsentFinished: vi.fn(),
  };
}
