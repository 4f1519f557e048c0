import { fireEvent, screen } from "@testing-library/react";
import * as ipc from "../../ipc";
import { CATEGORY_SETTINGS } from "../../test/fixtures";
import { mockIpc } from "../../test/ipcMock";
import { renderWithQueries } from "../../test/render";
import { RuleForm } from "./RuleForm";

vi.mock("../../ipc", async (importOriginal) =>
  (await import("../../test/ipcModule")).mockedIpc(await importOriginal()),
);

const CONDITIONS: ipc.RuleConditions = {
  counterparty: "zverimex",
  description: "",
  counterpartyIban: "",
  minAmount: "",
  maxAmount: "30",
  direction: "outgoing",
};

beforeEach(() => {
  mockIpc();
  vi.mocked(ipc.previewRule).mockResolvedValue({
    count: 2,
    stopped: false,
    sample: [
      {
        iban: "SK31",
        id: "r1",
        date: "2026-11-20",
        counterpartyName: "ZVERIMEX Ruzinov",
        description: null,
        amount: "-24.90",
        currency: "EUR",
        from: 13,
      },
    ],
  });
  vi.mocked(ipc.saveRule).mockResolvedValue({
    changed: 2,
    stopped: false,
    settings: CATEGORY_SETTINGS,
  });
});

function fill() {
  renderWithQueries(<RuleForm categories={CATEGORY_SETTINGS.categories} />);
  fireEvent.change(screen.getByRole("textbox", { name: "Counterparty has" }), {
    target: { value: "zverimex" },
  });
  fireEvent.change(screen.getByRole("textbox", { name: "Amount at most" }), {
    target: { value: "30" },
  });
  fireEvent.change(screen.getByRole("combobox", { name: "Direction" }), {
    target: { value: "outgoing" },
  });
  fireEvent.change(screen.getByRole("combobox", { name: "Gives the category" }), {
    target: { value: "6" },
  });
}

it("previews the stored transactions the rule would change, with their category now", async () => {
  fill();
  fireEvent.click(screen.getByRole("button", { name: "Preview" }));
  expect(await screen.findByText("2 stored transactions would change:")).toBeTruthy();
  const row = screen.getByRole("row", { name: /ZVERIMEX Ruzinov/ });
  expect(row.textContent).toContain("−€24.90");
  expect(row.textContent).toContain("Other");
  expect(ipc.previewRule).toHaveBeenCalledWith(6, CONDITIONS);
});

it("saves the rule, applied to the stored transactions unless unticked, and says how many changed", async () => {
  fill();
  fireEvent.click(
    screen.getByRole("checkbox", { name: "Also change the stored transactions it matches" }),
  );
  fireEvent.click(screen.getByRole("button", { name: "Save rule" }));
  expect(await screen.findByText("Rule saved. 2 stored transactions changed.")).toBeTruthy();
  expect(ipc.saveRule).toHaveBeenCalledWith(6, CONDITIONS, false);
  expect(screen.getByRole("textbox", { name: "Counterparty has" })).toHaveProperty("value", "");
});

it("words a refused rule from its code", async () => {
  vi.mocked(ipc.saveRule).mockRejectedValue({ code: "invalid_input", message: "empty" });
  renderWithQueries(<RuleForm categories={CATEGORY_SETTINGS.categories} />);
  fireEvent.click(screen.getByRole("button", { name: "Save rule" }));
  expect((await screen.findByRole("alert")).textContent).toContain("The rule couldn't be saved.");
});
