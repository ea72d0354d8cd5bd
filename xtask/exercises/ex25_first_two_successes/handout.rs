//! Ask five replicas, at most three at once; stop at the first two answers, and cancel the rest.
//!
//! `first_two` asks replicas 1, 2 and 3 at once, and each time a request ends, asks the next
//! replica not asked yet, so that three requests at most run at a time. A replica may fail: a
//! failure is no answer, it only frees a place. As soon as two replicas have answered,
//! `first_two` asks no more, cancels the requests still running (each says so as it is dropped,
//! the first asked first), and returns the two answers in the order they came. `main` runs it
//! twice, with replicas that behave otherwise the second time.
//!
//! Run it: `cargo exercise ex25_first_two_successes`
//! Check it: `cargo xtask check ex25_first_two_successes`

#![allow(unused_imports, unused_variables, unused_mut, dead_code)] // until your code uses what is given

use std::time::Duration;

use smol::Timer;
use workbook::say;

/// How many requests may run at once.
const LIMIT: usize = 3;

/// What a replica does when asked: answers, or fails, after so many milliseconds.
#[derive(Clone, Copy, Debug)]
enum Replica {
    Answers(u64),
    Fails(u64),
}

/// Says so when the request that holds it is dropped before its replica has replied.
struct CancelAlarm {
    replica: usize,
    replied: bool,
}

impl Drop for CancelAlarm {
    fn drop(&mut self) {
        if !self.replied {
            say!("replica {}: cancelled", self.replica);
        }
    }
}

/// Asks replica number `replica`, which does what `does` says.
async fn request(replica: usize, does: Replica) -> Result<String, String> {
    let mut alarm = CancelAlarm {
        replica,
        replied: false,
    };
    say!("replica {replica}: asked");
    let (Replica::Answers(ms) | Replica::Fails(ms)) = does;
    Timer::after(Duration::from_millis(ms)).await;
    alarm.replied = true;
    match does {
        Replica::Answers(_) => {
            say!("replica {replica}: answered");
            Ok(format!("data from replica {replica}"))
        }
        Replica::Fails(_) => {
            say!("replica {replica}: failed");
            Err(format!("replica {replica} is down"))
        }
    }
}

/// Asks the replicas (`replicas[0]` is replica 1), `LIMIT` at a time and in their order, until
/// two have answered. Gives back their answers in the order they came, once the requests still
/// running have been cancelled.
async fn first_two(replicas: &[Replica]) -> Vec<String> {
    // TODO: keep up to LIMIT requests running (`request(number, replicas[number - 1])`), take
    // each one's result as it comes, and stop at the second answer, cancelling the rest.
    todo!()
}

fn main() {
    smol::block_on(async {
        use Replica::{Answers, Fails};
        let replicas = [
            Fails(100),
            Answers(400),
            Answers(200),
            Answers(300),
            Answers(100),
        ];
        say!("replicas 1 to 5: {replicas:?}");
        say!("answers: {:?}", first_two(&replicas).await);

        say!("-- again, with other replicas");
        let replicas = [
            Answers(500),
            Answers(400),
            Fails(100),
            Answers(100),
            Fails(300),
        ];
        say!("replicas 1 to 5: {replicas:?}");
        say!("answers: {:?}", first_two(&replicas).await);
    });
}
