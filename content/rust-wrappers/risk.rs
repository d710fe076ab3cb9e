// order-book/risk-gates: the intent, the state and the limits a gate reads.
#![allow(unused)]
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side { Buy, Sell }
struct Intent { side: Side, qty: u64, price: Option<u64>, added: i64 }
struct RiskState { position: i64, open_buy: u64, open_sell: u64, last_price: u64 }
struct RiskLimits { max_order_qty: u64, collar_ticks: u64, max_position: i64 }

// {{block}}
