// Draws the Teams app icons: color.png 192x192 (white mark on the accent colour) and
// outline.png 32x32 (white mark on transparent), as Teams requires. Run: node scripts/make-icons.js
const { PNG } = require('pngjs');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ACCENT = [14, 124, 134]; // #0E7C86

/** The mark: a speech bubble (ring + tail) with a dot, in unit coordinates. Returns coverage 0..1. */
function mark(x, y) {
  const cx = 0.5,
    cy = 0.45,
    dx = x - cx,
    dy = y - cy,
    r = Math.hypot(dx, dy);
  const ring = r > 0.23 && r < 0.34;
  const dot = Math.hypot(x - 0.5, y - 0.45) < 0.08;
  const tail = y > 0.62 && y < 0.84 && x > 0.28 && x < 0.42 && x - 0.28 < (0.84 - y) * 0.7;
  return ring || dot || tail;
}

function draw(size, background, file) {
  const png = new PNG({ width: size, height: size });
  const ss = 4; // supersampling for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      for (let sy = 0; sy < ss; sy++) for (let sx = 0; sx < ss; sx++) if (mark((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size)) cover++;
      const a = cover / (ss * ss);
      const i = (py * size + px) * 4;
      if (background) {
        png.data[i] = Math.round(background[0] * (1 - a) + 255 * a);
        png.data[i + 1] = Math.round(background[1] * (1 - a) + 255 * a);
        png.data[i + 2] = Math.round(background[2] * (1 - a) + 255 * a);
        png.data[i + 3] = 255;
      } else {
        png.data[i] = png.data[i + 1] = png.data[i + 2] = 255;
        png.data[i + 3] = Math.round(255 * a);
      }
    }
  }
  writeFileSync(file, PNG.sync.write(png));
}

const dir = join(__dirname, '..', 'manifest');
draw(192, ACCENT, join(dir, 'color.png'));
draw(32, null, join(dir, 'outline.png'));
