// The prefixes of the queries that show stored transactions, which whatever changes them (a
// refresh, the whole history fetched, a category chosen) invalidates. Here, outside the feature
// folders, so that any of them can invalidate another's without importing it.

/** Every account's history, and what sits under it (its check, its charts). */
export const TRANSACTIONS_KEY = ["transactions"] as const;

/** Every search query: results and summaries. */
export const SEARCH_KEY = ["search"] as const;

/** Every transaction's detail. */
export const DETAIL_KEY = ["transaction-detail"] as const;
