import type {
  AccountChoice,
  AccountOverview,
  AutomaticRefresh,
  BalanceView,
  BankChoice,
  BankConnection,
  BankList,
  CategorySettings,
  ConnectionStatus,
  TransactionsPage,
  TransactionView,
} from "../ipc";

export const DEMO_BANK: BankChoice = { id: "demo", name: "Demo Bank", isDemo: true };
export const TATRA_BANK: BankChoice = { id: "tatra-banka", name: "Tatra banka", isDemo: false };
export const BANKS = [DEMO_BANK, TATRA_BANK];

// The Demo Bank's accounts.
export const EVERYDAY: AccountChoice = {
  iban: "DE89370400440532013000",
  name: "Everyday",
  currency: "EUR",
  product: "Girokonto",
};
export const SAVINGS: AccountChoice = {
  iban: "DE02120300000000202051",
  name: null,
  currency: "EUR",
  product: "Tagesgeld",
};
export const TRAVEL: AccountChoice = {
  iban: "DE44500105175407324931",
  name: "Travel",
  currency: "USD",
  product: null,
};
export const ACCOUNTS = [EVERYDAY, SAVINGS, TRAVEL];

// Tatra banka's accounts.
export const BEZNY: AccountChoice = {
  iban: "SK3111000000002944134412",
  name: "Bežný účet",
  currency: "EUR",
  product: "Osobný účet",
};
export const SPORIACI: AccountChoice = {
  iban: "SK8975000000000012345671",
  name: null,
  currency: "EUR",
  product: "Sporiaci účet",
};
export const TATRA_ACCOUNTS = [BEZNY, SPORIACI];

/** The bank an account of these fixtures is at. */
/** The banks `list_banks` answers with, `banks.toml` read without a problem. */
export function bankList(...banks: BankChoice[]): BankList {
  return { banks, problem: null };
}

export function bankOf(account: AccountChoice): BankChoice {
  return TATRA_ACCOUNTS.some((tatra) => tatra.iban === account.iban) ? TATRA_BANK : DEMO_BANK;
}

export const NOT_CONNECTED: ConnectionStatus = { connections: [] };

/** When a consent ends, unless a test says: far enough ahead never to have ended. */
export const CONSENT_END = "2036-09-01T12:00:00Z";

/** A bank connected until CONSENT_END, showing `selectedAccounts`. */
export function connection(
  bank: BankChoice,
  selectedAccounts: AccountChoice[],
  {
    consentExpiresAt = CONSENT_END,
    tokensUnsaved = false,
    automaticRefresh = NO_AUTOMATIC_REFRESH,
  }: {
    consentExpiresAt?: string | null;
    tokensUnsaved?: boolean;
    automaticRefresh?: AutomaticRefresh;
  } = {},
): BankConnection {
  return { bank, consentExpiresAt, automaticRefresh, selectedAccounts, tokensUnsaved };
}

/** No automatic refresh planned, unless a test says: the group shows no line for it. */
export const NO_AUTOMATIC_REFRESH: AutomaticRefresh = { left: 4, perDay: 4, nextAt: null };

/** The Demo Bank connected, showing `selectedAccounts`. */
export function connected(selectedAccounts: AccountChoice[]): ConnectionStatus {
  return { connections: [connection(DEMO_BANK, selectedAccounts)] };
}

/** The Demo Bank with all its accounts, and Tatra banka with its own. */
export const BOTH_BANKS: ConnectionStatus = {
  connections: [
    connection(DEMO_BANK, ACCOUNTS),
    connection(TATRA_BANK, TATRA_ACCOUNTS, { consentExpiresAt: "2037-02-28T09:00:00Z" }),
  ],
};

/** An RFC 3339 moment `minutes` before now, as Rust stamps a balance's fetch. */
export function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}

/** An account with booked and available balances fetched five minutes ago. */
export function overview(
  account: AccountChoice,
  {
    booked = "1520.35",
    available = "1320.35",
    fetchedAt = minutesAgo(5),
    stale = false,
    noLongerConsented = false,
  }: {
    booked?: string;
    available?: string;
    fetchedAt?: string | null;
    stale?: boolean;
    noLongerConsented?: boolean;
  } = {},
): AccountOverview {
  const balance = (kind: "booked" | "available", code: string, amount: string): BalanceView => ({
    kind,
    code,
    amount,
    currency: account.currency,
    creditLine: null,
  });
  return {
    bankId: bankOf(account).id,
    account,
    balances: [balance("booked", "ITBD", booked), balance("available", "ITAV", available)],
    balancesFetchedAt: fetchedAt,
    stale,
    noLongerConsented,
  };
}

export const OVERVIEWS = [...ACCOUNTS, ...TATRA_ACCOUNTS].map((account) => overview(account));

/** A booked card payment; override what a test is about. */
export function transaction(id: string, fields: Partial<TransactionView> = {}): TransactionView {
  return {
    id,
    status: "booked",
    amount: "-12.50",
    currency: "EUR",
    date: "2026-11-20",
    bookingDate: "2026-11-20",
    valueDate: "2026-11-20",
    counterpartyName: `Shop ${id}`,
    counterpartyIban: null,
    description: null,
    bankNote: "Card payment",
    variableSymbol: null,
    specificSymbol: null,
    constantSymbol: null,
    categoryId: null,
    ...fields,
  };
}

/** `count` booked entries named `${prefix}-0` onwards, two a day going back from 2026-11-20. */
export function transactions(prefix: string, count: number, from = 0): TransactionView[] {
  return Array.from({ length: count }, (_, offset) => {
    const index = from + offset;
    const day = new Date(Date.UTC(2026, 10, 20 - Math.floor(index / 2)));
    const date = day.toISOString().slice(0, 10);
    return transaction(`${prefix}-${index}`, { date, bookingDate: date, valueDate: date });
  });
}

export function page(
  items: TransactionView[],
  nextCursor: string | null = null,
  previousCursor: string | null = null,
): TransactionsPage {
  return { items, nextCursor, previousCursor, complete: nextCursor === null };
}

export const EMPTY_HISTORY = page([]);

/** The app's categories as Rust names them in English, ids 1 to 13, and no rules. */
export const CATEGORY_SETTINGS: CategorySettings = {
  categories: [
    ["groceries", "Groceries", "#2e7d32"],
    ["eating_out", "Eating out", "#ef6c00"],
    ["transport", "Transport", "#1565c0"],
    ["housing_energy", "Housing and energy", "#6d4c41"],
    ["phone_internet", "Phone and internet", "#00838f"],
    ["shopping", "Shopping", "#ad1457"],
    ["health", "Health", "#c62828"],
    ["leisure", "Leisure", "#6a1b9a"],
    ["cash", "Cash", "#558b2f"],
    ["own_transfers", "Between own accounts", "#546e7a"],
    ["income", "Income", "#00796b"],
    ["fees", "Fees", "#8d6e63"],
    ["other", "Other", "#757575"],
  ].map(([key, name, colour], index) => ({
    id: index + 1,
    key: key ?? null,
    name: name ?? "",
    renamed: false,
    colour: colour ?? "",
  })),
  rules: [],
};
