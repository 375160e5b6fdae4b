// Draws Spur's Teams icons with pngjs: color.png (192×192, full colour) and outline.png (32×32, white on
// transparent), as the Teams manifest requires. Run `npx tsx scripts/teams/icons.ts` to regenerate them.
import { writeFileSync } from "node:fs";
import { PNG } from "pngjs";
import { TEAMS_MANIFEST_DIR } from "./manifest.ts";

type Rgba = [number, number, number, number];
const ACCENT: Rgba = [0xe8, 0x59, 0x0c, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Is (x, y) inside a five-pointed star centred at (cx, cy)? Point-in-polygon on the star's ten corners. */
function inStar(x: number, y: number, cx: number, cy: number, outer: number, inner: number): boolean {
  const corners: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    corners.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  let inside = false;
  for (let i = 0, j = corners.length - 1; i < corners.length; j = i++) {
    const [xi, yi] = corners[i]!;
    const [xj, yj] = corners[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function drawIcon(size: number, background: Rgba, star: Rgba): Buffer {
  const png = new PNG({ width: size, height: size });
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const colour = inStar(x + 0.5, y + 0.5, c, c * 1.06, size * 0.42, size * 0.18) ? star : background;
      png.data.set(colour, (y * size + x) * 4);
    }
  }
  return PNG.sync.write(png);
}

export function writeIcons(dir = TEAMS_MANIFEST_DIR): void {
  writeFileSync(`${dir}color.png`, drawIcon(192, ACCENT, WHITE));
  writeFileSync(`${dir}outline.png`, drawIcon(32, CLEAR, WHITE));
}

if (import.meta.url === `file://${process.argv[1]}`) writeIcons();
