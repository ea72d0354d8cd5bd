//! Mistake: at the limit, waits for the child without killing it, so until it ends by itself.

use std::io;
use std::time::Duration;

use smol::future::FutureExt;
use smol::io::AsyncReadExt;
use smol::process::{Command, Stdio};
use smol::{LocalExecutor, Timer};
use workbook::say;

/// How long a child may run.
const LIMIT: Duration = Duration::from_millis(500);

/// The children: a name, and the script its shell runs. `tests` hangs. Its `exec` makes the shell
/// *become* the `sleep`, so that killing the child stops the sleep: a shell killed in the middle
/// of a `sleep` leaves that `sleep` running, in any language.
const CHILDREN: [(&str, &str); 3] = [
    ("build", "sleep 0.3; echo ok"),
    ("lint", "sleep 0.1; echo 2 warnings"),
    ("tests", "exec sleep 1"),
];

/// Runs `sh -c script` for at most `LIMIT`. If it exits in time, says "{name}: " and what it
/// printed (its last newline trimmed); if not, kills it, waits until it has ended, and says
/// "{name}: killed at the limit, " and its exit status (an `ExitStatus` shown with `{}`).
async fn run(name: &str, script: &str) -> io::Result<()> {
    let mut child = Command::new("sh")
        .args(["-c", script])
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut printed = String::new();
    // `communicate()`: read the output to its end while the child runs (a child whose pipe is
    // full waits for a reader), then reap it. Both borrow `child` and `printed` only for the race.
    let finished = async {
        stdout.read_to_string(&mut printed).await?;
        child.status().await.map(Some)
    };
    let time_up = async {
        Timer::after(LIMIT).await;
        Ok(None)
    };
    match finished.or(time_up).await? {
        Some(_) => say!("{name}: {}", printed.trim_end()),
        None => {
            // Waits for it to end, to say how it ended: `await proc.wait()`, with no `proc.kill()`.
            let status = child.status().await?;
            say!("{name}: killed at the limit, {status}");
        }
    }
    Ok(())
}

fn main() -> io::Result<()> {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // A task per child, all started before any is awaited: each says its line when its child
        // ends, whatever the order in which they are awaited.
        let runs = CHILDREN.map(|(name, script)| ex.spawn(run(name, script)));
        for run in runs {
            run.await?;
        }
        say!("all ended");
        Ok(())
    }))
}
