//! asyncio.create_subprocess_exec in smol: `smol::process::Command`.
//!
//! Processes run side by side, one fed through a pipe, and one killed after a timeout.
//!
//! `Command` is async-process's own, with the builder methods of std's: `output().await` waits
//! for the process and collects what it printed, without blocking the thread, so other tasks
//! (and other processes) run meanwhile.
//! Run it with `cargo run --example subprocess_pipe`.

use std::os::unix::process::ExitStatusExt;
use std::time::Duration;

use smol::Timer;
use smol::future::{self, FutureExt};
use smol::io::{AsyncReadExt, AsyncWriteExt};
use smol::process::{Command, Stdio};
use workbook::say;

// ANCHOR: sh
/// Runs `sh -c script` to the end, and says what it printed.
async fn sh(name: &str, script: &str) -> std::io::Result<()> {
    let output = Command::new("sh").arg("-c").arg(script).output().await?;
    say!(
        "{name}: {}",
        String::from_utf8_lossy(&output.stdout).trim_end()
    );
    Ok(())
}
// ANCHOR_END: sh

fn main() -> std::io::Result<()> {
    smol::block_on(async {
        // ANCHOR: main
        // Two processes at once: communicate() on each, gathered.
        say!("two shells, side by side");
        future::try_zip(sh("slow", "sleep 0.3; echo slow"), sh("fast", "echo fast")).await?;

        // A pipe both ways: stdin=PIPE, stdout=PIPE.
        let mut cat = Command::new("cat")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let mut stdin = cat.stdin.take().unwrap();
        stdin.write_all(b"hello\n").await?;
        drop(stdin); // close it: cat sees the end of its input, and exits
        let mut echoed = String::new();
        cat.stdout
            .take()
            .unwrap()
            .read_to_string(&mut echoed)
            .await?;
        say!("cat: {:?}", echoed.trim_end());

        // A time limit: the process is not killed when we stop waiting, so kill it.
        let mut sleeper = Command::new("sleep").arg("10").spawn()?;
        let timed_out = async { sleeper.status().await.map(Some) }
            .or(async {
                Timer::after(Duration::from_millis(200)).await;
                Ok(None)
            })
            .await?
            .is_none();
        if timed_out {
            sleeper.kill()?;
            let status = sleeper.status().await?;
            say!(
                "sleep 10: timed out, killed by signal {:?}",
                status.signal()
            );
        }
        Ok(())
        // ANCHOR_END: main
    })
}
