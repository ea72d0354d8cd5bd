//! Nothing the harness started outlives it: the process groups of the programs under way are
//! kept in a table, and on Ctrl-C (SIGINT), SIGTERM, SIGHUP or SIGQUIT a signal handler kills
//! every one of them, then lets the signal end the harness as it would have.
//!
//! The programs run in process groups of their own (so that a time limit can kill everything a
//! program started), which also means that the terminal's Ctrl-C does not reach them: this
//! module is what passes it on.

use std::sync::Once;
use std::sync::atomic::{AtomicI32, Ordering};

/// Process groups under way; 0 marks a free slot. A fixed table of atomics, because the signal
/// handler may only read memory, not take locks or allocate.
static GROUPS: [AtomicI32; 512] = [const { AtomicI32::new(0) }; 512];

const SIGNALS: [libc::c_int; 4] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT];

/// A running program's process group, listed in the table while this value lives. Dropping it
/// kills the group (a guard: an early return or a panic leaves nothing running).
pub struct Group {
    pgid: i32,
    slot: Option<usize>,
}

impl Group {
    /// Lists the group led by `pid` (a child started with `process_group(0)`).
    pub fn new(pid: u32) -> Group {
        let pgid = pid as i32;
        let slot = GROUPS.iter().position(|slot| {
            slot.compare_exchange(0, pgid, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
        });
        Group { pgid, slot }
    }

    /// Kills every process left in the group.
    pub fn kill(&self) {
        // SAFETY: kill(2) with a negative pid signals a process group; it touches no memory.
        unsafe { libc::kill(-self.pgid, libc::SIGKILL) };
    }

    /// Whether a process other than the group's leader (the program) is alive in it: one the
    /// program started. A zombie does not count: it has ended, though no one has reaped it yet
    /// (kill(2) would still find it).
    pub fn others_alive(&self) -> bool {
        // SAFETY: signal 0 only asks whether the group has a process; most groups have none
        // left by now, and then `/proc` need not be read.
        let any = unsafe { libc::kill(-self.pgid, 0) == 0 };
        any && crate::orphans::others_alive_in_group(self.pgid, self.pgid)
    }
}

/// Whether `pgid` is the process group of a program under way.
pub fn is_listed(pgid: i32) -> bool {
    pgid != 0
        && GROUPS
            .iter()
            .any(|slot| slot.load(Ordering::SeqCst) == pgid)
}

impl Drop for Group {
    fn drop(&mut self) {
        self.kill();
        if let Some(slot) = self.slot {
            GROUPS[slot].store(0, Ordering::SeqCst);
        }
    }
}

/// Installs the handler, once. Signals that were ignored when the harness started (`nohup`)
/// stay ignored.
pub fn kill_children_on_signals() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        for signal in SIGNALS {
            // SAFETY: `sigaction` is given valid pointers to structs that live for the call; the
            // handler only makes async-signal-safe calls (see `on_signal`).
            unsafe {
                let mut old: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(signal, std::ptr::null(), &mut old) != 0
                    || old.sa_sigaction == libc::SIG_IGN
                {
                    continue;
                }
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as usize;
                libc::sigemptyset(&mut action.sa_mask);
                libc::sigaction(signal, &action, std::ptr::null_mut());
            }
        }
    });
}

/// Kills every listed group, says so, then dies of the same signal (so that the shell sees a
/// Ctrl-C as a Ctrl-C). Only async-signal-safe calls: kill, write, signal, raise.
extern "C" fn on_signal(signal: libc::c_int) {
    let mut killed = false;
    for slot in &GROUPS {
        let pgid = slot.load(Ordering::SeqCst);
        if pgid != 0 {
            // SAFETY: see `Group::kill`.
            killed |= unsafe { libc::kill(-pgid, libc::SIGKILL) } == 0;
        }
    }
    let message: &[u8] = if killed {
        b"\ninterrupted: the programs under check were stopped\n"
    } else {
        b"\ninterrupted\n"
    };
    // SAFETY: write(2), signal(2) and raise(3) are async-signal-safe; the buffer is static.
    unsafe {
        libc::write(2, message.as_ptr().cast(), message.len());
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}
