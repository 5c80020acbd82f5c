import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "**/*.json"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // run.ts and the bin are the only places that talk to a console/runner; stages log through ports.
      "no-console": "error",
    },
  },
  {
    files: ["__tests__/**", "scripts/**", "bin/**", "bench/**"],
    rules: { "no-console": "off" },
  },
);
