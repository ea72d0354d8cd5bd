//! Mistake: asks every replica at once, not three at most.

use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;
use workbook::wait::first_completed;

/// How many requests may run at once.
#[allow(dead_code)] // this mistake never reads it
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
    // An executor of our own, so that no request can outlive `first_two`: the scope of the page
    // on scoped tasks.
    let ex = LocalExecutor::new();
    ex.run(async {
        // The replicas not asked yet, with their numbers, in order.
        let mut not_asked = replicas.iter().enumerate().map(|(i, does)| (i + 1, *does));
        // The requests running, as tasks, in the order they were asked.
        let mut running = Vec::new();
        let mut answers = Vec::new();
        while answers.len() < 2 {
            // Fill every free place: a new task for each one done, as with `asyncio.wait`.
            for (number, does) in not_asked.by_ref() {
                running.push(ex.spawn(request(number, does)));
            }
            if running.is_empty() {
                break; // every replica asked, and fewer than two answered
            }
            // A failure is not counted: it only frees a place for the next replica.
            if let Ok(answer) = first_completed(&mut running).await {
                answers.push(answer);
            }
        }
        // Dropping the tasks still running cancels them, the first asked first.
        drop(running);
        answers
    })
    .await
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
