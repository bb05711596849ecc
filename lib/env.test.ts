import { test } from "node:test";
import assert from "node:assert/strict";
import { parseEnv } from "./env";

const valid = { DATABASE_URL: "postgresql://u@127.0.0.1:5432/est", NEXTAUTH_SECRET: "x".repeat(32) };

test("valid configuration gets its defaults", () => {
  const env = parseEnv(valid);
  assert.equal(env.DB_POOL_MAX, 20);
  assert.equal(env.SESSION_IDLE_MINUTES, 30);
  assert.equal(env.SESSION_MAX_HOURS, 8);
});

test("a missing or invalid variable gives one line naming it", () => {
  assert.throws(() => parseEnv({}), { message: /^Felaktig konfiguration: DATABASE_URL saknas/ });
  assert.throws(() => parseEnv({ ...valid, DATABASE_URL: "mysql://x" }), { message: "Felaktig konfiguration: DATABASE_URL ska vara en postgresql://-adress" });
  assert.throws(() => parseEnv({ ...valid, NEXTAUTH_SECRET: "short" }), { message: /NEXTAUTH_SECRET ska vara minst 32 tecken/ });
  assert.throws(() => parseEnv({ ...valid, DB_POOL_MAX: "0" }), { message: /^Felaktig konfiguration: DB_POOL_MAX / });
  for (const fn of [() => parseEnv({}), () => parseEnv({ ...valid, DATABASE_URL: "nope" })]) {
    assert.throws(fn, (e: Error) => !e.message.includes("\n"));
  }
});

test("OIDC needs issuer, client id and secret together", () => {
  assert.throws(() => parseEnv({ ...valid, OIDC_ISSUER: "https://login.example.se/tenant/v2.0" }), { message: /OIDC_CLIENT_ID krävs/ });
  const env = parseEnv({ ...valid, OIDC_ISSUER: "https://login.example.se/t/v2.0", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "s" });
  assert.equal(env.OIDC_NAME, "Kommunens inloggning");
});

test("empty strings count as unset", () => {
  assert.equal(parseEnv({ ...valid, OIDC_ISSUER: "" }).OIDC_ISSUER, undefined);
});

test("production refuses an http NEXTAUTH_URL except on the machine itself (issue 26)", () => {
  assert.throws(() => parseEnv({ ...valid, NODE_ENV: "production", NEXTAUTH_URL: "http://est.kommun.se" }), { message: /NEXTAUTH_URL måste börja med https:\/\/ i produktion/ });
  assert.equal(parseEnv({ ...valid, NODE_ENV: "production", NEXTAUTH_URL: "https://est.kommun.se" }).NEXTAUTH_URL, "https://est.kommun.se");
  assert.ok(parseEnv({ ...valid, NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" }));
  assert.ok(parseEnv({ ...valid, NODE_ENV: "development", NEXTAUTH_URL: "http://est.kommun.se" }), "development may use http");
});
