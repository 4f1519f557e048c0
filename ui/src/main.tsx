import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { reportFirstPaint } from "./ipc";
import "./styles.css";

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
  // Two frames: the first is committed, the second means it reached the screen.
  requestAnimationFrame(() => requestAnimationFrame(markFirstPaint));
}

/** Tells Rust (for the start-up time in the log) and the end-to-end tests that the UI is up. */
function markFirstPaint() {
  document.documentElement.dataset.painted = "true";
  reportFirstPaint().catch((error: unknown) => console.warn("first paint not reported", error));
}
