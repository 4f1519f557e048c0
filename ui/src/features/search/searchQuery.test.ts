import { act, renderHook } from "@testing-library/react";
import { activeFilterCount, EMPTY_QUERY, exportQuery, isSearching } from "./searchQuery";
import { useDebouncedValue } from "./useDebouncedValue";
import { isSearchShortcut } from "./useSearchShortcuts";
import { SEARCH_DEBOUNCE_MS, useSearchState } from "./useSearchState";

describe("search mode", () => {
  it("is off for nothing typed or set, and for blanks", () => {
    expect(isSearching(EMPTY_QUERY)).toBe(false);
    expect(isSearching({ ...EMPTY_QUERY, text: "   ", amount: " " })).toBe(false);
  });

  it("is on for text or any one filter, which each count once", () => {
    expect(isSearching({ ...EMPTY_QUERY, text: "gas" })).toBe(true);
    const filters = [
      { amount: "12,50" },
      { dateFrom: "2026-03-01" },
      { dateTo: "2026-03-31" },
      { direction: "incoming" as const },
      { pendingOnly: true },
      { iban: "SK3111000000002944134412" },
    ];
    for (const filter of filters) {
      expect(isSearching({ ...EMPTY_QUERY, ...filter })).toBe(true);
      expect(activeFilterCount({ ...EMPTY_QUERY, ...filter })).toBe(1);
    }
    expect(activeFilterCount(Object.assign({}, EMPTY_QUERY, ...filters))).toBe(6);
    expect(activeFilterCount({ ...EMPTY_QUERY, text: "gas" })).toBe(0);
  });
});

describe("exportQuery", () => {
  it("is the search while searching, else the selected account's whole history", () => {
    const search = { ...EMPTY_QUERY, text: "gas", iban: null };
    expect(exportQuery(search, "SK31")).toBe(search);
    expect(exportQuery(EMPTY_QUERY, "SK31")).toEqual({ ...EMPTY_QUERY, iban: "SK31" });
  });
});

describe("the debounce", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("passes a value on once it has stayed the same for the delay", () => {
    const { result, rerender } = renderHook(({ value }) => useDebouncedValue(value, 150), {
      initialProps: { value: "a" },
    });
    rerender({ value: "ab" });
    act(() => vi.advanceTimersByTime(100));
    rerender({ value: "abc" });
    act(() => vi.advanceTimersByTime(100));
    expect(result.current).toBe("a");
    act(() => vi.advanceTimersByTime(50));
    expect(result.current).toBe("abc");
  });

  it("starts a search after the pause, and ends it at once when everything is emptied", () => {
    const { result } = renderHook(() => useSearchState());
    act(() => result.current.change({ text: "plyn" }));
    expect(result.current.searching).toBe(false);
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS));
    expect(result.current.searching).toBe(true);
    expect(result.current.query).toEqual({ ...EMPTY_QUERY, text: "plyn" });

    act(() => result.current.change({ text: "plyn z" }));
    expect(result.current.query.text).toBe("plyn");
    act(() => result.current.clear());
    expect(result.current.searching).toBe(false);
    expect(result.current.draft).toEqual(EMPTY_QUERY);
  });
});

describe("isSearchShortcut", () => {
  const key = (key: string, mods: Partial<Record<"ctrl" | "meta" | "alt" | "shift", boolean>>) => ({
    key,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
    altKey: mods.alt ?? false,
    shiftKey: mods.shift ?? false,
  });

  it("is / alone, or Ctrl+F or Cmd+F", () => {
    expect(isSearchShortcut(key("/", {}))).toBe(true);
    expect(isSearchShortcut(key("f", { ctrl: true }))).toBe(true);
    expect(isSearchShortcut(key("F", { meta: true }))).toBe(true);
    expect(isSearchShortcut(key("f", {}))).toBe(false);
    expect(isSearchShortcut(key("/", { ctrl: true }))).toBe(false);
    expect(isSearchShortcut(key("f", { ctrl: true, alt: true }))).toBe(false);
    expect(isSearchShortcut(key("f", { ctrl: true, shift: true }))).toBe(false);
  });
});
