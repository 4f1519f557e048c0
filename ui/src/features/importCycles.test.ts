// The UI's imports, read from the source: no file imports itself back, and no folder imports one
// that imports it back. A feature folder (features/<name>) counts as its own folder, so two
// features never lean on each other both ways; what both need goes to a shared module
// (errors/, components/, hooks/, format/) instead.

// Every module under src, as text (Vite reads them; no Node API needed in the test's jsdom).
const SOURCES = import.meta.glob<string>("../**/*.{ts,tsx}", {
  query: "?raw",
  import: "default",
  eager: true,
});

/** "src/features/accounts/AccountItem.tsx" from "../features/accounts/AccountItem.tsx" or
 * "./accounts/AccountItem.tsx", as Vite names them relative to this file. */
function fromSrc(key: string): string {
  return normalize(`src/features/${key}`);
}

/** Resolves "." and ".." in a slash-separated path. */
function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") {
      parts.pop();
    } else if (part !== "." && part !== "") {
      parts.push(part);
    }
  }
  return parts.join("/");
}

const IMPORT =
  /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;

/** The relative specifiers a module imports, its comments left out. */
function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  return [...code.matchAll(IMPORT)]
    .map((match) => match[1] ?? match[2] ?? "")
    .filter((specifier) => specifier.startsWith("."));
}

/** The module file a relative specifier names, or null when it names none (a stylesheet). */
function resolve(from: string, specifier: string, files: ReadonlySet<string>): string | null {
  const base = normalize(`${from.slice(0, from.lastIndexOf("/"))}/${specifier}`);
  const candidates = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((end) => base + end);
  return candidates.find((candidate) => files.has(candidate)) ?? null;
}

type Graph = Map<string, Set<string>>;

function moduleGraph(sources: Record<string, string>): Graph {
  const texts = new Map(Object.entries(sources).map(([key, text]) => [fromSrc(key), text]));
  const files = new Set(texts.keys());
  const graph: Graph = new Map();
  for (const [file, text] of texts) {
    const targets = importsOf(text)
      .map((specifier) => resolve(file, specifier, files))
      .filter((target): target is string => target !== null);
    graph.set(file, new Set(targets));
  }
  return graph;
}

/** "features/accounts", "errors", "ipc", or "src" for the files at the top. */
function folderOf(file: string): string {
  const parts = file.split("/").slice(1, -1);
  return (parts[0] === "features" ? parts.slice(0, 2) : parts.slice(0, 1)).join("/") || "src";
}

function folderGraph(modules: Graph): Graph {
  const graph: Graph = new Map();
  for (const [file, targets] of modules) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const target of targets) {
      if (folderOf(target) !== from) {
        edges.add(folderOf(target));
      }
    }
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the path that closes it. */
function cycles(graph: Graph): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string) => {
    const open = path.indexOf(node);
    if (open !== -1) {
      found.push([...path.slice(open), node]);
      return;
    }
    if (done.has(node)) {
      return;
    }
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      visit(next);
    }
    path.pop();
    done.add(node);
  };
  for (const node of graph.keys()) {
    visit(node);
  }
  return found;
}

const describeCycles = (found: string[][]) => found.map((cycle) => cycle.join(" → "));

describe("imports", () => {
  const modules = moduleGraph(SOURCES);

  it("are read from the source", () => {
    expect(modules.get("src/App.tsx")).toContain("src/features/accounts/AccountsWindow.tsx");
    expect(modules.get("src/features/onboarding/FailureNotice.tsx")).toContain(
      "src/errors/errorText.ts",
    );
    expect(folderGraph(modules).get("features/onboarding")).toContain("features/connection");
  });

  it("find a cycle when there is one", () => {
    const graph: Graph = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
      ["d", new Set(["a"])],
    ]);
    expect(describeCycles(cycles(graph))).toEqual(["a → b → c → a"]);
    expect(
      importsOf('import { x } from "./x";\n// import "./commented";\nexport * from "./y";'),
    ).toEqual(["./x", "./y"]);
  });

  it("never go round between folders", () => {
    expect(describeCycles(cycles(folderGraph(modules)))).toEqual([]);
  });

  it("never go round between modules", () => {
    expect(describeCycles(cycles(modules))).toEqual([]);
  });
});
