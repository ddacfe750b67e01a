// Draws the app icon (a blue tile with a white sync ring) and writes assets/icon.png and assets/icon.ico.
// Run with `node scripts/make-icons.mjs` after changing the drawing; the outputs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buffer) {
  let crc = -1;
  for (const byte of buffer) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ -1) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const blue = [0, 120, 212, 255];
const white = [255, 255, 255, 255];
const clear = [0, 0, 0, 0];

/** The drawing, in unit coordinates: a rounded tile, a ring with two gaps, and two arrowheads. */
function icon(x, y) {
  const corner = 0.18;
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - corner), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - corner), 0);
  if (dx * dx + dy * dy > corner * corner) return clear;
  const cx = x - 0.5;
  const cy = y - 0.5;
  const radius = Math.hypot(cx, cy);
  const angle = Math.atan2(cy, cx);
  const inGap = Math.abs(Math.sin(angle)) < 0.28 && cx > 0 === cy > 0 ? false : Math.abs(Math.cos(angle + Math.PI / 4)) < 0.22;
  if (radius > 0.24 && radius < 0.32 && !inGap) return white;
  const arrow = (ax, ay, dirX, dirY) => {
    const px = x - ax;
    const py = y - ay;
    const along = px * dirX + py * dirY;
    const across = Math.abs(px * -dirY + py * dirX);
    return along > -0.1 && along < 0.02 && across < (0.02 - along) * 0.9;
  };
  if (arrow(0.5 + 0.28 * Math.SQRT1_2, 0.5 - 0.28 * Math.SQRT1_2 + 0.06, -Math.SQRT1_2, Math.SQRT1_2)) return white;
  if (arrow(0.5 - 0.28 * Math.SQRT1_2, 0.5 + 0.28 * Math.SQRT1_2 - 0.06, Math.SQRT1_2, -Math.SQRT1_2)) return white;
  return blue;
}

function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + images.length * 16;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ data }) => data)]);
}

const sizes = [16, 24, 32, 48, 64, 128, 256];
const images = sizes.map((size) => ({ size, data: png(size, icon) }));
writeFileSync(new URL('../assets/icon.png', import.meta.url), png(512, icon));
writeFileSync(new URL('../assets/icon.ico', import.meta.url), ico(images));
console.log('Wrote assets/icon.png (512 px) and assets/icon.ico (16-256 px).');
