import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { markMilestone } from "./startup/milestones";
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
  // Two frames: the first is committed, the second means it reached the screen. The end-to-end
  // tests wait for the mark.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      document.documentElement.dataset.painted = "true";
    }),
  );
  markMilestone("first_paint");
}
