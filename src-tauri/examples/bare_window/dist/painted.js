// Two frames, as Bankbook's UI waits: the first is committed, the second reached the screen.
requestAnimationFrame(() =>
  requestAnimationFrame(() => {
    window.__TAURI_INTERNALS__.invoke("ui_painted", { milestone: "first_paint" });
  }),
);
