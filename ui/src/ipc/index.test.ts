import { CommandError, toCommandError } from "./index";

describe("toCommandError", () => {
  it("keeps the code and message Rust sent", () => {
    const error = toCommandError({ code: "invalid_input", message: "page size out of range" });
    expect(error).toBeInstanceOf(CommandError);
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("page size out of range");
  });

  it("treats an unknown code or shape as unexpected, keeping what it can", () => {
    expect(toCommandError({ code: "teapot", message: "x" }).code).toBe("unexpected");
    expect(toCommandError(new Error("boom")).message).toBe("boom");
    expect(toCommandError("plain text").message).toBe("plain text");
    expect(toCommandError(null).code).toBe("unexpected");
  });
});
