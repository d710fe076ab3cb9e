// interop/deterministic-replay: the trades of a replay and the record it writes.
#![allow(unused)]
struct Trade { taker: u64, maker: u64, qty: u64 }

fn record_fills(trades: Vec<Trade>, record: &mut String) -> std::fmt::Result {
    // {{block}}
    Ok(())
}

fn main() {}
