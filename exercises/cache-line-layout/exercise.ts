/**
 * Exercise: cache-line-layout.
 *
 * Lay a struct out the way a C compiler (and Rust's `#[repr(C)]`) does, then use that
 * layout to read and write records in a DataView, and find the fields that a cache-line
 * boundary cuts in two.
 *
 * 1. `layoutStruct(fields, mode)`: fields keep their declaration order.
 *    - `'aligned'`: each field starts at the next offset that is a multiple of its
 *      size (its natural alignment: 8 for u64/i64/f64, 4 for u32/i32/f32, 2 for u16/i16,
 *      1 for u8/i8). The struct's `align` is its largest field alignment, and its `size`
 *      is rounded up to a multiple of `align` (tail padding), so that every record of
 *      an array of them is aligned too.
 *    - `'packed'`: no padding anywhere; every field follows the previous one; align 1.
 *    - `padding` is `size` minus the sum of the field sizes.
 * 2. `straddlingFields(layout, index, lineBytes = 64)`: in an array of records laid
 *    back to back from byte 0 (record `index` starts at `index * layout.size`), the
 *    names of record `index`'s fields whose first and last bytes lie in different
 *    `lineBytes`-byte lines. A field whose last byte is the last byte of a line does
 *    not straddle.
 * 3. `writeRecord(view, index, layout, values)` and `readRecord(view, index, layout)`:
 *    write and read record `index` at the layout's offsets, little-endian (as x86 and
 *    ARM store numbers), `bigint` for u64/i64 and `number` for everything else. Writing
 *    touches only the fields' bytes, never the padding. A missing value is a RangeError
 *    whose message names the field.
 *
 * Run `ticklab hint cache-line-layout` if you are stuck.
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

export function layoutStruct(fields: readonly FieldSpec[], mode: 'aligned' | 'packed'): StructLayout {
  // TODO: place each field at its offset (aligned: the next multiple of its size;
  // packed: right after the previous field), then round the size up to the alignment.
  void fields;
  void mode;
  return { fields: [], size: 0, align: 1, padding: 0 };
}

export function straddlingFields(layout: StructLayout, index: number, lineBytes = 64): string[] {
  // TODO: for record `index`, list the fields whose first and last bytes are in
  // different lines of `lineBytes` bytes.
  void layout;
  void index;
  void lineBytes;
  return [];
}

export function writeRecord(view: DataView, index: number, layout: StructLayout, values: RecordValues): void {
  // TODO: write each field of record `index` at its offset, little-endian.
  void view;
  void index;
  void layout;
  void values;
}

export function readRecord(view: DataView, index: number, layout: StructLayout): RecordValues {
  // TODO: read each field of record `index` back from its offset, little-endian.
  void view;
  void index;
  void layout;
  return {};
}
