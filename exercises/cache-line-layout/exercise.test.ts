import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SIZE_OF, layoutStruct, readRecord, straddlingFields, writeRecord, type FieldSpec, type FieldType, type RecordValues, type StructLayout } from './exercise.ts';

/** An order as a feed handler might keep it, fields in the order a person would write them. */
const ORDER: FieldSpec[] = [
  { name: 'side', type: 'u8' },
  { name: 'price', type: 'f64' },
  { name: 'qty', type: 'u32' },
  { name: 'id', type: 'u64' },
  { name: 'venue', type: 'u16' },
];

/** The same fields, largest first: what Rust's default representation is free to do. */
const ORDER_SORTED: FieldSpec[] = [
  { name: 'id', type: 'u64' },
  { name: 'price', type: 'f64' },
  { name: 'qty', type: 'u32' },
  { name: 'venue', type: 'u16' },
  { name: 'side', type: 'u8' },
];

const offsets = (layout: StructLayout) => Object.fromEntries(layout.fields.map((f) => [f.name, f.offset]));

describe('natural alignment (aligned mode)', () => {
  it('starts each field at a multiple of its size: side 0, price 8, qty 16, id 24, venue 32', () => {
    const layout = layoutStruct(ORDER, 'aligned');
    expect(offsets(layout), 'field offsets of the aligned order').toEqual({ side: 0, price: 8, qty: 16, id: 24, venue: 32 });
  });

  it('rounds the size up to the largest alignment (tail padding): 34 bytes of fields take 40', () => {
    const layout = layoutStruct(ORDER, 'aligned');
    expect(layout.align, 'alignment of the aligned order (its f64 and u64 fields)').toBe(8);
    expect(layout.size, 'size of the aligned order, tail padding included').toBe(40);
    expect(layout.padding, 'padding bytes: 7 after side, 4 after qty, 6 after venue').toBe(17);
  });

  it('reports each field\'s size', () => {
    const layout = layoutStruct(ORDER, 'aligned');
    expect(layout.fields.map((f) => f.size), 'sizes of side, price, qty, id, venue').toEqual([1, 8, 4, 8, 2]);
    expect(layout.fields.map((f) => f.name), 'fields keep their declaration order').toEqual(['side', 'price', 'qty', 'id', 'venue']);
  });

  it('largest fields first leaves only one byte of padding: 24 bytes', () => {
    const layout = layoutStruct(ORDER_SORTED, 'aligned');
    expect(offsets(layout), 'field offsets of the sorted order').toEqual({ id: 0, price: 8, qty: 16, venue: 20, side: 22 });
    expect(layout.size, 'size of the sorted order').toBe(24);
    expect(layout.padding, 'padding of the sorted order (one byte at the tail)').toBe(1);
  });

  it('a struct of one u8 is one byte, and u16 after u8 starts at 2', () => {
    expect(layoutStruct([{ name: 'a', type: 'u8' }], 'aligned').size, 'size of { a: u8 }').toBe(1);
    const l = layoutStruct([{ name: 'a', type: 'u8' }, { name: 'b', type: 'u16' }], 'aligned');
    expect(offsets(l), 'offsets of { a: u8, b: u16 }').toEqual({ a: 0, b: 2 });
    expect(l.size, 'size of { a: u8, b: u16 }').toBe(4);
  });
});

describe('packed mode', () => {
  it('puts each field right after the previous one: side 0, price 1, qty 9, id 13, venue 21', () => {
    const layout = layoutStruct(ORDER, 'packed');
    expect(offsets(layout), 'field offsets of the packed order').toEqual({ side: 0, price: 1, qty: 9, id: 13, venue: 21 });
  });

  it('has no padding, alignment 1 and size 23', () => {
    const layout = layoutStruct(ORDER, 'packed');
    expect(layout.size, 'size of the packed order').toBe(23);
    expect(layout.align, 'alignment of the packed order').toBe(1);
    expect(layout.padding, 'padding of the packed order').toBe(0);
  });
});

const fieldType = fc.constantFrom<FieldType>('u8', 'i8', 'u16', 'i16', 'u32', 'i32', 'f32', 'u64', 'i64', 'f64');
const struct = fc.array(fieldType, { minLength: 1, maxLength: 12 }).map((types) => types.map((type, i) => ({ name: `f${i}`, type })));

describe('every struct obeys the layout rules (random structs, seeded)', () => {
  it('aligned: offsets are multiples of the field size, in order, without overlap; size is the smallest multiple of align past the last field', () => {
    fc.assert(
      fc.property(struct, (fields) => {
        const layout = layoutStruct(fields, 'aligned');
        let end = 0;
        for (const f of layout.fields) {
          expect(f.size, `size of ${f.name} (${f.type})`).toBe(SIZE_OF[f.type]);
          expect(f.offset % f.size, `${f.name} (${f.type}) at offset ${f.offset} is not naturally aligned`).toBe(0);
          expect(f.offset, `${f.name} starts after the previous field ends`).toBeGreaterThanOrEqual(end);
          expect(f.offset - end, `${f.name}: more padding before it than its alignment needs`).toBeLessThan(f.size);
          end = f.offset + f.size;
        }
        const align = Math.max(...fields.map((f) => SIZE_OF[f.type]));
        expect(layout.align, 'alignment = largest field size').toBe(align);
        expect(layout.size % align, `size ${layout.size} is a multiple of the alignment ${align}`).toBe(0);
        expect(layout.size - end, 'tail padding is less than the alignment').toBeLessThan(align);
        expect(layout.size, 'size covers the last field').toBeGreaterThanOrEqual(end);
        expect(layout.padding, 'padding = size - sum of field sizes').toBe(layout.size - fields.reduce((s, f) => s + SIZE_OF[f.type], 0));
      }),
      { seed: 64_2026, numRuns: 300 },
    );
  });

  it('packed: each offset is the sum of the sizes before it, and size is their total', () => {
    fc.assert(
      fc.property(struct, (fields) => {
        const layout = layoutStruct(fields, 'packed');
        let end = 0;
        for (const f of layout.fields) {
          expect(f.offset, `packed offset of ${f.name}`).toBe(end);
          end += SIZE_OF[f.type];
        }
        expect(layout.size, 'packed size').toBe(end);
        expect(layout.padding, 'packed padding').toBe(0);
      }),
      { seed: 64_2027, numRuns: 200 },
    );
  });
});

describe('fields that straddle a 64-byte line', () => {
  it('packed order number 2 (bytes 46..68): id occupies bytes 59..66 and straddles the line at 64', () => {
    const packed = layoutStruct(ORDER, 'packed');
    expect(straddlingFields(packed, 2), 'straddling fields of packed record 2').toEqual(['id']);
  });

  it('packed records 0 and 1 lie within one line each: nothing straddles', () => {
    const packed = layoutStruct(ORDER, 'packed');
    expect(straddlingFields(packed, 0), 'straddling fields of packed record 0').toEqual([]);
    expect(straddlingFields(packed, 1), 'straddling fields of packed record 1').toEqual([]);
  });

  it('a field whose last byte is byte 63 of its line does not straddle; one that crosses does', () => {
    // { head: u32, body: f64 } packed is 12 bytes. Record 5 starts at 60: head is bytes 60..63,
    // flush with the end of the first line, and body 64..71 starts the next one.
    const t = layoutStruct([{ name: 'head', type: 'u32' }, { name: 'body', type: 'f64' }], 'packed');
    expect(straddlingFields(t, 5), 'record 5: head ends exactly at byte 63').toEqual([]);
    // Record 10 starts at 120: body is bytes 124..131, across the boundary at 128.
    expect(straddlingFields(t, 10), 'record 10: body crosses byte 128').toEqual(['body']);
  });

  it('honours another line size: at 128 bytes, packed record 2 has no straddling field', () => {
    const packed = layoutStruct(ORDER, 'packed');
    expect(straddlingFields(packed, 2, 128), 'packed record 2 with 128-byte lines').toEqual([]);
  });

  it('natural alignment means no field of any record ever straddles (random structs, first 64 records)', () => {
    fc.assert(
      fc.property(struct, (fields) => {
        const layout = layoutStruct(fields, 'aligned');
        for (let i = 0; i < 64; i++) {
          expect(straddlingFields(layout, i), `aligned record ${i} of ${JSON.stringify(fields.map((f) => f.type))}`).toEqual([]);
        }
      }),
      { seed: 64_2028, numRuns: 100 },
    );
  });

  it('a packed array straddles where the arithmetic says (random structs, first 32 records)', () => {
    fc.assert(
      fc.property(struct, (fields) => {
        const layout = layoutStruct(fields, 'packed');
        for (let i = 0; i < 32; i++) {
          const expected = layout.fields
            .filter((f) => {
              const first = i * layout.size + f.offset;
              return Math.floor(first / 64) !== Math.floor((first + f.size - 1) / 64);
            })
            .map((f) => f.name);
          expect(straddlingFields(layout, i), `packed record ${i} of ${JSON.stringify(fields.map((f) => f.type))}`).toEqual(expected);
        }
      }),
      { seed: 64_2029, numRuns: 100 },
    );
  });
});

const sample: RecordValues = { side: 1, price: 101.25, qty: 0x01020304, id: 0xfedcba9876543210n, venue: 0x0a0b };

describe('reading and writing records in a DataView', () => {
  it('writes each field at its offset, little-endian: aligned record 1 starts at byte 40', () => {
    const layout = layoutStruct(ORDER, 'aligned');
    const buffer = new ArrayBuffer(layout.size * 3);
    writeRecord(new DataView(buffer), 1, layout, sample);
    const check = new DataView(buffer);
    expect(check.getUint8(40), 'side at byte 40').toBe(1);
    expect(check.getFloat64(48, true), 'price at byte 48, little-endian').toBe(101.25);
    expect(check.getUint8(56), 'first byte of qty (0x01020304) is its lowest, 0x04: little-endian').toBe(0x04);
    expect(check.getUint32(56, true), 'qty at byte 56').toBe(0x01020304);
    expect(check.getBigUint64(64, true), 'id at byte 64').toBe(0xfedcba9876543210n);
    expect(check.getUint16(72, true), 'venue at byte 72').toBe(0x0a0b);
  });

  it('writes only the fields\' bytes: padding and other records keep their contents', () => {
    const layout = layoutStruct(ORDER, 'aligned');
    const bytes = new Uint8Array(layout.size * 3).fill(0xee);
    writeRecord(new DataView(bytes.buffer), 1, layout, sample);
    const touched = new Set<number>();
    for (const f of layout.fields) for (let b = 0; b < f.size; b++) touched.add(layout.size + f.offset + b);
    for (let i = 0; i < bytes.length; i++) {
      if (!touched.has(i)) expect(bytes[i], `byte ${i} is padding or another record and must stay 0xee`).toBe(0xee);
    }
  });

  it('packed record 2 puts id at byte 59, across the line boundary, and reads it back', () => {
    const layout = layoutStruct(ORDER, 'packed');
    const view = new DataView(new ArrayBuffer(layout.size * 4));
    writeRecord(view, 2, layout, sample);
    expect(view.getBigUint64(59, true), 'id of packed record 2 at byte 59').toBe(0xfedcba9876543210n);
    expect(readRecord(view, 2, layout), 'packed record 2 read back').toEqual(sample);
  });

  it('reads back exactly what it wrote, both modes, any values (random records, seeded)', () => {
    const value: Record<FieldType, fc.Arbitrary<number | bigint>> = {
      u8: fc.integer({ min: 0, max: 255 }),
      i8: fc.integer({ min: -128, max: 127 }),
      u16: fc.integer({ min: 0, max: 0xffff }),
      i16: fc.integer({ min: -0x8000, max: 0x7fff }),
      u32: fc.integer({ min: 0, max: 0xffffffff }),
      i32: fc.integer({ min: -0x80000000, max: 0x7fffffff }),
      f32: fc.float({ noNaN: true }).map(Math.fround),
      f64: fc.double({ noNaN: true }),
      u64: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
      i64: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    };
    const withValues = struct.chain((fields) =>
      fc.tuple(fc.constant(fields), fc.array(fc.record(Object.fromEntries(fields.map((f) => [f.name, value[f.type]]))), { minLength: 1, maxLength: 5 })),
    );
    fc.assert(
      fc.property(withValues, fc.constantFrom<'aligned' | 'packed'>('aligned', 'packed'), ([fields, records], mode) => {
        const layout = layoutStruct(fields, mode);
        const view = new DataView(new ArrayBuffer(layout.size * records.length));
        records.forEach((r, i) => writeRecord(view, i, layout, r));
        records.forEach((r, i) => expect(readRecord(view, i, layout), `${mode} record ${i} read back`).toEqual(r));
        // Cross-check one field per record against an independent little-endian read.
        const first = layout.fields[0]!;
        if (first.type === 'f64') {
          records.forEach((r, i) => expect(view.getFloat64(i * layout.size + first.offset, true), `f64 ${first.name} of record ${i}, read little-endian`).toBe(r[first.name]));
        }
      }),
      { seed: 64_2030, numRuns: 200 },
    );
  });

  it('throws a RangeError naming a field that has no value', () => {
    const layout = layoutStruct(ORDER, 'aligned');
    const view = new DataView(new ArrayBuffer(layout.size));
    const { venue: _venue, ...missing } = sample;
    expect(() => writeRecord(view, 0, layout, missing), 'writing a record without venue').toThrow(RangeError);
    expect(() => writeRecord(view, 0, layout, missing), 'the error names the missing field').toThrow(/venue/);
  });
});

// ------------------------------------------------------------------ the whole domain
describe('the whole domain', () => {
  // Line sizes from 8 to 4,096 bytes, record indices up to 2^32 (records past 2 GiB, where
  // int32 arithmetic wraps), both modes, random structs: against the arithmetic of the text.
  it('straddlingFields agrees with the arithmetic for any line size and records far past 2^31 bytes', () => {
    fc.assert(
      fc.property(
        struct,
        fc.constantFrom<'aligned' | 'packed'>('aligned', 'packed'),
        fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 2 ** 26, max: 2 ** 32 }), fc.constantFrom(2 ** 31, 2 ** 32 - 1)),
        fc.constantFrom(8, 16, 32, 64, 128, 4_096),
        (fields, mode, index, lineBytes) => {
          const layout = layoutStruct(fields, mode);
          const base = index * layout.size;
          const want = layout.fields.filter((f) => Math.floor((base + f.offset) / lineBytes) !== Math.floor((base + f.offset + f.size - 1) / lineBytes)).map((f) => f.name);
          const got = straddlingFields(layout, index, lineBytes);
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            expect.fail(`straddlingFields(${mode} ${JSON.stringify(fields.map((f) => f.type))}, record ${index}, ${lineBytes}-byte lines): ${JSON.stringify(got)}, not ${JSON.stringify(want)}`);
          }
        },
      ),
      { seed: 20261203, numRuns: 1_000 },
    );
  });

  it('floats come back bit for bit: NaN, -0, the infinities, subnormals and the extremes', () => {
    const fields: FieldSpec[] = [
      { name: 'a', type: 'f64' },
      { name: 'b', type: 'f32' },
      { name: 'c', type: 'u8' },
    ];
    const specials = [Number.NaN, -0, 0, Infinity, -Infinity, Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** -1074, 1 + 2 ** -52];
    for (const mode of ['aligned', 'packed'] as const) {
      const layout = layoutStruct(fields, mode);
      const view = new DataView(new ArrayBuffer(layout.size * 3));
      for (const x of specials) {
        writeRecord(view, 1, layout, { a: x, b: x, c: 255 });
        const back = readRecord(view, 1, layout);
        if (!Object.is(back.a, x)) expect.fail(`${mode}: f64 ${x} came back as ${String(back.a)}`);
        if (!Object.is(back.b, Math.fround(x))) expect.fail(`${mode}: f32 ${x} came back as ${String(back.b)}, not ${Math.fround(x)}`);
      }
    }
  });
});
