// jsdom has no <dialog> methods; give them the behaviour the browser has.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.open = false;
  this.dispatchEvent(new Event("close"));
};

// jsdom lays nothing out, so its getClientRects() is empty for every element; a browser's is
// empty only for an element without a box: not on the page, or display: none on it or an
// ancestor (the `hidden` attribute included). Tests get the browser's answer to "is it shown".
Element.prototype.getClientRects = function getClientRects(this: Element) {
  const boxes: DOMRect[] = [];
  let shown = this.isConnected;
  for (let element: Element | null = this; shown && element; element = element.parentElement) {
    shown = !element.hasAttribute("hidden") && getComputedStyle(element).display !== "none";
  }
  if (shown) {
    boxes.push(new DOMRect());
  }
  return Object.assign(boxes, {
    item: (index: number) => boxes[index] ?? null,
  }) as unknown as DOMRectList;
};
