import type { Root } from "mdast";
import { descendants, MASK, maskInline, nodeText, startOf } from "./master-issue-markdown.js";

/**
 * Which words of a task's text name files. Backticks are the author saying "this is a path", so a
 * backticked token needs only to look like a path or a known file name; a bare token must contain a
 * slash and look unmistakably like a path, because prose is full of `and/or`, `TCP/IP` and `w/`.
 */

const KNOWN_EXTENSIONS = new Set(
  (
    "ts tsx mts cts js jsx mjs cjs json jsonc json5 md mdx txt yml yaml toml ini cfg conf env lock xml " +
    "html htm css scss sass less vue svelte astro py pyi rb go rs java kt kts scala cs fs cpp cc c h hpp " +
    "m mm swift dart php lua pl r jl ex exs erl hs clj sql graphql gql proto tf hcl sh bash zsh ps1 bat " +
    "cmd gradle csv tsv svg png jpg jpeg gif webp ico snap ipynb wasm d.ts"
  ).split(" "),
);
const WELL_KNOWN_FILES = new Set([
  "Dockerfile",
  "Makefile",
  "Procfile",
  "Gemfile",
  "Rakefile",
  "Jenkinsfile",
  "Vagrantfile",
  "CODEOWNERS",
  "LICENSE",
  "README",
]);
const DOTFILE =
  /^\.(?:env(?:\.[\w-]+)?|gitignore|gitattributes|gitmodules|npmrc|nvmrc|node-version|editorconfig|prettierrc|prettierignore|eslintrc|eslintignore|dockerignore|babelrc|browserslistrc|tool-versions)$/;
/** Slash pairs of ordinary prose, compared in lower case. */
const NOT_PATHS = new Set(
  (
    "and/or or/and i/o tcp/ip udp/ip input/output read/write w/ w/o n/a client/server true/false yes/no " +
    "on/off either/or he/she s/he his/her him/her km/h ci/cd ui/ux async/await try/catch get/set " +
    "frontend/backend front-end/back-end pros/cons dev/prod"
  ).split(" "),
);
/** First directories that make a bare `a/b/c` without an extension a path rather than prose. */
const SOURCE_ROOTS = new Set(
  (
    "src lib test tests __tests__ spec docs doc packages apps app scripts bin config public assets " +
    "components pages api services internal cmd pkg .github examples tools server client web"
  ).split(" "),
);
const DOMAIN = /^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|app|co|ai|gov|edu|me|sh|so|xyz|info)$/i;
const PATH_CHARS = /^[\w.\-/*?{},+~]+$/;

function extensionOf(name: string): string | undefined {
  const dot = name.indexOf(".", 1);
  if (dot === -1) return undefined;
  const ext = name.slice(dot + 1).toLowerCase();
  if (KNOWN_EXTENSIONS.has(ext)) return ext;
  const lastDot = name.lastIndexOf(".");
  const last = name.slice(lastDot + 1).toLowerCase();
  return lastDot > 0 && KNOWN_EXTENSIONS.has(last) ? last : undefined;
}

/**
 * The normalised path a token names, or undefined when it is not a path. `./x` becomes `x`; directories
 * keep their trailing `/`. URLs, `@scope/pkg`, `owner/repo#1`, absolute paths and API routes (`/api/x`),
 * dates and fractions are not files.
 */
export function classifyPathToken(raw: string, backticked: boolean): string | undefined {
  let token = raw.trim();
  if (!backticked) {
    // Bold or italic markers around a bare path are markdown, not part of it; a glob keeps its stars.
    token = token.replace(/^\*+(?=[\w.])/, "").replace(/(?<=[\w.])\*+$/, "");
    token = token.replace(/[.,;:!?]+$/, "");
  }
  while (token.startsWith("./")) token = token.slice(2);
  if (token.length === 0 || token.length > 300 || !PATH_CHARS.test(token)) return undefined;
  if (token.startsWith("/") || token.startsWith("~") || token.includes("//")) return undefined;
  if (token.includes(",") && !token.includes("{")) return undefined;
  if (NOT_PATHS.has(token.toLowerCase()) || /^[\d/.-]+$/.test(token)) return undefined;
  const segments = token.split("/");
  const first = segments[0] ?? "";
  const last = segments[segments.length - 1] ?? "";
  if (segments.length > 1 && DOMAIN.test(first)) return undefined;
  const isDirectory = token.endsWith("/") && token.length > 1;
  const isGlob = /[*?{]/.test(token);
  const hasExtension = extensionOf(last) !== undefined;
  if (backticked) {
    if (segments.length > 1) return token;
    return hasExtension || WELL_KNOWN_FILES.has(token) || DOTFILE.test(token) ? token : undefined;
  }
  if (segments.length < 2) return undefined;
  if (isDirectory)
    return segments.every((s, i) => s.length >= 2 || i === segments.length - 1) ? token : undefined;
  if (isGlob || hasExtension) return token;
  return segments.length >= 3 && SOURCE_ROOTS.has(first) ? token : undefined;
}

/**
 * Candidate bare tokens: runs of characters that can appear in a path, split at spaces and brackets.
 * Whole runs are matched and filtered for a slash afterwards; a pattern requiring the slash inside the
 * run would backtrack quadratically over a long run without one.
 */
const BARE_TOKEN = new RegExp(`[^\\s()[\\]<>"'\`${MASK}]+`, "g");

function bare(token: string): string | undefined {
  return token.includes("/") ? classifyPathToken(token, false) : undefined;
}

/** Files, directories and globs a task's markdown mentions, in order of appearance, de-duplicated. */
export function findFiles(tree: Root, source: string): string[] {
  const found: { at: number; path: string }[] = [];
  const add = (at: number, path: string | undefined): void => {
    if (path !== undefined) found.push({ at, path });
  };
  for (const node of descendants(tree)) {
    if (node.type === "inlineCode") add(startOf(node), classifyPathToken(node.value, true));
    if (node.type === "link") {
      for (const m of nodeText(node).matchAll(BARE_TOKEN)) add(startOf(node), bare(m[0]));
    }
    if (node.type === "paragraph" || node.type === "heading" || node.type === "tableCell") {
      const masked = maskInline(node, source, { emphasis: false });
      for (const m of masked.matchAll(BARE_TOKEN)) add(startOf(node) + m.index, bare(m[0]));
    }
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.path))];
}
