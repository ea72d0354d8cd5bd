//! Mistake: holds the guard through the notification too, so bob waits 200 ms more for the lock.

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
        // One guard, named so that it lives to the end of the function: the read, the approval
        // and the write are one critical section.
        let mut balance = self.balance.lock().await;
        say!("{who}: reads {}", *balance);
        if approve(*balance, amount).await {
            *balance += amount;
            say!("{who}: {amount} approved, writes {}", *balance);
        } else {
            say!("{who}: {amount} declined, {} stays", *balance);
        }
        // The guard lives to the end of the function: through the notification too.
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
