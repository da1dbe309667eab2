/**
 * `npx tsx scripts/make-icons.ts`: draws the Teams app icons into manifest/ — a 192x192 colour icon
 * and a 32x32 white-on-transparent outline icon (Teams' two required sizes). The PNGs are committed;
 * run this again only to change the design.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PNG } from 'pngjs';

type Rgba = [number, number, number, number];
const BLUE: Rgba = [0x0f, 0x6c, 0xbd, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** A ring (two sync arrows would not read at 32 px) around a medical cross: "doctor for sync". */
function shapeAt(x: number, y: number, size: number): 'cross' | 'ring' | null {
  const c = (size - 1) / 2;
  const dx = x - c;
  const dy = y - c;
  const r = Math.hypot(dx, dy) / size;
  const arm = size * 0.09;
  const len = size * 0.24;
  if ((Math.abs(dx) <= arm && Math.abs(dy) <= len) || (Math.abs(dy) <= arm && Math.abs(dx) <= len))
    return 'cross';
  if (r >= 0.36 && r <= 0.44) return 'ring';
  return null;
}

function draw(size: number, background: Rgba, foreground: Rgba): PNG {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const color = shapeAt(x, y, size) ? foreground : background;
      png.data.set(color, (y * size + x) * 4);
    }
  }
  return png;
}

const dir = path.join(__dirname, '..', 'manifest');
fs.writeFileSync(path.join(dir, 'color.png'), PNG.sync.write(draw(192, BLUE, WHITE)));
fs.writeFileSync(path.join(dir, 'outline.png'), PNG.sync.write(draw(32, CLEAR, WHITE)));
process.stdout.write('wrote manifest/color.png (192x192) and manifest/outline.png (32x32)\n');
