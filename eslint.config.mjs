// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "**/.next/", ".data/", "lib/generated/", "test-results/", "playwright-report/", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { react, "react-hooks": reactHooks },
    settings: { react: { version: "19" } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // User text is never rendered as HTML.
      "react/no-danger": "error",
      "react/jsx-no-target-blank": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // Parameterised SQL only: the unsafe raw APIs are banned outside test helpers.
      "no-restricted-properties": [
        "error",
        { property: "$queryRawUnsafe", message: "Use $queryRaw with a tagged template (parameterised)." },
        { property: "$executeRawUnsafe", message: "Use $executeRaw with a tagged template (parameterised)." },
      ],
    },
  },
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      // Database access belongs in lib/<domain>/queries.ts and mutations.ts, never in the UI.
      "no-restricted-imports": ["error", { paths: [{ name: "@/lib/db", message: "Query through lib/<domain>/queries.ts." }] }],
    },
  },
  {
    // UI text comes from the message catalogue (lib/i18n), in the viewer's language: text written
    // into a component (JSX text or a label/hint/title/aria-label/placeholder/alt attribute) fails
    // the lint. The residents' public pages have their own four-language texts (lib/tips/messages);
    // the accessibility statement is in the catalogue.
    files: ["app/*.tsx", "app/(app)/**/*.tsx", "app/(auth)/**/*.tsx", "app/(public)/tillganglighet/**/*.tsx", "components/**/*.tsx"],
    rules: {
      "react/jsx-no-literals": ["error", { noStrings: false }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name=/^(label|hint|title|aria-label|placeholder|alt)$/] > Literal[value=/[A-Za-zÅÄÖåäö]/]",
          message: "Text for people comes from the message catalogue (lib/i18n).",
        },
      ],
    },
  },
  {
    files: ["tests/**/*.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", fetch: "readonly", module: "writable", require: "readonly" } },
  },
  {
    // The service worker runs in the browser's worker scope.
    files: ["public/sw.js"],
    languageOptions: { globals: { self: "readonly", caches: "readonly", Response: "readonly" } },
  },
);
