import { test } from "node:test";
import assert from "node:assert/strict";
import { orderStatuses } from "./status-order";

test("area statuses read most serious first, then by Swedish name, whatever order they were saved in", () => {
  const areas = [
    { id: "a", name: "Rotebro" }, { id: "b", name: "Häggvik" }, { id: "c", name: "Edsberg" },
    { id: "d", name: "Åbyn" }, { id: "e", name: "Tureberg" }, { id: "f", name: "Vaxmora" },
  ];
  const saved = [
    { areaId: "d", level: "GREEN" as const, reason: "" },
    { areaId: "a", level: "YELLOW" as const, reason: "Stökigt vid stationen" },
    { areaId: "gone", level: "RED" as const, reason: "" },
    { areaId: "f", level: "GREEN" as const, reason: "" },
    { areaId: "e", level: "RED" as const, reason: "Bränder" },
    { areaId: "b", level: "GREEN" as const, reason: "" },
    { areaId: "c", level: "YELLOW" as const, reason: "" },
  ];
  const ordered = orderStatuses(saved, areas);
  assert.deepEqual(ordered.map((s) => [s.name, s.level]), [
    ["Tureberg", "RED"], ["", "RED"],
    ["Edsberg", "YELLOW"], ["Rotebro", "YELLOW"],
    // Swedish order: Å after V (a plain comparison would put it before H).
    ["Häggvik", "GREEN"], ["Vaxmora", "GREEN"], ["Åbyn", "GREEN"],
  ]);
  assert.equal(ordered[2]!.reason, "", "each status keeps its own reason");
  assert.equal(ordered[3]!.reason, "Stökigt vid stationen");
  assert.deepEqual(orderStatuses([...saved].reverse(), areas), ordered, "the saved order does not matter");
});
