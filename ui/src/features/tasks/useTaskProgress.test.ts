import { act, renderHook } from "@testing-library/react";
import { mockIpc } from "../../test/ipcMock";
import { useTaskProgress } from "./useTaskProgress";

vi.mock("../../ipc", async (importOriginal) =>
  (await import("../../test/ipcModule")).mockedIpc(await importOriginal()),
);

/** The task-progress event as mockIpc fakes it; `unlisten` counts the listeners stopped. */
function taskEvents() {
  const { reportProgress, unlisten } = mockIpc();
  return { send: reportProgress, unlisten };
}

describe("useTaskProgress", () => {
  it("is null until Rust reports, then follows the latest report of its task", async () => {
    const events = taskEvents();
    const { result } = renderHook(() => useTaskProgress("export"));
    await act(async () => {});
    expect(result.current).toBeNull();

    events.send({ task: "export", done: 100, total: 5000 });
    expect(result.current).toEqual({ task: "export", done: 100, total: 5000 });
    events.send({ task: "export", done: 1200, total: 5000 });
    expect(result.current).toEqual({ task: "export", done: 1200, total: 5000 });
  });

  it("ignores the other task's reports", async () => {
    const events = taskEvents();
    const { result } = renderHook(() => useTaskProgress("history"));
    await act(async () => {});
    events.send({ task: "export", done: 3, total: 10 });
    expect(result.current).toBeNull();
    events.send({ task: "history", done: 2, total: null });
    expect(result.current).toEqual({ task: "history", done: 2, total: null });
  });

  it("forgets the progress when the caller's run starts or ends", async () => {
    const events = taskEvents();
    const { result, rerender } = renderHook(({ running }) => useTaskProgress("export", running), {
      initialProps: { running: true },
    });
    await act(async () => {});
    events.send({ task: "export", done: 40, total: 40 });
    rerender({ running: false });
    expect(result.current).toBeNull();

    events.send({ task: "export", done: 7, total: 40 });
    rerender({ running: true });
    expect(result.current).toBeNull();
  });

  it("stops listening when unmounted, even before the listener was in place", async () => {
    const events = taskEvents();
    const { unmount } = renderHook(() => useTaskProgress("export"));
    await act(async () => {});
    unmount();
    expect(events.unlisten).toHaveBeenCalledTimes(1);

    const early = taskEvents();
    const second = renderHook(() => useTaskProgress("export"));
    second.unmount();
    await act(async () => {});
    expect(early.unlisten).toHaveBeenCalledTimes(1);
  });
});
