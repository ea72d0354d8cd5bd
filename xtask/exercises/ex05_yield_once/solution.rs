//! Solution: remember the first poll, wake the task, and return Pending once.

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

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        cx.waker().wake_by_ref();
        Poll::Pending
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
