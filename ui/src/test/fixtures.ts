import type { AccountChoice, BankChoice, ConnectionStatus } from "../ipc";

export const DEMO_BANK: BankChoice = { id: "demo", name: "Demo Bank", isDemo: true };

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

export const NOT_CONNECTED: ConnectionStatus = {
  bank: null,
  consentExpiresAt: null,
  selectedAccounts: [],
};

export function connected(selectedAccounts: AccountChoice[]): ConnectionStatus {
  return { bank: DEMO_BANK, consentExpiresAt: "2026-09-01T12:00:00Z", selectedAccounts };
}
