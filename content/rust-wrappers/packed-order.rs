// hardware/cache-lines: the packed order of the lesson's first block.
#![allow(unused)]
#[repr(C, packed)]
struct PackedOrder { side: u8, price: f64, qty: u32, id: u64, venue: u16 }

fn main() {
// {{block}}
}
