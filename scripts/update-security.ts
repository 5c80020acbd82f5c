import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { updateSecurityMd } from "../__tests__/adversarial/catalog.js";

const path = resolve(import.meta.dirname, "../SECURITY.md");
writeFileSync(path, updateSecurityMd(readFileSync(path, "utf8")));
console.log("SECURITY.md attack table regenerated from __tests__/adversarial/catalog.ts.");
