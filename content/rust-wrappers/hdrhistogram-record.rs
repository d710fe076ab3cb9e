// One call on a histogram made earlier in the lesson (hdrhistogram's API mirrored as in hdrhistogram.rs).
#![allow(unused)]
mod hdrhistogram {
    use std::marker::PhantomData;
    #[derive(Debug)]
    pub struct RecordError;
    impl std::fmt::Display for RecordError { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { unimplemented!("a mirror of the crate's signature, for type-checking only") } }
    impl std::error::Error for RecordError {}
    pub struct Histogram<T>(PhantomData<T>);
    impl<T> Histogram<T> {
        pub fn record(&mut self, value: u64) -> Result<(), RecordError> { unimplemented!("a mirror of the crate's signature, for type-checking only") }
    }
}
use hdrhistogram::Histogram;
use std::time::Instant;

fn measure(h: &mut Histogram<u64>) -> Result<(), Box<dyn std::error::Error>> {
    let start = Instant::now();
    // {{block}}
    Ok(())
}

fn main() {}
