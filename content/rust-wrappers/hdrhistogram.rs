// The hdrhistogram crate's API as the lesson uses it, mirrored so rustc alone can type-check
// the block (rustc cannot fetch crates). Signatures as in hdrhistogram 7 on docs.rs:
// `new_with_bounds(low, high, sigfig) -> Result<Histogram<T>, CreationError>`,
// `record(&mut self, value: u64) -> Result<(), RecordError>`, `value_at_quantile(f64) -> u64`.
// Only type-checked here; run on the Playground, a body panics saying so.
#![allow(unused)]
mod hdrhistogram {
    use std::marker::PhantomData;
    #[derive(Debug)]
    pub struct CreationError;
    #[derive(Debug)]
    pub struct RecordError;
    impl std::fmt::Display for CreationError { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { unimplemented!("a mirror of the crate's signature, for type-checking only") } }
    impl std::fmt::Display for RecordError { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { unimplemented!("a mirror of the crate's signature, for type-checking only") } }
    impl std::error::Error for CreationError {}
    impl std::error::Error for RecordError {}
    pub struct Histogram<T>(PhantomData<T>);
    impl<T> Histogram<T> {
        pub fn new_with_bounds(low: u64, high: u64, sigfig: u8) -> Result<Histogram<T>, CreationError> { unimplemented!("a mirror of the crate's signature, for type-checking only") }
        pub fn record(&mut self, value: u64) -> Result<(), RecordError> { unimplemented!("a mirror of the crate's signature, for type-checking only") }
        pub fn value_at_quantile(&self, quantile: f64) -> u64 { unimplemented!("a mirror of the crate's signature, for type-checking only") }
    }
}

struct Order;
fn handle(_order: Order) {}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let order = Order;
    // {{block}}
    Ok(())
}
