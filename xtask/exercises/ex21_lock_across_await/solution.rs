//! Solution: `transfer` keeps the `MutexGuard` from the read, across the approval, to the write.
//!
//! `transfer` reads the balance, asks the bank to approve the amount against it (`approve`, a
//! network call of 100 ms), writes the new balance only if the bank approved, then tells the
//! customer (`notify`, 200 ms). alice and bob each take money at once from an account of 100:
//! alice 80, bob 50. The read, the approval and the write must be one critical section: alice's
//! is approved (20 left), and bob's, which reads 20, is declined. Locked once to read and again
//! to write, both would read 100 and be approved, and alice's withdrawal would be lost. Telling
//! the customer needs no lock: bob reads at 0.10 s, while alice is still being told.
//!
//! Run it: `cargo exercise ex21_lock_across_await`
//! Check it: `cargo xtask check ex21_lock_across_await`

use std::time::Duration;

use smol::Timer;
use smol::future;
use smol::lock::Mutex;
use workbook::say;

/// The bank's answer to "may `amount` be added to `balance`?" (a negative amount takes money
/// out): a network call, 100 ms. It approves unless the balance would go below zero.
async fn approve(balance: i64, amount: i64) -> bool {
    Timer::after(Duration::from_millis(100)).await;
    balance + amount >= 0
}

/// Tells `who` how the transfer went: a network call, 200 ms.
async fn notify(who: &str) {
    Timer::after(Duration::from_millis(200)).await;
    say!("{who}: notified");
}

/// A bank account.
struct Account {
    /// The balance can be reached only through the lock's guard: no transfer can forget to lock.
    balance: Mutex<i64>,
}

impl Account {
    fn new(balance: i64) -> Account {
        Account {
            balance: Mutex::new(balance),
        }
    }

    /// The balance now.
    async fn balance(&self) -> i64 {
        *self.balance.lock().await
    }

    /// Adds `amount` (negative: takes it out), if the bank approves it against the balance, in
    /// one critical section: no other transfer may read or write the balance meanwhile. Says
    /// "{who}: reads {balance}" when it has read it; then "{who}: {amount} approved, writes {new
    /// balance}", or "{who}: {amount} declined, {balance} stays". Then notifies `who`, out of
    /// the critical section.
    async fn transfer(&self, who: &str, amount: i64) {
        // One guard, named so that it lives until the `drop` below: the read, the approval and
        // the write are one critical section. Held across `.await`, which an async lock allows:
        // another transfer's `lock().await` waits as a task, and the thread runs on.
        let mut balance = self.balance.lock().await;
        say!("{who}: reads {}", *balance);
        if approve(*balance, amount).await {
            *balance += amount;
            say!("{who}: {amount} approved, writes {}", *balance);
        } else {
            say!("{who}: {amount} declined, {} stays", *balance);
        }
        // The critical section ends here, before the next `.await`, which needs no lock: the
        // next transfer goes on while this customer is told.
        drop(balance);
        notify(who).await;
    }
}

fn main() {
    smol::block_on(async {
        let account = Account::new(100);
        say!("balance: {}", account.balance().await);
        future::zip(account.transfer("alice", -80), account.transfer("bob", -50)).await;
        say!("balance: {}", account.balance().await);
    });
}
