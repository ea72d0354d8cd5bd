//! Run three child processes at once, print each one's output as it ends, and kill one that hangs.
//!
//! `run` starts `sh -c SCRIPT` with its standard output piped, and gives it `LIMIT`. A child that
//! exits in time: `run` prints what it printed, the moment it exits. A child still running at the
//! limit: `run` kills it, waits until it is gone, and says how it ended, as asyncio's `kill()` and
//! `await proc.wait()` would. `main` runs the three children at once, so their lines come in the
//! order they end: `lint` at 0.10 s, `build` at 0.30 s, and `tests`, killed, at 0.50 s.
//!
//! Run it: `cargo exercise ex20_subprocesses`
//! Check it: `cargo xtask check ex20_subprocesses`

#![allow(unused_imports, unused_variables, unused_mut, dead_code)] // until your code uses what is given

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
    // TODO
    todo!()
}

fn main() -> io::Result<()> {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // TODO: run every child of `CHILDREN` at once, and wait until all have ended.
        say!("all ended");
        Ok(())
    }))
}
