// order-book/matching: the book a buy order is matched against, levels best last.
#![allow(unused)]
use std::collections::VecDeque;

struct Order { id: u64, qty: u64 }
struct Level { orders: VecDeque<Order> }
impl Level {
    fn front_mut(&mut self) -> Option<&mut Order> { self.orders.front_mut() }
    fn is_empty(&self) -> bool { self.orders.is_empty() }
}
struct Book { asks: Vec<Level> }

impl Book {
    fn take(&mut self, id: u64) -> Option<Order> { None }

    fn match_buy(&mut self, mut left: u64) {
        // {{block}}
    }
}

fn main() {}
