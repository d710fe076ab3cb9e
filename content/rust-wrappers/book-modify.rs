// order-book/cancel-and-modify: the book a `modify` method belongs to.
#![allow(unused)]
use std::collections::HashMap;

struct Order { id: u64, price: u64, qty: u64 }
enum Reject { UnknownOrder }
struct Book { orders: HashMap<u64, Order> }

impl Book {
    /// Removes an order from its level and the map.
    fn take(&mut self, id: u64) -> Option<Order> { self.orders.remove(&id) }

    // {{block}}
}

fn main() {}
