// The message catalogs, one JSON file per screen area and language: `catalogs/en/<area>.json` and
// `catalogs/sk/<area>.json` hold the same keys, each prefixed with its area ("onboarding.title").
// English is the source: its keys are the message ids the code may use (`MessageId`), and the
// type of `CATALOGS.sk` makes a key missing from Slovak a type error. `catalogs.test.ts` checks
// the rest: the same keys per area, valid ICU syntax, the same arguments, and Slovak plurals with
// every CLDR category Slovak has.
//
// A new area: add its two JSON files and one line to each list below.

import enAccounts from "./catalogs/en/accounts.json";
import enBanks from "./catalogs/en/banks.json";
import enCategories from "./catalogs/en/categories.json";
import enCommon from "./catalogs/en/common.json";
import enConnection from "./catalogs/en/connection.json";
import enData from "./catalogs/en/data.json";
import enDetail from "./catalogs/en/detail.json";
import enErrors from "./catalogs/en/errors.json";
import enExport from "./catalogs/en/export.json";
import enOnboarding from "./catalogs/en/onboarding.json";
import enSearch from "./catalogs/en/search.json";
import enSettings from "./catalogs/en/settings.json";
import enTransactions from "./catalogs/en/transactions.json";
import skAccounts from "./catalogs/sk/accounts.json";
import skBanks from "./catalogs/sk/banks.json";
import skCategories from "./catalogs/sk/categories.json";
import skCommon from "./catalogs/sk/common.json";
import skConnection from "./catalogs/sk/connection.json";
import skData from "./catalogs/sk/data.json";
import skDetail from "./catalogs/sk/detail.json";
import skErrors from "./catalogs/sk/errors.json";
import skExport from "./catalogs/sk/export.json";
import skOnboarding from "./catalogs/sk/onboarding.json";
import skSearch from "./catalogs/sk/search.json";
import skSettings from "./catalogs/sk/settings.json";
import skTransactions from "./catalogs/sk/transactions.json";
import type { Language } from "./language";

/** Each area's catalog per language, by area name: what the catalog test walks. */
export const AREAS = {
  accounts: { en: enAccounts, sk: skAccounts },
  banks: { en: enBanks, sk: skBanks },
  categories: { en: enCategories, sk: skCategories },
  common: { en: enCommon, sk: skCommon },
  connection: { en: enConnection, sk: skConnection },
  data: { en: enData, sk: skData },
  detail: { en: enDetail, sk: skDetail },
  errors: { en: enErrors, sk: skErrors },
  export: { en: enExport, sk: skExport },
  onboarding: { en: enOnboarding, sk: skOnboarding },
  search: { en: enSearch, sk: skSearch },
  settings: { en: enSettings, sk: skSettings },
  transactions: { en: enTransactions, sk: skTransactions },
} as const;

const en = {
  ...enAccounts,
  ...enBanks,
  ...enCategories,
  ...enCommon,
  ...enConnection,
  ...enData,
  ...enDetail,
  ...enErrors,
  ...enExport,
  ...enOnboarding,
  ...enSearch,
  ...enSettings,
  ...enTransactions,
};

/** Every message the code may show, by id: the English catalog's keys. */
export type MessageId = keyof typeof en;

const sk: Record<MessageId, string> = {
  ...skAccounts,
  ...skBanks,
  ...skCategories,
  ...skCommon,
  ...skConnection,
  ...skData,
  ...skDetail,
  ...skErrors,
  ...skExport,
  ...skOnboarding,
  ...skSearch,
  ...skSettings,
  ...skTransactions,
};

export const CATALOGS: Record<Language, Record<MessageId, string>> = { en, sk };
