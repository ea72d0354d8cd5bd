//! Every process a checked program starts ends with its check, even one that left the program's
//! process group (`setsid`, `setpgid`), which the kill of that group cannot reach.
//!
//! On Linux the harness, and every program it runs, is a *child subreaper*
//! (`PR_SET_CHILD_SUBREAPER`): a process whose parent dies is handed to its nearest subreaper
//! ancestor instead of to `init`. So while a program runs, everything it started stays below it;
//! once it has exited, what is left comes to the harness, which ends it (see [`end_adopted`]).
//! The harness itself never starts a process in another session, and starts the programs it runs
//! in process groups it lists (`signals::Group`), holding [`SPAWNING`] for reading from the start
//! of a program until its group is listed: so a child of the harness in another session, or in an
//! unlisted group of its own, can only be one that it adopted.
//!
//! The look for adopted processes reads every `/proc/PID/stat`, a few milliseconds: rather than
//! after each of a pass's hundreds of runs, a thread looks every [`LOOK_EVERY`] while runs are
//! under way ([`Running`]), and once more when the last has ended. So an adopted process lives
//! at most about that long, and the pipes it held open close then.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Once, RwLock};
use std::time::{Duration, Instant};

use crate::signals;

/// Held for reading while a program is started and its process group listed (starts run side by
/// side), and for writing while adopted processes are looked for: a program just started is
/// never taken for an adopted one.
pub static SPAWNING: RwLock<()> = RwLock::new(());

/// How often adopted processes are looked for while runs are under way.
pub const LOOK_EVERY: Duration = Duration::from_millis(100);

/// Runs under way.
static RUNNING: AtomicUsize = AtomicUsize::new(0);

/// One run under way, counted while this value lives; the first starts the thread that ends
/// adopted processes.
pub struct Running(());

impl Running {
    pub fn start() -> Running {
        static LOOKER: Once = Once::new();
        LOOKER.call_once(|| {
            if cfg!(target_os = "linux") {
                std::thread::spawn(look_for_adopted);
            }
        });
        RUNNING.fetch_add(1, Ordering::SeqCst);
        Running(())
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The thread that ends adopted processes: every [`LOOK_EVERY`] while runs are under way, and
/// once more after the last one.
fn look_for_adopted() {
    let mut looked_since_the_last = true;
    loop {
        std::thread::sleep(LOOK_EVERY);
        if RUNNING.load(Ordering::SeqCst) > 0 {
            end_adopted();
            looked_since_the_last = false;
        } else if !looked_since_the_last {
            end_adopted();
            looked_since_the_last = true;
        }
    }
}

/// Makes this process a child subreaper, once (Linux only; elsewhere, nothing).
pub fn become_subreaper() {
    #[cfg(target_os = "linux")]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        // SAFETY: prctl with integer arguments only.
        ONCE.call_once(|| unsafe {
            libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
        });
    }
}

/// One process, as `/proc/PID/stat` describes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Process {
    pub pid: i32,
    pub parent: i32,
    pub group: i32,
    pub session: i32,
    pub zombie: bool,
}

/// Reads `/proc/PID/stat`: `pid (comm) state ppid pgrp session ...`. The command name may hold
/// spaces and parentheses, so the fields are read after its last `)`.
pub fn parse_stat(stat: &str) -> Option<Process> {
    let (pid, rest) = stat.split_once(' ')?;
    let rest = &rest[rest.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace();
    let state = fields.next()?;
    let mut number = || fields.next()?.parse::<i32>().ok();
    Some(Process {
        pid: pid.parse().ok()?,
        parent: number()?,
        group: number()?,
        session: number()?,
        zombie: state == "Z",
    })
}

/// The children of process `parent` (Linux: from `/proc`; elsewhere none).
pub fn children_of(parent: i32) -> Vec<Process> {
    processes().filter(|p| p.parent == parent).collect()
}

/// Whether a process of group `group` other than `leader` is alive (a zombie is not: it has
/// ended, and only waits to be reaped). Linux: from `/proc`; elsewhere, whether the group has
/// any process but its leader cannot be told, and the answer is whether it has any at all.
pub fn others_alive_in_group(group: i32, leader: i32) -> bool {
    if std::fs::metadata("/proc/self/stat").is_err() {
        // SAFETY: kill(2) with signal 0 only asks whether the group has a process.
        return unsafe { libc::kill(-group, 0) == 0 };
    }
    processes().any(|p| p.group == group && p.pid != leader && !p.zombie)
}

/// Every process `/proc` lists (none without `/proc`).
fn processes() -> impl Iterator<Item = Process> {
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        .filter_map(|e| std::fs::read_to_string(e.path().join("stat")).ok())
        .filter_map(|stat| parse_stat(&stat))
}

/// Whether a child of the harness was adopted: it is in another session than the harness, or
/// leads a process group that is neither the harness's nor one of the programs' under way.
pub fn adopted(child: &Process, me: &Process) -> bool {
    child.session != me.session || (child.group != me.group && !signals::is_listed(child.group))
}

/// Kills and reaps every process the harness adopted: what finished programs left running
/// outside their process group. Returns how many there were. A killed process may hand on
/// children of its own, which come to the harness in turn: so it looks again, until there are
/// none (or a second has passed). The look itself takes no lock, so that programs start
/// meanwhile; only the few it finds are looked at again under [`SPAWNING`], where a program
/// that was being started is listed by then.
pub fn end_adopted() -> usize {
    if !cfg!(target_os = "linux") {
        return 0;
    }
    let pid = std::process::id() as i32;
    let Some(me) = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| parse_stat(&s))
    else {
        return 0;
    };
    let mut ended = 0;
    let until = Instant::now() + Duration::from_secs(1);
    loop {
        let candidates: Vec<Process> = children_of(pid)
            .into_iter()
            .filter(|c| adopted(c, &me))
            .collect();
        if candidates.is_empty() || Instant::now() > until {
            return ended;
        }
        let spawning = SPAWNING.write().unwrap_or_else(|e| e.into_inner());
        for candidate in candidates {
            let path = format!("/proc/{}/stat", candidate.pid);
            let Some(process) = std::fs::read_to_string(path)
                .ok()
                .and_then(|s| parse_stat(&s))
                .filter(|p| p.parent == pid && adopted(p, &me))
            else {
                continue;
            };
            // SAFETY: kill(2) and waitpid(2) on a child of this process; no memory is shared.
            unsafe {
                if !process.zombie {
                    if process.group == process.pid {
                        libc::kill(-process.group, libc::SIGKILL);
                    }
                    libc::kill(process.pid, libc::SIGKILL);
                    ended += 1;
                }
                libc::waitpid(process.pid, std::ptr::null_mut(), libc::WNOHANG);
            }
        }
        drop(spawning);
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stat_line_is_read_past_a_command_name_with_spaces_and_parentheses() {
        let stat = "4242 (a (b) c) S 17 4242 4242 0 -1 4194560 0 0";
        assert_eq!(
            parse_stat(stat),
            Some(Process {
                pid: 4242,
                parent: 17,
                group: 4242,
                session: 4242,
                zombie: false,
            })
        );
        assert!(parse_stat("4242 (x) Z 1 2 3").unwrap().zombie);
        assert_eq!(parse_stat("garbage"), None);
    }

    #[test]
    fn only_a_child_outside_the_harnesss_session_or_listed_groups_counts_as_adopted() {
        let me = Process {
            pid: 10,
            parent: 1,
            group: 10,
            session: 5,
            zombie: false,
        };
        let child = |group, session| Process {
            pid: 20,
            parent: 10,
            group,
            session,
            zombie: false,
        };
        assert!(
            !adopted(&child(10, 5), &me),
            "started by the harness, in its group"
        );
        assert!(adopted(&child(20, 20), &me), "a setsid escapee");
        assert!(
            adopted(&child(20, 5), &me),
            "a setpgid escapee, in no listed group"
        );
    }
}
