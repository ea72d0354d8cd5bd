//! `cargo xtask` runs as two processes on Linux: the one cargo starts, which only supervises, and
//! a copy of itself, the *worker*, which does the work. The supervisor is a child subreaper: when
//! the worker ends, however it ends (even killed with SIGKILL, which no handler sees), whatever
//! the worker and its programs started and left behind comes to the supervisor, which ends it,
//! then exits as the worker did. Signals sent to the supervisor (Ctrl-C, `kill`) are passed on to
//! the worker, whose handler stops its programs (see `signals`).
//!
//! What the supervisor cannot do is outlive a SIGKILL of its own: then the worker dies with it
//! (`PR_SET_PDEATHSIG`), and so do the programs the worker runs, but not what they started.

use std::process::{Command, ExitCode};
use std::sync::atomic::{AtomicI32, Ordering};

/// Set in the worker's environment, so that it knows it is the worker.
const WORKER: &str = "XTASK_WORKER";

/// The worker's pid, for the signal handler; 0 until it runs.
static WORKER_PID: AtomicI32 = AtomicI32::new(0);

const FORWARDED: [libc::c_int; 4] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT];

/// In the process cargo started: runs the worker to its end, cleans up after it, and returns
/// its exit code (or dies of its signal). In the worker, or off Linux: `None`, go on.
pub fn supervise() -> Option<ExitCode> {
    if !cfg!(target_os = "linux") || std::env::var_os(WORKER).is_some() {
        return None;
    }
    let exe = std::env::current_exe().ok()?;
    crate::orphans::become_subreaper();
    let mut worker = Command::new(exe);
    worker.args(std::env::args_os().skip(1)).env(WORKER, "1");
    #[cfg(target_os = "linux")]
    // SAFETY: between fork and exec, one async-signal-safe call.
    unsafe {
        use std::os::unix::process::CommandExt;
        worker.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            Ok(())
        });
    }
    let mut child = match worker.spawn() {
        Ok(child) => child,
        // Nothing was started: do the work in this process instead.
        Err(_) => return None,
    };
    WORKER_PID.store(child.id() as i32, Ordering::SeqCst);
    forward_signals();
    let status = loop {
        match child.wait() {
            Ok(status) => break status,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return Some(ExitCode::FAILURE),
        }
    };
    end_descendants();
    use std::os::unix::process::ExitStatusExt;
    if let Some(signal) = status.signal() {
        // SAFETY: signal(2) and raise(3) with a valid signal number.
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }
    Some(ExitCode::from(
        status.code().unwrap_or(1).clamp(0, 255) as u8
    ))
}

fn forward_signals() {
    for signal in FORWARDED {
        // SAFETY: the handler only makes an async-signal-safe call (kill).
        unsafe {
            let mut old: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(signal, std::ptr::null(), &mut old) != 0
                || old.sa_sigaction == libc::SIG_IGN
            {
                continue;
            }
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = forward as extern "C" fn(libc::c_int) as usize;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(signal, &action, std::ptr::null_mut());
        }
    }
}

extern "C" fn forward(signal: libc::c_int) {
    let pid = WORKER_PID.load(Ordering::SeqCst);
    if pid > 0 {
        // SAFETY: kill(2) is async-signal-safe.
        unsafe {
            libc::kill(pid, signal);
        }
    }
}

/// Kills and reaps every process left below this one: all of them came from the worker, the
/// only process it started.
fn end_descendants() {
    let me = std::process::id() as i32;
    for _ in 0..100 {
        let left = crate::orphans::children_of(me);
        if left.is_empty() {
            return;
        }
        for process in left {
            // SAFETY: kill(2) and waitpid(2) on children of this process.
            unsafe {
                if process.group == process.pid {
                    libc::kill(-process.group, libc::SIGKILL);
                }
                libc::kill(process.pid, libc::SIGKILL);
                libc::waitpid(process.pid, std::ptr::null_mut(), 0);
            }
        }
    }
}
