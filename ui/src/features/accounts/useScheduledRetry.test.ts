import { act, renderHook } from "@testing-library/react";
import { CommandError } from "../../ipc";
import { useScheduledRetry } from "./useScheduledRetry";

const limited = (retryAfterSeconds: number | null) =>
  new CommandError({ code: "rate_limited", message: "slow down", retryAfterSeconds });

describe("useScheduledRetry", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-11-24T10:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("tries again when the bank said, once, and says when", () => {
    const retry = vi.fn();
    // One failure for every render, as the window memoizes it.
    const failure = limited(150);
    const { result } = renderHook(() => useScheduledRetry(failure, retry));
    expect(result.current?.toISOString()).toBe("2026-11-24T10:02:30.000Z");
    act(() => vi.advanceTimersByTime(149_000));
    expect(retry).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1_000));
    expect(retry).toHaveBeenCalledTimes(1);
    act(() => vi.advanceTimersByTime(600_000));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it("waits a few seconds even when the bank says to come back at once", () => {
    const retry = vi.fn();
    const failure = limited(0);
    renderHook(() => useScheduledRetry(failure, retry));
    act(() => vi.advanceTimersByTime(4_999));
    expect(retry).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it("schedules nothing without a time, or for a wait of hours", () => {
    const retry = vi.fn();
    const { result, rerender } = renderHook(({ failure }) => useScheduledRetry(failure, retry), {
      initialProps: { failure: limited(null) as CommandError | null },
    });
    expect(result.current).toBeNull();
    rerender({ failure: limited(3 * 60 * 60) });
    expect(result.current).toBeNull();
    act(() => vi.advanceTimersByTime(4 * 60 * 60 * 1000));
    expect(retry).not.toHaveBeenCalled();
  });

  it("stops after three retries in a row, and counts again after a success", () => {
    const retry = vi.fn();
    const { result, rerender } = renderHook(({ failure }) => useScheduledRetry(failure, retry), {
      initialProps: { failure: limited(60) as CommandError | null },
    });
    for (let failed = 1; failed <= 3; failed += 1) {
      act(() => vi.advanceTimersByTime(60_000));
      expect(retry).toHaveBeenCalledTimes(failed);
      rerender({ failure: limited(60) });
    }
    expect(result.current).toBeNull();
    act(() => vi.advanceTimersByTime(600_000));
    expect(retry).toHaveBeenCalledTimes(3);

    rerender({ failure: null });
    rerender({ failure: limited(60) });
    expect(result.current).not.toBeNull();
  });

  it("forgets the retry once the failure is gone", () => {
    const retry = vi.fn();
    const { result, rerender } = renderHook(({ failure }) => useScheduledRetry(failure, retry), {
      initialProps: { failure: limited(60) as CommandError | null },
    });
    rerender({ failure: null });
    expect(result.current).toBeNull();
    act(() => vi.advanceTimersByTime(120_000));
    expect(retry).not.toHaveBeenCalled();
  });
});
