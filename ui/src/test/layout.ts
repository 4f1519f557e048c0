// jsdom lays nothing out: every element is 0 by 0 and never scrolls. The transaction list's
// virtualizer reads its scroll container's clientHeight and scrollTop, so tests give it a
// viewport and move it. Spies are restored after each test (restoreMocks in vite.config.ts).

import { fireEvent } from "@testing-library/react";

/** Every element reports this size; the virtualizer only asks its scroll container. */
export function fakeViewport({ width = 800, height = 600 } = {}) {
  vi.spyOn(Element.prototype, "clientHeight", "get").mockReturnValue(height);
  vi.spyOn(Element.prototype, "clientWidth", "get").mockReturnValue(width);
}

/** Scrolls `element` to `offset` pixels from its top, as a user's scroll would. */
export function scrollTo(element: HTMLElement, offset: number) {
  Object.defineProperty(element, "scrollTop", { configurable: true, value: offset });
  fireEvent.scroll(element);
}
