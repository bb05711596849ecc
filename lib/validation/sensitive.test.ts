import { test } from "node:test";
import assert from "node:assert/strict";
import { findSensitive, sensitiveMessage } from "./sensitive";
import { SOLLENTUNA } from "@/prisma/seed/reference";

const kinds = (text: string) => findSensitive(text).map((h) => [h.kind, h.text]);

test("the probe's sentence: a name, an age and two sensitive facts, each quoted", () => {
  assert.deepEqual(kinds("Kalle Svensson (15) och hans bror verkade påverkad av narkotika. Mamman är känd av socialtjänsten."), [
    ["namn", "Kalle Svensson"],
    ["ålder", "(15)"],
    ["känslig uppgift", "påverkad av narkotika"],
    ["känslig uppgift", "känd av socialtjänsten"],
  ]);
});

test("sentences that must warn", () => {
  const warn: [string, string][] = [
    ["Lisa Andersson bråkade med vakterna", "namn"],
    ["Familjen Nilsson har klagat igen", "namn"],
    ["Mohammed och Erik klottrade på väggen", "namn"],
    ["En 15-åring kastade sten", "ålder"],
    ["två 14-åriga killar i trapphuset", "ålder"],
    ["pojken var 12 år gammal", "ålder"],
    ["Han är missbrukare och sover i garaget", "känslig uppgift"],
    ["en narkotikapåverkad person på perrongen", "känslig uppgift"],
    ["killen är aktuell hos socialtjänsten", "känslig uppgift"],
    ["vi har gjort en orosanmälan", "känslig uppgift"],
    ["verkade psykiskt sjuk", "känslig uppgift"],
    ["ett gäng invandrare vid kiosken", "känslig uppgift"],
    ["han är misstänkt för stölderna", "känslig uppgift"],
    ["samma gärningsman som förra veckan", "känslig uppgift"],
  ];
  for (const [text, kind] of warn) assert.ok(findSensitive(text).some((h) => h.kind === kind), `${text} → ${kind}`);
});

test("descriptions of places and events do not warn", () => {
  const quiet = [
    "Klotter på väggen vid Edsbergs torg, ca 2 m²",
    "Misstänkt droghantering vid garaget, tre personer",
    "Krossad ruta i busskuret, andra gången på 2 år",
    "Ungdomar samlas kvällstid vid Sankt Eriks väg",
    "Trasig belysning på Kung Hans väg och vid Erik Dahlbergs väg",
    "Nedskräpning på Gustav Adolfs torg efter konserten",
    "Bilbrand på parkeringen vid Karl Johans väg 4, polisen på plats",
    "Stenkastning mot bussen, 3 tillfällen på 20 minuter",
    "Glaskross vid Helenelunds station (perrong 2)",
    "Buskörning med moped på gång- och cykelvägen",
    "Lugn vecka, inget att rapportera",
  ];
  for (const text of quiet) assert.deepEqual(kinds(text), [], text);
});

test("none of the seed's places and kommundelar warns, nor street names of their kind", () => {
  const streets = ["Sollentunavägen", "Malmvägen", "Turebergsvägen", "Häggviksvägen", "Norrviksvägen", "Rotebrovägen", "Tingvallavägen", "Kung Hans väg", "Drottning Kristinas väg", "Prins Eugens väg"];
  const places = SOLLENTUNA.areas.flatMap((a) => [a.name, ...a.places]);
  assert.ok(places.length > 30);
  for (const place of [...places, ...streets]) {
    assert.deepEqual(kinds(place), [], place);
    assert.deepEqual(kinds(`Klotter vid ${place} i kväll`), [], `in a sentence: ${place}`);
  }
});

test("the warning names what was found and quotes it", () => {
  assert.equal(sensitiveMessage("Klotter vid torget"), null);
  assert.equal(
    sensitiveMessage("Kalle Svensson (15) var där"),
    "Texten verkar innehålla namn (”Kalle Svensson”) och en ålder (”(15)”). Beskriv platser och händelser, inte personer – skriv om texten, eller bekräfta att den kan sparas så.",
  );
});
