// Statements a lesson shows on their own, compiled as the body of `main` with the std
// names the lessons use in scope.
#![allow(unused_imports)]
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // {{block}}
}
