// A stand-in, written by hand, for a type the Rust side is adding: the structured detail of a
// command error. The same name and shape as Rust will generate; once ./bindings has it, index.ts
// and call.ts import that instead and this file goes.

/** What on the user's own computer a failure is about, for the small print. */
export type ErrorDetail =
  | {
      kind: "folder";
      path: string;
      reason: "noSpace" | "permissionDenied" | "readOnly" | "notFound" | "other";
    }
  | { kind: "keychain"; reason: "locked" | "noService" | "other" }
  | { kind: "banksFile"; path: string; line: number | null };
