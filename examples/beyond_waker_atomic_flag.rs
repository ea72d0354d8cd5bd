//! `AtomicWaker`: register, then check. Checked first, the wake-up is lost; a watchdog says so.
//!
//! A flag set by another thread, with an `AtomicWaker` for whoever waits for it (no lock). The
//! wait runs twice, its two steps 0.20 s apart so that the setter, at 0.10 s, lands between
//! them: registered first, then checked first. Run it with
//! `cargo run --example beyond_waker_atomic_flag`.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::task::{Context, Poll};
use std::thread;
use std::time::Duration;

use atomic_waker::AtomicWaker;
use workbook::say;

// ANCHOR: flag
#[derive(Default)]
struct Flag {
    set: AtomicBool,
    waker: AtomicWaker,
}

impl Flag {
    /// The setter's side: set the flag first, then take the registered waker, if any, and wake it.
    fn set(&self) {
        self.set.store(true, Ordering::SeqCst);
        match self.waker.take() {
            Some(waker) => {
                say!("  setter: flag set; waking the registered waker");
                waker.wake();
            }
            None => say!("  setter: flag set; no waker registered, so nobody to wake"),
        }
    }
}
// ANCHOR_END: flag

// ANCHOR: wait
struct WaitFor {
    flag: Arc<Flag>,
    register_first: bool,
}

impl Future for WaitFor {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let window = || thread::sleep(Duration::from_millis(200)); // widened on purpose
        let set = if self.register_first {
            self.flag.waker.register(cx.waker());
            say!("  registered");
            window();
            let set = self.flag.set.load(Ordering::SeqCst);
            say!("  checked: the flag is {set}");
            set
        } else {
            let set = self.flag.set.load(Ordering::SeqCst);
            say!("  checked: the flag is {set}");
            window();
            self.flag.waker.register(cx.waker());
            say!("  registered");
            set
        };
        say!("  poll returns {}", if set { "Ready" } else { "Pending" });
        if set { Poll::Ready(()) } else { Poll::Pending }
    }
}
// ANCHOR_END: wait

// ANCHOR: main
fn run(register_first: bool) {
    let order = if register_first {
        "register, then check"
    } else {
        "check, then register"
    };
    say!("{order}:");
    let flag = Arc::new(Flag::default());
    let setter_flag = flag.clone();
    thread::spawn(move || {
        thread::sleep(Duration::from_millis(100));
        setter_flag.set();
    });
    let wait = WaitFor {
        flag,
        register_first,
    };
    smol::block_on(wait);
    say!("the await is over ({order})");
}

fn main() {
    run(true);

    // A watchdog: if the second run has not ended by 0.50 s after its start, report and exit.
    let (done, progress) = mpsc::channel::<()>();
    thread::spawn(move || {
        if progress.recv_timeout(Duration::from_millis(500)).is_err() {
            say!("watchdog: no wake-up 0.30 s after the registration, and the flag is set");
            std::process::exit(0);
        }
    });
    run(false);
    done.send(()).unwrap();
}
// ANCHOR_END: main
