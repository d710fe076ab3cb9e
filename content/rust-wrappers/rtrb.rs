// The rtrb crate's API as the lessons use it, mirrored so rustc alone can type-check the
// blocks (rustc cannot fetch crates). Signatures as in rtrb 0.3 on docs.rs: `RingBuffer::new`
// gives a Producer and a Consumer, neither Clone nor Copy; `push` returns a #[must_use]
// Result. Only type-checked here; run on the Playground, a body panics saying so.
#![allow(dead_code, unused_variables, unreachable_code)]
mod rtrb {
    use std::marker::PhantomData;
    pub struct RingBuffer<T>(PhantomData<T>);
    pub struct Producer<T>(PhantomData<T>);
    pub struct Consumer<T>(PhantomData<T>);
    #[derive(Debug)]
    pub enum PushError<T> { Full(T) }
    impl<T> RingBuffer<T> {
        pub fn new(capacity: usize) -> (Producer<T>, Consumer<T>) { unimplemented!("a mirror of the crate's signature, for type-checking only") }
    }
    impl<T> Producer<T> {
        pub fn push(&mut self, value: T) -> Result<(), PushError<T>> { unimplemented!("a mirror of the crate's signature, for type-checking only") }
    }
}

fn main() {
    #[allow(unused_mut)]
    let (mut producer, _consumer) = rtrb::RingBuffer::<f64>::new(4096);
    let quote = 101.25;
    // {{block}}
}
