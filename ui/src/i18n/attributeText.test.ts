// Biome's noJsxLiterals finds words written into JSX text; this finds them in the attributes a
// user reads or hears (aria-label="Close", title={"Refresh"}, placeholder={busy ? "Wait" : ""}).
// Their text must come from the catalogs, like every other word on screen.

/** Attributes whose text reaches the user. */
const SPOKEN_ATTRIBUTES = [
  "aria-label",
  "aria-description",
  "aria-roledescription",
  "aria-valuetext",
  "title",
  "placeholder",
  "alt",
  "label",
];

const COMPONENTS = import.meta.glob<string>(["../**/*.tsx", "!../**/*.test.tsx", "!../test/**"], {
  query: "?raw",
  import: "default",
  eager: true,
});

/** A string literal in code: "…", '…' or `…`. */
const STRING = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g;

/** A catalog key ("settings.open"): what a literal in such an attribute may be. */
const MESSAGE_ID = /^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+$/;

/** The expression between the braces that start at `open`, strings and nesting respected. */
function braced(source: string, open: number): string {
  let depth = 0;
  for (let index = open; index < source.length; index += 1) {
    const char = source[index];
    if (char === '"' || char === "'" || char === "`") {
      STRING.lastIndex = index;
      const literal = STRING.exec(source);
      if (literal?.index === index) {
        index += literal[0].length - 1;
        continue;
      }
    }
    if (char === "{") {
      depth += 1;
    } else if (char === "}") {
      depth -= 1;
      if (depth === 0) {
        return source.slice(open + 1, index);
      }
    }
  }
  return source.slice(open + 1);
}

/** Words in a literal: a letter that is not part of a message id or a template's ${…}. */
function hasWords(literal: string): boolean {
  const text = literal.slice(1, -1).replace(/\$\{[^}]*\}/g, "");
  return /\p{L}/u.test(text) && !MESSAGE_ID.test(text);
}

/** Each spoken attribute of `source` whose value holds a literal with words, as written. */
function literalAttributes(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const attribute = new RegExp(`[\\s{](${SPOKEN_ATTRIBUTES.join("|")})=(["'{])`, "g");
  const found: string[] = [];
  for (const match of code.matchAll(attribute)) {
    const [, name, start] = match;
    const valueAt = (match.index ?? 0) + match[0].length - 1;
    if (start === "{") {
      const expression = braced(code, valueAt);
      if ((expression.match(STRING) ?? []).some(hasWords)) {
        found.push(`${name}={${expression}}`);
      }
    } else {
      STRING.lastIndex = valueAt;
      const literal = STRING.exec(code)?.[0] ?? "";
      if (hasWords(literal)) {
        found.push(`${name}=${literal}`);
      }
    }
  }
  return found;
}

describe("the spoken attributes", () => {
  it("are found with words in them, however written", () => {
    expect(
      literalAttributes(
        `<b aria-label="Close" title={"Refresh"} alt={x ? "Yes" : y} placeholder={\`Hi \${n}\`} />`,
      ),
    ).toEqual([
      'aria-label="Close"',
      'title={"Refresh"}',
      'alt={x ? "Yes" : y}',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text the scan reports
      "placeholder={`Hi ${n}`}",
    ]);
  });

  it("may hold message ids, figures and expressions", () => {
    expect(
      literalAttributes(
        `<b aria-label={t("settings.open")} title={formatIban(iban)} label="accounts.item.booked" alt="" className="big" />`,
      ),
    ).toEqual([]);
  });

  it.each(Object.keys(COMPONENTS))("in %s come from the catalogs", (file) => {
    expect(literalAttributes(COMPONENTS[file] ?? "")).toEqual([]);
  });
});
