import { test } from "node:test";
import assert from "node:assert/strict";
import { classifyIdentityNumber, findPii, piiMessage, redactPii } from "./pii";

const kinds = (text: string) => findPii(text).map((h) => h.kind);

test("Skatteverket's published test personnummer are found in every written form", () => {
  for (const n of ["19121212-1212", "191212121212", "121212-1212", "1212121212", "121212+1212", "198112189876", "811218-9876", "19811218-9876"]) {
    assert.deepEqual(kinds(`Uppgift om ${n} vid entrén`), ["personnummer"], n);
  }
});

test("samordningsnummer (day + 60) are found", () => {
  assert.equal(classifyIdentityNumber("701063-2391"), "samordningsnummer");
  assert.deepEqual(kinds("Nr 197010632391 i texten"), ["samordningsnummer"]);
});

test("near misses are not personnummer: bad checksum, impossible date, wrong century", () => {
  assert.equal(classifyIdentityNumber("121212-1213"), null, "bad checksum");
  assert.equal(classifyIdentityNumber("811318-9876"), null, "month 13");
  assert.equal(classifyIdentityNumber("810230-1234"), null, "30 February");
  assert.equal(classifyIdentityNumber("701093-2391"), null, "day 93 is not a samordningsnummer");
  assert.equal(classifyIdentityNumber("251212121212"), null, "century 25");
});

test("ordinary numbers in incident text are left alone", () => {
  for (const text of [
    "ca 20 personer samlades vid torget",
    "kl 23:15 hördes glaskross",
    "nr 12, port 3",
    "Mellan 22-06 i helgen, v. 48 2026",
    "Händelsen inträffade 2026-11-24 kl 21.30",
    "Tre av 15 lampor trasiga, 120 meter gångväg",
    "Hus 12A och Storgatan 4B",
    "Brand i papperskorg, släckt efter 10 minuter",
    "Ärende 2026-000123 hos polisen",
  ]) {
    assert.deepEqual(findPii(text), [], text);
  }
});

test("phone numbers, e-mail addresses and plates are found", () => {
  assert.deepEqual(kinds("Ring 070-123 45 67 om något"), ["telefonnummer"]);
  assert.deepEqual(kinds("Ring +46 70 123 45 67"), ["telefonnummer"]);
  assert.deepEqual(kinds("Växel 08-123 456 78"), ["telefonnummer"]);
  assert.deepEqual(kinds("Kontakt: anna.svensson@example.se"), ["e-postadress"]);
  assert.deepEqual(kinds("Bil ABC 123 stod parkerad"), ["registreringsnummer"]);
  assert.deepEqual(kinds("Moped XYZ12A på gångvägen"), ["registreringsnummer"]);
});

test("redaction replaces each hit and keeps the rest", () => {
  assert.equal(
    redactPii("Person med 19121212-1212 och bil ABC 123, ring 0701234567."),
    "Person med [personnummer borttaget] och bil [registreringsnummer borttaget], ring [telefonnummer borttaget].",
  );
  assert.deepEqual(findPii(redactPii("Mejla a@b.se eller 121212-1212")), []);
});

test("the field message names what was found, in Swedish", () => {
  assert.match(piiMessage("121212-1212") ?? "", /^Texten innehåller ett personnummer\./);
  assert.match(piiMessage("a@b.se och 070-1234567") ?? "", /en e-postadress och ett telefonnummer/);
  assert.equal(piiMessage("Klotter på fasaden"), null);
});

test("the spellings the probe used are found too: other dashes, separators inside numbers, full-width forms, (at), small-letter plates (issue 26)", () => {
  for (const [text, kind] of [
    ["Nr 121212–1212 vid entrén", "personnummer"], ["Nr 121212 - 1212", "personnummer"], ["Nr 121212/1212", "personnummer"],
    ["Nr 12.12.12-1212", "personnummer"], ["Nr １２１２１２-１２１２", "personnummer"], ["Nr 19121212—1212", "personnummer"],
    ["Ring 070–123 45 67", "telefonnummer"], ["Ring +46 (0)70 123 45 67", "telefonnummer"], ["Ring 070.123.45.67", "telefonnummer"],
    ["Ring ０７０-１２３ ４５ ６７", "telefonnummer"],
    ["Mejla anna.svensson(at)example.se", "e-postadress"], ["Mejla anna.svensson[at]example.se", "e-postadress"], ["Mejla anna＠example.se", "e-postadress"],
    ["Bil ABC-123 stod kvar", "registreringsnummer"], ["Bil abc123 stod kvar", "registreringsnummer"],
  ] as const) {
    assert.deepEqual(kinds(text), [kind], text);
  }
  // Redaction removes the whole original spelling, whatever form it was found in.
  assert.equal(redactPii("Ring ０７０-１２３ ４５ ６７ nu"), "Ring [telefonnummer borttaget] nu");
  assert.equal(redactPii("Mejla a(at)b.se!"), "Mejla [e-postadress borttaget]!");
  // Ordinary text with small letters and numbers stays text.
  for (const text of ["Samling med 150 personer", "Buss 540 mot Rotebro", "kl. 21.30–22.00", "Mellan 22–06, v. 48", "Ärende 2026–000123"]) {
    assert.deepEqual(findPii(text), [], text);
  }
});
