import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { updateReadme } from "./readme-sections.js";

const path = resolve(import.meta.dirname, "../README.md");
writeFileSync(path, updateReadme(readFileSync(path, "utf8")));
console.log("README.md reference sections regenerated.");
