// hardware/numa-and-kernel-bypass: the core_affinity crate's API, mirrored so rustc alone can
// type-check the block (rustc cannot fetch crates). Signatures as in core_affinity 0.8 on
// docs.rs: `get_core_ids() -> Option<Vec<CoreId>>`, `set_for_current(CoreId) -> bool`.
// Only type-checked here; run on the Playground, a body panics saying so.
#![allow(dead_code, unused_variables, unreachable_code)]
mod core_affinity {
    #[derive(Clone, Copy, Debug)]
    pub struct CoreId { pub id: usize }
    pub fn get_core_ids() -> Option<Vec<CoreId>> { unimplemented!("a mirror of the crate's signature, for type-checking only") }
    pub fn set_for_current(core_id: CoreId) -> bool { unimplemented!("a mirror of the crate's signature, for type-checking only") }
}

struct OrderBook { prices: Vec<i64> }
impl OrderBook {
    fn with_capacity(n: usize) -> OrderBook { OrderBook { prices: Vec::with_capacity(n) } }
    fn prefault(&mut self) { self.prices.resize(self.prices.capacity(), 0) }
}
fn run_matching_loop(book: &mut OrderBook) {}

fn main() {
    // {{block}}
}
