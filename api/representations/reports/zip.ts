/**
 * A zip archive (APPNOTE 6.3.10, deflated entries, UTF-8 names) of a report's CSV files: one
 * download that holds every table. Written here rather than through a package because a report's
 * archive is a dozen small files held in memory.
 */
import { crc32, deflateRawSync } from 'node:zlib';

const DOS_EPOCH = ((1 << 5) | 1) << 16; // date 1980-01-01, time 00:00: no file in the archive has a meaningful time
const UTF8_NAMES = 1 << 11;

const u16 = (n: number) => Buffer.from([n & 0xff, (n >>> 8) & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** The archive of `files` (name → text, written as UTF-8), in their order. */
export function zipOf(files: Map<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const raw = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(raw);
    const fileName = Buffer.from(name, 'utf8');
    // version needed, flags, method (8 = deflate), time and date, CRC-32, sizes, name length, extra length
    const common = Buffer.concat([
      u16(20),
      u16(UTF8_NAMES),
      u16(8),
      u32(DOS_EPOCH),
      u32(crc32(raw)),
      u32(packed.length),
      u32(raw.length),
      u16(fileName.length),
      u16(0),
    ]);
    const local = Buffer.concat([u32(0x04034b50), common, fileName, packed]);
    central.push(Buffer.concat([u32(0x02014b50), u16(20), common, u16(0), u16(0), u16(0), u32(0), u32(offset), fileName]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(files.size),
    u16(files.size),
    u32(directory.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, directory, end]);
}
