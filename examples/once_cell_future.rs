//! asyncio.Future in smol: a `OnceCell`, set once, and awaited by every task that waits.
//!
//! `loop.create_future()` makes a placeholder that some code fills with `set_result`, and any
//! number of tasks await. smol's `lock::OnceCell` does the same: `try_set` fills it once (a
//! second value is refused), and `wait().await` returns a reference to the value. Run it with
//! `cargo run --example once_cell_future`.

use std::rc::Rc;
use std::time::Duration;

use smol::lock::OnceCell;
use smol::{LocalExecutor, Timer};
use workbook::say;

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: future
        say!("main: two waiters, and the value in 200 ms");
        let future = Rc::new(OnceCell::new()); // loop.create_future()
        let waiters: Vec<_> = ["w1", "w2"]
            .into_iter()
            .map(|name| {
                let future = future.clone();
                ex.spawn(async move {
                    say!("{name}: waiting");
                    say!("{name}: got {}", future.wait().await); // await future
                })
            })
            .collect();

        Timer::after(Duration::from_millis(200)).await;
        future.try_set(42).unwrap(); // future.set_result(42): wakes every waiter
        for waiter in waiters {
            waiter.await;
        }
        if let Err(refused) = future.try_set(43) {
            say!(
                "second set: {refused} refused, the value stays {}",
                future.get().unwrap()
            );
        }
        // ANCHOR_END: future
    }));
}
