// The rtrb crate's API for a block that makes its own ring (see rtrb.rs for why it is mirrored).
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
    // {{block}}
}
