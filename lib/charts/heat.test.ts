import { test } from "node:test";
import assert from "node:assert/strict";
import { contrast, heatCell } from "./heat";

test("every shade of a heat table keeps its text readable (WCAG AA, 4.5:1)", () => {
  for (let i = 0; i <= 1000; i++) {
    const cell = heatCell(i / 1000);
    assert.ok(contrast(cell.rgb, cell.text) >= 4.5, `share ${i / 1000}: ${cell.background} on ${cell.color} is ${contrast(cell.rgb, cell.text).toFixed(2)}`);
  }
});

test("shades darken with the count and the darkest cells carry white text", () => {
  const light = heatCell(0.05);
  const dark = heatCell(1);
  assert.ok(dark.rgb[0]! < light.rgb[0]!);
  assert.equal(dark.color, "rgb(255, 255, 255)");
  assert.equal(light.color, "rgb(0, 0, 0)");
  // The reference black/white pair has the familiar 21:1 ratio.
  assert.equal(Math.round(contrast([0, 0, 0], [255, 255, 255])), 21);
});
