// ownership/ownership-and-moves: the order and the result of executing it.
#![allow(unused)]
struct Order { id: u64, qty: u64, price_ticks: i64 }
enum ExecutionResult { Filled { id: u64 }, Rejected { id: u64, reasons: Vec<String> } }
fn execute(order: Order) -> ExecutionResult { ExecutionResult::Filled { id: order.id } }

// {{block}}
