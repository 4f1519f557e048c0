import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  // Tauri serves the built files itself; no dev server is part of a build.
  clearScreen: false,
  build: {
    target: "safari16",
    outDir: "dist",
    emptyOutDir: true,
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["src/test/setup.ts"],
    restoreMocks: true,
    // Every core: Vitest's default leaves one free, which on CI's two cores runs the files one
    // at a time (137 s there, against 72 s on both).
    maxWorkers: "100%",
  },
});
