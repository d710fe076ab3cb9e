// hardware/numa-and-kernel-bypass: a book of preallocated arrays and the loop that matches on it.
#![allow(unused)]
use std::cell::RefCell;
use std::rc::Rc;
use std::thread;

struct OrderBook { prices: Vec<i64> }
impl OrderBook {
    fn with_capacity(n: usize) -> OrderBook { OrderBook { prices: Vec::with_capacity(n) } }
}
fn run_matching_loop(book: &mut OrderBook) {}

fn main() {
    // {{block}}
}
