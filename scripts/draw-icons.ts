/**
 * Draws the two Teams app icons for the Secondments app and writes them to manifest/:
 *
 *   color.png    192×192, full colour: a government building (with columns) and an office block,
 *                with two arrows passing between them, on GOV.UK blue.
 *   outline.png  32×32, the same symbol in white on a fully transparent background
 *                (every pixel is either transparent or opaque white).
 *
 * Run with: npx tsc -p tsconfig.json && node dist/scripts/draw-icons.js
 * The output is deterministic, so running it again gives the same pixels.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { PNG } from "pngjs";
import { fromRoot } from "../src/paths";

type Point = readonly [number, number];
type Rgb = readonly [number, number, number];

/** One filled shape in the 32×32 design grid. `cut` shapes punch holes (windows, a door). */
interface Shape {
  polygon: readonly Point[];
  part: "building" | "arrow";
  cut?: boolean;
}

const rect = (x0: number, y0: number, x1: number, y1: number): Point[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

/**
 * The symbol, drawn on a 32×32 grid so that the outline icon lands on whole pixels.
 * Left: a classical public building (pediment, beam, three columns, steps).
 * Right: an office block with windows and a door.
 * Middle: an arrow to the right above an arrow to the left (people moving both ways).
 */
export const SYMBOL: readonly Shape[] = [
  // Public building: 45° pediment, beam, three columns, steps.
  { part: "building", polygon: [[0, 8], [5, 3], [10, 8]] },
  { part: "building", polygon: rect(0, 8, 10, 11) },
  { part: "building", polygon: rect(1, 12, 3, 25) },
  { part: "building", polygon: rect(4, 12, 6, 25) },
  { part: "building", polygon: rect(7, 12, 9, 25) },
  { part: "building", polygon: rect(0, 26, 10, 28) },
  // Office block, with two columns of windows and a door cut out.
  { part: "building", polygon: rect(22, 4, 32, 28) },
  ...[6, 10, 14, 18].flatMap((y): Shape[] => [
    { part: "building", cut: true, polygon: rect(24, y, 26, y + 2) },
    { part: "building", cut: true, polygon: rect(28, y, 30, y + 2) },
  ]),
  { part: "building", cut: true, polygon: rect(26, 22, 28, 28) },
  // Arrow to the right (upper) and arrow to the left (lower), with 45° heads.
  { part: "arrow", polygon: [[11, 10], [17, 10], [17, 6.5], [21.5, 11], [17, 15.5], [17, 12], [11, 12]] },
  { part: "arrow", polygon: [[21, 20], [15, 20], [15, 16.5], [10.5, 21], [15, 25.5], [15, 22], [21, 22]] },
];

/** Area of a simple polygon (shoelace formula). */
function area(polygon: readonly Point[]): number {
  let sum = 0;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    sum += polygon[j]![0] * polygon[i]![1] - polygon[i]![0] * polygon[j]![1];
  }
  return Math.abs(sum) / 2;
}

/** Clip a polygon to the axis-aligned box [x0, x1] × [y0, y1] (Sutherland–Hodgman). */
function clip(polygon: readonly Point[], x0: number, y0: number, x1: number, y1: number): Point[] {
  const edges: Array<[(p: Point) => boolean, (a: Point, b: Point) => Point]> = [
    [(p) => p[0] >= x0, (a, b) => [x0, a[1] + ((b[1] - a[1]) * (x0 - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= x1, (a, b) => [x1, a[1] + ((b[1] - a[1]) * (x1 - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= y0, (a, b) => [a[0] + ((b[0] - a[0]) * (y0 - a[1])) / (b[1] - a[1]), y0]],
    [(p) => p[1] <= y1, (a, b) => [a[0] + ((b[0] - a[0]) * (y1 - a[1])) / (b[1] - a[1]), y1]],
  ];
  let out: Point[] = [...polygon];
  for (const [keep, cross] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (keep(cur)) {
        if (!keep(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (keep(prev)) {
        out.push(cross(prev, cur));
      }
    }
    if (out.length === 0) break;
  }
  return out;
}

/**
 * Exact fraction of the design-grid box [x0, x1] × [y0, y1] covered by each part of the symbol.
 * Shapes of one part do not overlap one another, and every cut lies inside a building shape, so
 * areas can be added and subtracted.
 */
function coverage(x0: number, y0: number, x1: number, y1: number): Record<Shape["part"], number> {
  const result = { building: 0, arrow: 0 };
  for (const shape of SYMBOL) {
    const a = area(clip(shape.polygon, x0, y0, x1, y1));
    result[shape.part] += shape.cut ? -a : a;
  }
  const box = (x1 - x0) * (y1 - y0);
  return { building: Math.max(0, result.building / box), arrow: Math.max(0, result.arrow / box) };
}

/** GOV.UK brand colours. */
export const COLOURS = {
  background: [0x1d, 0x70, 0xb8] as Rgb, // GOV.UK blue; also the manifest accentColor
  building: [0xff, 0xff, 0xff] as Rgb,
  arrow: [0xff, 0xdd, 0x00] as Rgb, // GOV.UK yellow
};

/** 192×192 colour icon: symbol 120 px across, centred, on a solid blue square, anti-aliased. */
export function drawColorIcon(): PNG {
  const size = 192;
  const scale = 3.75; // 32 design units -> 120 px
  const offsetX = (size - 32 * scale) / 2;
  const offsetY = size / 2 - 16 * scale; // the symbol spans y 3..28 in design units
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const c = coverage(
        (px - offsetX) / scale,
        (py - offsetY) / scale,
        (px + 1 - offsetX) / scale,
        (py + 1 - offsetY) / scale,
      );
      const bg = Math.max(0, 1 - c.building - c.arrow);
      const i = (py * size + px) * 4;
      for (let ch = 0; ch < 3; ch++) {
        png.data[i + ch] = Math.round(
          COLOURS.background[ch]! * bg + COLOURS.building[ch]! * c.building + COLOURS.arrow[ch]! * c.arrow,
        );
      }
      png.data[i + 3] = 255;
    }
  }
  return png;
}

/**
 * 32×32 outline icon: opaque white where the symbol covers more than half the pixel, fully
 * transparent elsewhere. Strictly more than half, so a 45° edge that splits a pixel exactly in two
 * is treated the same on both sides and the shapes stay symmetric.
 */
export function drawOutlineIcon(): PNG {
  const size = 32;
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const c = coverage(px, py, px + 1, py + 1);
      const on = c.building + c.arrow > 0.5 + 1e-9;
      const i = (py * size + px) * 4;
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = on ? 255 : 0;
    }
  }
  return png;
}

export const encodePng = (png: PNG): Buffer => PNG.sync.write(png, { colorType: 6 });

function main(): void {
  const dir = fromRoot("manifest");
  mkdirSync(dir, { recursive: true });
  const color = fromRoot("manifest", "color.png");
  const outline = fromRoot("manifest", "outline.png");
  writeFileSync(color, encodePng(drawColorIcon()));
  writeFileSync(outline, encodePng(drawOutlineIcon()));
  console.log(`Wrote ${color}\nWrote ${outline}`);
}

if (require.main === module) main();
