//! Write a future by hand: `Pending` the first time it is polled, `Ready` the second.
//!
//! Like `await asyncio.sleep(0)`, it gives control back once, so the other task runs in between.
//! A future that returns `Pending` must make sure its task is woken, or it is never polled again.
//! Run it: `cargo exercise ex05_yield_once`
//! Check it: `cargo xtask check ex05_yield_once`
//!
//! Hint: `cx.waker().wake_by_ref()` asks the executor to poll this task again. To set
//! `self.yielded`, write `mut self: Pin<&mut Self>`: `YieldOnce` is `Unpin`, so the `Pin` lets you
//! change its fields (the book's page "The Future trait in one page" says why).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use smol::LocalExecutor;
use workbook::say;

struct YieldOnce {
    yielded: bool,
}

impl Future for YieldOnce {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // TODO: the first time, remember it, ask to be woken, and return Pending;
        // the second time, return Ready.
        let _ = (&self.yielded, cx);
        todo!("poll YieldOnce")
    }
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let other = ex.spawn(async { say!("the other task runs") });
        say!("before yielding");
        YieldOnce { yielded: false }.await;
        say!("after yielding");
        other.await;
    }));
}
