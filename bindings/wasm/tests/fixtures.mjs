// Test inputs: random dossier tables (every column, every status, some bad rows), a tiny
// .xlsx writer, and paths of the repository.
import { deflateRawSync, crc32 } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { existsSync } from 'node:fs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const cli = process.env.MOTCUA_CLI ?? path.join(root, 'target/release/motcua');
/** The contract's worked example, as kept in the repository's test data. */
export const exampleDir = path.join(root, 'tests/data');

export const HEADER = [
  'MaHoSo', 'MaTTHC', 'DonViXuLy', 'KenhThucHien', 'MucDo', 'NgayTiepNhan', 'NgayHenTra',
  'ThoiHanGiaiQuyet', 'NgayKetThucXuLy', 'NgayTra', 'TrangThaiHoSo', 'SoLanBoSung', 'DanhGia',
  'CanBoTiepNhan', 'SoCoQuanLienHe', 'PhanAnh',
];

/** A small deterministic PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

function stamp(d, form, r) {
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const [hh, mm, ss] = [7 + Math.floor(r() * 12), Math.floor(r() * 60), Math.floor(r() * 60)];
  switch (form) {
    case 0: return `${y}${pad(m)}${pad(day)}${pad(hh)}${pad(mm)}${pad(ss)}`;
    case 1: return `${y}-${pad(m)}-${pad(day)}`;
    case 2: return `${y}-${pad(m)}-${pad(day)} ${pad(hh)}:${pad(mm)}`;
    case 3: return `${pad(day)}/${pad(m)}/${y}`;
    case 4: return `${pad(day)}/${pad(m)}/${y} ${pad(hh)}:${pad(mm)}:${pad(ss)}`;
    default: return `${y}-${pad(m)}-${pad(day)}T${pad(hh - 7)}:${pad(mm)}:00Z`;
  }
}

/**
 * Rows of a random dossier table: dates in 2021, 12 agencies, every channel, level,
 * status and timestamp form; with `bad`, about 1 row in 50 breaks the contract.
 */
export function randomRows(n, seed = 1, { bad = true, agencies = 12 } = {}) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const start = Date.UTC(2021, 0, 1);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const recv = new Date(start + Math.floor(r() * 360) * 86400000);
    const status = pick(['2', '4', '5', '6', '7', '8', '9', '10', '10', '10', '9', '1', '3']);
    const closedStatus = ['7', '8', '9', '10'].includes(status);
    const close = new Date(recv.getTime() + Math.floor(r() * 40) * 86400000);
    const form = Math.floor(r() * 6);
    const row = [
      `HS${seed}-${i}`,
      r() < 0.5 ? `1.00${Math.floor(r() * 900) + 100}` : '',
      `DV${pad(Math.floor(r() * agencies))}`,
      pick(['1', '2', '2', '3']),
      pick(['', '1', '2', '3', '4', 'mot_phan', 'toan_trinh']),
      stamp(recv, form, r),
      '',
      '',
      '',
      '',
      status,
      pick(['', '0', '1', '2', '3']),
      closedStatus ? pick(['', '', '1', '2', '3', '3']) : '',
      r() < 0.8 ? `CB${pad(Math.floor(r() * 30))}` : '',
      pick(['', '0', '1', '2']),
      pick(['', '', '', '0', '1']),
    ];
    if (r() < 0.5) row[6] = stamp(new Date(recv.getTime() + Math.floor(r() * 30) * 86400000), 1, r);
    else row[7] = String(Math.floor(r() * 20));
    if (closedStatus) {
      if (r() < 0.7) row[8] = stamp(close, form === 5 ? 2 : form, r);
      else row[9] = stamp(close, 1, r);
    }
    if (bad && r() < 0.02) {
      switch (Math.floor(r() * 7)) {
        case 0: row[3] = '9'; break;
        case 1: row[5] = '2021-13-45'; break;
        case 2: row[10] = 'x'; break;
        case 3: row[6] = ''; row[7] = ''; break;
        case 4: row[0] = `HS${seed}-${Math.max(0, i - 1)}`; break;
        case 5: row[12] = '7'; break;
        default: row[2] = ''; break;
      }
    }
    rows.push(row);
  }
  return rows;
}

function csvField(s) {
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(header, rows) {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

export function randomCsv(n, seed = 1, opts) {
  return toCsv(HEADER, randomRows(n, seed, opts));
}

// ---------------------------------------------------------------------------------------
// A minimal .xlsx writer (inline strings, one sheet), enough for the readers' tests.

function zip(files) {
  const chunks = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text, 'utf8');
    const comp = deflateRawSync(data);
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    chunks.push(local, nameBuf, comp);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(comp.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(nameBuf.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, nameBuf);
    offset += local.length + nameBuf.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cd, end]));
}

const xml = (s) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);

function colName(i) {
  let s = '';
  for (i += 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** An .xlsx workbook with one sheet of text cells (numbers given as JS numbers stay numbers). */
export function xlsx(rows, sheet = 'Hồ sơ') {
  const body = rows
    .map((row, r) => `<row r="${r + 1}">${row
      .map((v, c) => {
        const ref = `${colName(c)}${r + 1}`;
        if (v === '' || v === null || v === undefined) return '';
        if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
        return `<c r="${ref}" t="inlineStr"><is><t>${xml(String(v))}</t></is></c>`;
      })
      .join('')}</row>`)
    .join('');
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xml(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`],
  ]);
}
