// The ipc module as every UI test sees it: its types, CommandError and toCommandError real, every
// generated command and event listener a vi.fn() (mockIpc gives them defaults). Used from each
// test file's vi.mock:
//   vi.mock("../../ipc", async (importOriginal) =>
//     (await import("../../test/ipcModule")).mockedIpc(await importOriginal()));
// (the import is inside the factory because vi.mock runs before the file's own imports).

import type * as ipc from "../ipc";
import * as generated from "../ipc/bindings/commands";

export function mockedIpc(original: typeof ipc): typeof ipc {
  const calls = Object.entries(generated)
    .filter(([, value]) => typeof value === "function")
    .map(([name]) => [name, vi.fn()]);
  return { ...original, ...Object.fromEntries(calls) };
}
