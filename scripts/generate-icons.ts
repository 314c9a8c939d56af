/**
 * Draws the app's icons with pngjs (run `npx tsx scripts/generate-icons.ts`; the PNGs are committed):
 *   manifest/color.png    192×192, the glyph in white on the accent colour (Teams' colour icon)
 *   manifest/outline.png  32×32, the glyph in white on transparent (Teams' outline icon)
 *   assets/icon-16|32|80.png  the glyph in the accent colour on transparent (Word ribbon button)
 * The glyph is a case file (a document with three lines of text) drawn as coverage functions and
 * supersampled, so edges are smooth at every size.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

export const ACCENT = { r: 0x0f, g: 0x6c, b: 0xbd }; // also manifest.json's accentColor #0F6CBD
const WHITE = { r: 255, g: 255, b: 255 };
type Rgb = typeof WHITE;

const inRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) =>
  x >= x0 && x <= x1 && y >= y0 && y <= y1;

/** The case-file glyph in unit coordinates: a page with a folded corner and three text lines cut out. */
function glyph(x: number, y: number): boolean {
  const page = inRect(x, y, 0.27, 0.17, 0.73, 0.83) && !(x - 0.61 > y - 0.17 && y < 0.29 && x > 0.61);
  const line = (top: number, right: number) => inRect(x, y, 0.35, top, right, top + 0.055);
  return page && !line(0.4, 0.65) && !line(0.52, 0.65) && !line(0.64, 0.56);
}

/** A square with rounded corners covering the whole icon (the colour icon's background). */
function roundedSquare(x: number, y: number, radius = 0.18): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function draw(size: number, paint: (x: number, y: number) => { rgb: Rgb; alpha: number }): PNG {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const { rgb, alpha } = paint(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
          );
          r += rgb.r * alpha;
          g += rgb.g * alpha;
          b += rgb.b * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      // Colour averaged over the covered samples only, so edges do not darken.
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return png;
}

const none = { rgb: WHITE, alpha: 0 };

export function colorIcon(): PNG {
  return draw(192, (x, y) => {
    if (!roundedSquare(x, y)) return none;
    return { rgb: glyph(x, y) ? WHITE : ACCENT, alpha: 1 };
  });
}

export function outlineIcon(): PNG {
  return draw(32, (x, y) => (glyph(x, y) ? { rgb: WHITE, alpha: 1 } : none));
}

export function ribbonIcon(size: number): PNG {
  return draw(size, (x, y) => (glyph(x, y) ? { rgb: ACCENT, alpha: 1 } : none));
}

function write(file: string, png: PNG) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, PNG.sync.write(png));
  console.log(`wrote ${path.relative(process.cwd(), file)} (${png.width}×${png.height})`);
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  write(path.join(root, 'manifest/color.png'), colorIcon());
  write(path.join(root, 'manifest/outline.png'), outlineIcon());
  for (const size of [16, 32, 80]) write(path.join(root, `assets/icon-${size}.png`), ribbonIcon(size));
}
