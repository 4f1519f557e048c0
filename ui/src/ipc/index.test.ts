import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import {
  CommandError,
  type ConsentOutcome,
  disconnect,
  onConsentFinished,
  refreshBank,
  selectAccounts,
  startConsent,
  toCommandError,
} from "./index";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));

describe("toCommandError", () => {
  it("keeps the code and message Rust sent", () => {
    const error = toCommandError({ code: "invalid_input", message: "page size out of range" });
    expect(error).toBeInstanceOf(CommandError);
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("page size out of range");
    expect(error.retryAfterSeconds).toBeNull();
  });

  it("keeps when to retry", () => {
    const error = toCommandError({ code: "rate_limited", message: "slow", retryAfterSeconds: 90 });
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(90);
    expect(toCommandError({ code: "network", message: "x", retryAfterSeconds: -1 })).toMatchObject({
      retryAfterSeconds: null,
    });
  });

  it("keeps a missing balance and a running task, and drops a task it does not know", () => {
    const missing = { kind: "missingBalance" } as const;
    expect(toCommandError({ code: "invalid_input", message: "x", detail: missing }).detail).toEqual(
      missing,
    );
    const running = { kind: "taskRunning", task: "export" } as const;
    expect(toCommandError({ code: "invalid_input", message: "x", detail: running }).detail).toEqual(
      running,
    );
    const unknown = { kind: "taskRunning", task: "dishes" };
    expect(
      toCommandError({ code: "invalid_input", message: "x", detail: unknown }).detail,
    ).toBeNull();
  });

  it("keeps the detail Rust sent, and drops one it cannot word", () => {
    const detail = { kind: "folder", path: "/data", reason: "readOnly" } as const;
    expect(toCommandError({ code: "storage_unavailable", message: "x", detail }).detail).toEqual(
      detail,
    );
    expect(toCommandError({ code: "internal", message: "x", detail: null }).detail).toBeNull();
    const unknown = { kind: "folder", path: "/data", reason: "cosmic rays" };
    expect(toCommandError({ code: "internal", message: "x", detail: unknown }).detail).toBeNull();
    expect(toCommandError({ code: "internal", message: "x" }).detail).toBeNull();
  });

  it("keeps which field of the bank form is wrong, and drops a field it does not know", () => {
    const detail = { kind: "bankForm", field: "baseUrl", problem: "notHttps" } as const;
    expect(toCommandError({ code: "invalid_input", message: "x", detail }).detail).toEqual(detail);
    const unknownField = { ...detail, field: "colour" };
    expect(
      toCommandError({ code: "invalid_input", message: "x", detail: unknownField }).detail,
    ).toBeNull();
    const unknownProblem = { ...detail, problem: "tooBlue" };
    expect(
      toCommandError({ code: "invalid_input", message: "x", detail: unknownProblem }).detail,
    ).toBeNull();
  });

  it("passes a CommandError through", () => {
    const error = new CommandError({ code: "unexpected", message: "x" });
    expect(toCommandError(error)).toBe(error);
  });

  it("treats an unknown code or shape as unexpected, keeping what it can", () => {
    expect(toCommandError({ code: "teapot", message: "x" }).code).toBe("unexpected");
    expect(toCommandError(new Error("boom")).message).toBe("boom");
    expect(toCommandError("plain text").message).toBe("plain text");
    expect(toCommandError(null).code).toBe("unexpected");
  });
});

describe("commands", () => {
  it("send their arguments in the names Tauri maps to Rust's", async () => {
    vi.mocked(invoke).mockResolvedValue(undefined);
    await startConsent("demo");
    await selectAccounts("tatra", ["SK1"]);
    await disconnect("tatra", true);
    await refreshBank("demo", false);
    expect(vi.mocked(invoke).mock.calls).toEqual([
      ["start_consent", { bankId: "demo" }],
      ["select_accounts", { bankId: "tatra", ibans: ["SK1"] }],
      ["disconnect", { bankId: "tatra", keepData: true }],
      ["refresh_bank", { bankId: "demo", onlyStale: false }],
    ]);
  });

  it("reject with a CommandError", async () => {
    vi.mocked(invoke).mockRejectedValue({ code: "consent_denied", message: "no" });
    await expect(startConsent("demo")).rejects.toMatchObject({
      name: "CommandError",
      code: "consent_denied",
    });
  });
});

describe("onConsentFinished", () => {
  it("hands over the event's payload and returns the unlisten function", async () => {
    const unlisten = vi.fn();
    vi.mocked(listen).mockResolvedValue(unlisten);
    const handler = vi.fn();
    const stop = await onConsentFinished(handler);
    expect(vi.mocked(listen).mock.calls[0]?.[0]).toBe("consent-finished");
    const callback = vi.mocked(listen).mock.calls[0]?.[1];
    const outcome: ConsentOutcome = { bankId: "demo", ok: true, error: null };
    callback?.({ event: "consent-finished", id: 1, payload: outcome });
    expect(handler).toHaveBeenCalledWith(outcome);
    expect(stop).toBe(unlisten);
  });
});
