// The names a Quote is built from in zero-cost/hidden-classes: a symbol, a venue, a bid and an ask.
#![allow(unused)]
#[derive(Clone, Copy)]
struct Symbol(u32);
#[derive(Clone, Copy)]
enum Venue { None, Nasdaq, Nyse }

fn main() {
    let (symbol, bid, ask) = (Symbol(1), 101.25, 101.26);
    // {{block}}
}
