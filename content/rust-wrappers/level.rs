// order-book/price-levels: a price level, whatever it holds.
#![allow(unused)]
struct Level { price: i64, qty: u64 }

// {{block}}
