// Shading for heat tables: the brand blue over white, stronger for larger counts, with the text
// colour (white or near-black) that contrasts most with each shade, so every cell meets WCAG AA.
const BLUE = [31, 78, 140] as const;
// Pure black: around the middle shades neither a softer dark nor white reaches 4.5:1.
const DARK = [0, 0, 0] as const;

function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

export function contrast(a: readonly number[], b: readonly number[]): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** Background and text colour for a cell holding `share` (0–1) of the table's largest count. */
export function heatCell(share: number): { background: string; color: string; rgb: number[]; text: number[] } {
  const alpha = 0.12 + 0.78 * Math.min(1, Math.max(0, share));
  const rgb = BLUE.map((c) => Math.round(255 - alpha * (255 - c)));
  const text = contrast(rgb, [255, 255, 255]) >= contrast(rgb, DARK) ? [255, 255, 255] : [...DARK];
  return { background: `rgb(${rgb.join(", ")})`, color: `rgb(${text.join(", ")})`, rgb, text };
}
