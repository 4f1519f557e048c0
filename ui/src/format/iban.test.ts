import { compactIban, groupedIban } from "./iban";

describe("groupedIban", () => {
  it("groups the characters in fours, the last group shorter", () => {
    expect(groupedIban("DE89370400440532013000")).toBe("DE89 3704 0044 0532 0130 00");
    expect(groupedIban("NL91ABNA0417164300")).toBe("NL91 ABNA 0417 1643 00");
  });

  it("regroups spaced input and upper-cases it", () => {
    expect(groupedIban(" gb29 nwbk6016 1331 9268 19 ")).toBe("GB29 NWBK 6016 1331 9268 19");
    expect(groupedIban("sk89 75000000000012345671")).toBe("SK89 7500 0000 0000 1234 5671");
  });

  it("keeps short and empty input", () => {
    expect(groupedIban("AT61")).toBe("AT61");
    expect(groupedIban("")).toBe("");
  });
});

describe("compactIban", () => {
  it("writes an IBAN as it is pasted: no spaces, upper case", () => {
    expect(compactIban("SK89 7500 0000 0000 1234 5671")).toBe("SK8975000000000012345671");
    expect(compactIban(" gb29 nwbk6016 ")).toBe("GB29NWBK6016");
  });
});
