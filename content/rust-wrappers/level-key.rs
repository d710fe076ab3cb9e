// order-book/matching: a price level with the key its side sorts by.
#![allow(unused)]
struct Level { key: i64 }

// {{block}}
