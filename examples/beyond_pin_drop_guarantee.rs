//! Pin's drop guarantee: a list of addresses of pinned waiters, each taken off by its `drop`.
//!
//! The list keeps raw addresses, as event-listener's list of listeners does. Each waiter goes on
//! the list only once pinned, and takes itself off in `drop`. `mem::forget` can leak a pinned
//! waiter, never free it unseen. Run it with `cargo run --example beyond_pin_drop_guarantee`.

use std::cell::RefCell;
use std::marker::{PhantomData, PhantomPinned};
use std::pin::{Pin, pin};
use std::ptr;

use workbook::say;

// ANCHOR: waiter
thread_local! {
    /// The waiting list: addresses, not owned values, so a waiter can live anywhere (on a
    /// stack, in a Box, inside a future) and the list allocates nothing for it.
    static LIST: RefCell<Vec<*const Waiter>> = const { RefCell::new(Vec::new()) };
}

struct Waiter {
    name: &'static str,
    /// `!Unpin`: once pinned, it stays at its address until it is dropped.
    _pinned: PhantomPinned,
    /// `!Send`: it must be dropped on the thread whose list it is on.
    _this_thread: PhantomData<*const ()>,
}

impl Waiter {
    fn new(name: &'static str) -> Waiter {
        Waiter {
            name,
            _pinned: PhantomPinned,
            _this_thread: PhantomData,
        }
    }

    /// Only a pinned waiter can be listed: its address then stays valid until its `drop`.
    fn enlist(self: Pin<&Self>) {
        LIST.with_borrow_mut(|list| list.push(ptr::from_ref(self.get_ref())));
    }
}

impl Drop for Waiter {
    fn drop(&mut self) {
        let me = ptr::from_ref(self);
        LIST.with_borrow_mut(|list| list.retain(|&p| p != me));
        say!("drop: {} takes itself off the list", self.name);
    }
}

fn show_list() {
    LIST.with_borrow(|list| {
        // SAFETY: an address is on the list only if its waiter was pinned when listed, and it
        // comes off in the waiter's `drop`. Pin promises that the memory is neither moved nor
        // reused before that `drop` runs, so every address here is a live `Waiter`.
        let names: Vec<_> = list.iter().map(|&p| unsafe { (*p).name }).collect();
        say!("the list: {}", names.join(", "));
    });
}
// ANCHOR_END: waiter

// Allowed outside the part the book shows: the lint's name would answer the page's question.
#[allow(clippy::forget_non_drop)]
// ANCHOR: main
fn main() {
    let a = Box::pin(Waiter::new("a"));
    a.as_ref().enlist();
    {
        let b = pin!(Waiter::new("b"));
        b.into_ref().enlist();
        show_list();
    }
    show_list();

    {
        let c = pin!(Waiter::new("c"));
        c.as_ref().enlist();
        std::mem::forget(c);
        say!("forgot c's Pin");
    }
    show_list();

    std::mem::forget(a);
    say!("forgot a's Pin<Box>");
    show_list();
}
// ANCHOR_END: main
