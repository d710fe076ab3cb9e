// order-book/price-levels: a level as a FIFO queue of orders, with a cancel by id.
#![allow(unused)]
use std::collections::VecDeque;

struct Order { id: u64, qty: u64 }
struct Level { orders: VecDeque<Order> }
impl Level {
    fn front_mut(&mut self) -> Option<&mut Order> { self.orders.front_mut() }
    fn cancel(&mut self, id: u64) { self.orders.retain(|o| o.id != id) }
}

fn main() {
    let mut level = Level { orders: VecDeque::from([Order { id: 7, qty: 100 }]) };
    // {{block}}
}
