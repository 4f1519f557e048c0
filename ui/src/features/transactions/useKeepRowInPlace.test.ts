import { renderHook } from "@testing-library/react";
import { transaction } from "../../test/fixtures";
import type { ListItem } from "./grouping";
import { useKeepRowInPlace } from "./useKeepRowInPlace";

const HEIGHT = 50;
const heightOf = () => HEIGHT;

const rows = (ids: string[]): ListItem[] =>
  ids.map((id) => ({
    kind: "transaction",
    key: `tx:${id}`,
    transaction: transaction(id),
    iban: null,
  }));

/** A scroll container whose position the hook can read and move. */
function scroller(scrollTop: number) {
  const element = document.createElement("section");
  Object.defineProperty(element, "scrollTop", { configurable: true, writable: true, value: 0 });
  element.scrollTop = scrollTop;
  return { current: element };
}

describe("useKeepRowInPlace", () => {
  it("moves down by the rows that arrived above the top row", () => {
    const ref = scroller(120); // "c" is at the top, 20 px of it scrolled out of view
    const { rerender } = renderHook(({ items }) => useKeepRowInPlace(items, ref, heightOf), {
      initialProps: { items: rows(["a", "b", "c", "d"]) },
    });
    rerender({ items: rows(["y", "z", "a", "b", "c", "d"]) });
    expect(ref.current.scrollTop).toBe(220);
  });

  it("moves up by the rows let go above the top row", () => {
    const ref = scroller(260); // "f" at the top
    const { rerender } = renderHook(({ items }) => useKeepRowInPlace(items, ref, heightOf), {
      initialProps: { items: rows(["a", "b", "c", "d", "e", "f", "g"]) },
    });
    rerender({ items: rows(["d", "e", "f", "g", "h"]) });
    expect(ref.current.scrollTop).toBe(110);
  });

  it("stays put when rows arrive below", () => {
    const ref = scroller(60);
    const { rerender } = renderHook(({ items }) => useKeepRowInPlace(items, ref, heightOf), {
      initialProps: { items: rows(["a", "b", "c"]) },
    });
    rerender({ items: rows(["a", "b", "c", "d", "e"]) });
    expect(ref.current.scrollTop).toBe(60);
  });
});
