//! Solution: `Transaction`'s `Drop` rolls back unless `commit()` set its flag first.
//!
//! `transfer` debits one account, then credits another, in a transaction: it must end committed,
//! or rolled back, never half done. `main` runs it under a 200 ms time limit, which cancels it
//! during the credit, so `transaction: rolled back` at 0.20 s; then under a 400 ms limit, which
//! lets it finish, so `transaction: committed` at 0.50 s, and nothing rolled back.
//!
//! Run it: `cargo exercise ex07_rollback_on_cancel`
//! Check it: `cargo xtask check ex07_rollback_on_cancel`

use std::future::Future;
use std::time::Duration;

use smol::Timer;
use smol::future::FutureExt;
use workbook::say;

/// Takes `amount` from `account`: 100 ms.
async fn debit(account: &str, amount: u32) {
    Timer::after(Duration::from_millis(100)).await;
    say!("  {account}: -{amount}");
}

/// Adds `amount` to `account`: 200 ms.
async fn credit(account: &str, amount: u32) {
    Timer::after(Duration::from_millis(200)).await;
    say!("  {account}: +{amount}");
}

/// Like an `async with` block whose `__aexit__` rolls back unless the block committed. Rust has
/// no exception to catch: a cancelled `transfer` is dropped, and this `Drop` runs.
struct Transaction {
    committed: bool,
}

impl Transaction {
    fn begin() -> Transaction {
        say!("transaction: begin");
        Transaction { committed: false }
    }

    /// Takes `self`: a committed transaction cannot be used again, and is dropped at the end.
    fn commit(mut self) {
        self.committed = true;
        say!("transaction: committed");
    }
}

impl Drop for Transaction {
    fn drop(&mut self) {
        if !self.committed {
            say!("transaction: rolled back");
        }
    }
}

/// Moves `amount` from `from` to `to`.
async fn transfer(from: &str, to: &str, amount: u32) {
    // Held across both `.await`s: if the time limit drops `transfer` at either, `transaction`
    // is dropped with it, uncommitted.
    let transaction = Transaction::begin();
    debit(from, amount).await;
    credit(to, amount).await;
    transaction.commit();
}

/// Runs `future` for at most `limit`, like `asyncio.wait_for`: `None` if the time ran out. Then
/// the future is dropped where it waits: that is how Rust cancels it.
async fn with_time_limit<T>(limit: Duration, future: impl Future<Output = T>) -> Option<T> {
    let finished = async { Some(future.await) };
    let time_up = async {
        Timer::after(limit).await;
        None
    };
    finished.or(time_up).await
}

/// Runs `transfer` under `limit`, and says how that went.
async fn transfer_within(limit: Duration) {
    match with_time_limit(limit, transfer("alice", "bob", 50)).await {
        Some(()) => say!("transfer finished in time"),
        None => say!("transfer cancelled by the time limit"),
    }
}

fn main() {
    smol::block_on(async {
        let limit = Duration::from_millis(200);
        say!("with a {} ms limit", limit.as_millis());
        transfer_within(limit).await;

        let limit = Duration::from_millis(400);
        say!("-- again, with a {} ms limit", limit.as_millis());
        transfer_within(limit).await;
    });
}
