/**
 * Exercise: cache-line-layout (reference solution).
 *
 * A C compiler, and Rust with `#[repr(C)]`, lay a struct out by one rule: each field
 * starts at the next offset that is a multiple of its alignment (for the primitive
 * types here, alignment = size), and the struct's size is rounded up to a multiple of
 * its largest alignment so that every element of an array of them is aligned too.
 * `#[repr(C, packed)]` drops the alignment to 1: no padding at all. This file computes
 * both, writes records through a DataView at those offsets, and finds the fields that a
 * 64-byte cache line boundary cuts in two.
 */

export type FieldType = 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32' | 'f32' | 'u64' | 'i64' | 'f64';

/** One field of a struct, in declaration order. */
export interface FieldSpec {
  name: string;
  type: FieldType;
}

/** Where a field landed. */
export interface FieldLayout {
  name: string;
  type: FieldType;
  /** Byte offset from the start of the record. */
  offset: number;
  /** Bytes the field occupies. */
  size: number;
}

/** A struct's layout: its fields, its size (the stride of an array of it) and its alignment. */
export interface StructLayout {
  fields: FieldLayout[];
  /** Bytes per record, tail padding included. */
  size: number;
  /** The alignment the struct needs (its largest field's, or 1 when packed). */
  align: number;
  /** Bytes of padding: size minus the sum of the field sizes. */
  padding: number;
}

/** Field values of one record: `bigint` for the 64-bit integers, `number` for the rest. */
export type RecordValues = Record<string, number | bigint>;

// #region sizes
/** Size in bytes of each field type; on x86-64 and AArch64 each is also its natural alignment. */
export const SIZE_OF: Readonly<Record<FieldType, number>> = {
  u8: 1, i8: 1, u16: 2, i16: 2, u32: 4, i32: 4, f32: 4, u64: 8, i64: 8, f64: 8,
};
// #endregion sizes

// #region layout
/** Rounds `n` up to the next multiple of `align` (a power of two). */
function alignUp(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

export function layoutStruct(fields: readonly FieldSpec[], mode: 'aligned' | 'packed'): StructLayout {
  let offset = 0;
  let align = 1;
  const placed: FieldLayout[] = [];
  for (const { name, type } of fields) {
    const size = SIZE_OF[type];
    // Natural alignment: a field of size 8 starts at a multiple of 8, so a load of it
    // never spans two lines (64 is a multiple of 8). Packed gives that guarantee up.
    const fieldAlign = mode === 'packed' ? 1 : size;
    offset = alignUp(offset, fieldAlign);
    placed.push({ name, type, offset, size });
    offset += size;
    align = Math.max(align, fieldAlign);
  }
  // Tail padding: without it the second record of an array would start misaligned.
  const size = alignUp(offset, align);
  const used = placed.reduce((sum, f) => sum + f.size, 0);
  return { fields: placed, size, align, padding: size - used };
}
// #endregion layout

// #region straddle
/**
 * Fields of record number `index`, in an array of records that starts at a line
 * boundary, whose bytes span two `lineBytes`-byte lines. A field straddles when its
 * first and last bytes fall in different lines; a field that ends exactly at a line's
 * end (last byte = 63) does not.
 */
export function straddlingFields(layout: StructLayout, index: number, lineBytes = 64): string[] {
  const base = index * layout.size;
  return layout.fields
    .filter((f) => {
      const first = base + f.offset;
      const last = first + f.size - 1;
      return Math.floor(first / lineBytes) !== Math.floor(last / lineBytes);
    })
    .map((f) => f.name);
}
// #endregion straddle

// #region access
// Little-endian, as x86 and ARM store integers. DataView defaults to big-endian, so
// every call passes `true`.
export function writeRecord(view: DataView, index: number, layout: StructLayout, values: RecordValues): void {
  const base = index * layout.size;
  for (const f of layout.fields) {
    const at = base + f.offset;
    const v = values[f.name];
    if (v === undefined) throw new RangeError(`writeRecord: no value for field "${f.name}"`);
    switch (f.type) {
      case 'u8': view.setUint8(at, Number(v)); break;
      case 'i8': view.setInt8(at, Number(v)); break;
      case 'u16': view.setUint16(at, Number(v), true); break;
      case 'i16': view.setInt16(at, Number(v), true); break;
      case 'u32': view.setUint32(at, Number(v), true); break;
      case 'i32': view.setInt32(at, Number(v), true); break;
      case 'f32': view.setFloat32(at, Number(v), true); break;
      case 'f64': view.setFloat64(at, Number(v), true); break;
      // 64-bit integers do not fit a double exactly: they travel as bigint.
      case 'u64': view.setBigUint64(at, BigInt(v), true); break;
      case 'i64': view.setBigInt64(at, BigInt(v), true); break;
    }
  }
}

export function readRecord(view: DataView, index: number, layout: StructLayout): RecordValues {
  const base = index * layout.size;
  const out: RecordValues = {};
  for (const f of layout.fields) {
    const at = base + f.offset;
    switch (f.type) {
      case 'u8': out[f.name] = view.getUint8(at); break;
      case 'i8': out[f.name] = view.getInt8(at); break;
      case 'u16': out[f.name] = view.getUint16(at, true); break;
      case 'i16': out[f.name] = view.getInt16(at, true); break;
      case 'u32': out[f.name] = view.getUint32(at, true); break;
      case 'i32': out[f.name] = view.getInt32(at, true); break;
      case 'f32': out[f.name] = view.getFloat32(at, true); break;
      case 'f64': out[f.name] = view.getFloat64(at, true); break;
      case 'u64': out[f.name] = view.getBigUint64(at, true); break;
      case 'i64': out[f.name] = view.getBigInt64(at, true); break;
    }
  }
  return out;
}
// #endregion access
