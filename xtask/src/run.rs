//! Runs one program with limits, and captures what it printed and what it cost.
//!
//! Every run is bounded, whatever the program does:
//! - it runs in its own process group, and when the run ends, for any reason, the whole group is
//!   killed: a child it started and left behind (holding its output open, or not) goes too; so
//!   does one that left the group (`setsid`), which comes to the harness once the program has
//!   exited (see `orphans`);
//! - at its time limit it is killed, and the run ends even if something outside the group still
//!   holds its output open;
//! - its output is capped ([`Limits`]): a program that prints too much is stopped, and what it
//!   printed first is kept;
//! - on Ctrl-C (and SIGTERM, SIGHUP, SIGQUIT) every program under way is killed before the
//!   harness exits (see `signals`), and on Linux a program is killed if the harness dies anyway
//!   (`PR_SET_PDEATHSIG`).
//!
//! Its CPU time (user + system, its children included) is read from `wait4`, next to its wall
//! time, so that a program that should sleep but spins can be told apart. On a loaded machine a
//! spinning program gets only a share of a core, so on Linux the run also reads, for each of its
//! threads, how long it was *runnable* (running, or ready and waiting for a core) and how often
//! it gave its CPU up by itself or was made to (`/proc/PID/task/TID/schedstat` and `status`).
//! They are read every [`SAMPLE`] while the program runs, and once more when it has exited but
//! is not yet reaped. A thread that spins is runnable for all of the run, however little CPU it
//! gets, and only ever leaves its CPU when it is made to (see [`Thread::spins`]).

use std::collections::HashMap;
use std::io::{self, Read};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::{orphans, signals};

/// The bounds of one run.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Wall time, from start to the end of the run.
    pub time: Duration,
    /// Bytes of output kept from each of stdout and stderr.
    pub bytes: usize,
    /// Lines of output kept from each of stdout and stderr.
    pub lines: usize,
}

impl Limits {
    /// The default output caps (a megabyte, ten thousand lines: a hundred times any example's
    /// output) with a time limit.
    pub fn time(time: Duration) -> Limits {
        Limits {
            time,
            bytes: 1 << 20,
            lines: 10_000,
        }
    }
}

/// How a run ended.
#[derive(Debug)]
pub enum End {
    /// The program exited by itself.
    Exited(ExitStatus),
    /// It was killed at its time limit.
    TimedOut,
    /// It was killed because it printed more than the caps allow, on this stream.
    TooMuchOutput(Stream),
}

/// One of a program's two output streams.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// What a finished (or stopped) run left behind.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub end: End,
    pub elapsed: Duration,
    /// User + system CPU time of the program and the children it waited for.
    pub cpu: Duration,
    /// What the scheduler counted for each of its threads (Linux only; not its children).
    pub threads: Vec<Thread>,
    /// It exited, but processes it had started were still running (they were killed).
    pub left_running: bool,
    /// Its output was still open [`DRAIN`] after it ended (something outside its reach held it).
    pub output_held_open: bool,
    /// For each line it printed, how long its threads had waited for a CPU, in all: at the
    /// harness's read before the one that got the line (so before the line was printed), and at
    /// the read that got it (so after). Linux only; empty elsewhere. Between the first figure of
    /// one line and the second of a later one lies at least what the machine's load cost the
    /// program between printing the two.
    pub line_waits: Vec<(Duration, Duration)>,
}

impl Run {
    pub fn timed_out(&self) -> bool {
        matches!(self.end, End::TimedOut)
    }

    /// The exit status, for a program that exited by itself.
    pub fn status(&self) -> Option<ExitStatus> {
        match self.end {
            End::Exited(status) => Some(status),
            _ => None,
        }
    }

    /// How long its threads waited for a CPU, in all: time they were ready to run and the
    /// machine ran something else. On an idle machine, close to nothing. (Linux only; threads
    /// that lived and ended between two reads are not counted.)
    pub fn waited(&self) -> Duration {
        self.threads.iter().map(Thread::waited).sum()
    }
}

enum Event {
    Exited(ExitStatus, Duration),
    /// A pipe went over its cap.
    Full(Stream),
}

/// How long to wait, once a program has ended and everything it started has been killed, for its
/// output to be read to the end. Nothing is left to hold the pipes open by then, so they close at
/// once; the wait is for the threads that read them, which a busy machine may not run for a
/// while. (Half a second was too little: on a loaded machine a correct program was reported as
/// having printed nothing, though it had printed every line.)
pub const DRAIN: Duration = Duration::from_secs(10);

/// How often the scheduler's counts of a running program's threads are read: a thread that
/// lives and ends between two reads is missed, which costs little, since a program that spins
/// does so on a thread that lives long (in these programs, the main thread, read at the end).
const SAMPLE: Duration = Duration::from_millis(100);

/// Runs `command` to completion, or until a limit stops it.
pub fn run(mut command: Command, limits: Limits) -> io::Result<Run> {
    signals::kill_children_on_signals();
    orphans::become_subreaper();
    let _running = orphans::Running::start();
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    isolate(&mut command);
    let (mut child, group) = {
        // Listed before anyone looks for adopted processes, which it is not.
        let _spawning = orphans::SPAWNING.read().unwrap_or_else(|e| e.into_inner());
        let child = command.spawn()?;
        let group = signals::Group::new(child.id());
        (child, group)
    };
    // From here: `spawn` returns once the program has started (its `exec` succeeded).
    let start = Instant::now();
    let (events, received) = mpsc::channel();
    let pid = child.id();
    let runnable = Arc::new(Runnable::default());
    let watched = Some((pid, Arc::clone(&runnable)));
    let stdout = Capture::start(
        child.stdout.take(),
        Stream::Stdout,
        watched,
        events.clone(),
        limits,
    );
    let stderr = Capture::start(
        child.stderr.take(),
        Stream::Stderr,
        None,
        events.clone(),
        limits,
    );
    let counted = Arc::clone(&runnable);
    thread::spawn(move || {
        if let Some((status, cpu)) = wait_for(pid, &counted) {
            let _ = events.send(Event::Exited(status, cpu));
        }
    });

    let deadline = start + limits.time;
    let mut stopped: Option<End> = None;
    let mut left_at_stop = false;
    let (status, cpu) = loop {
        // Once it has been killed, it exits at once (a few seconds allow for a swapping machine).
        let wait_until = match stopped {
            None => deadline.min(Instant::now() + SAMPLE),
            Some(_) => Instant::now().max(deadline) + Duration::from_secs(5),
        };
        match received.recv_timeout(wait_until.saturating_duration_since(Instant::now())) {
            Ok(Event::Exited(status, cpu)) => break (status, cpu),
            Err(RecvTimeoutError::Timeout) if stopped.is_none() && Instant::now() < deadline => {
                runnable.count(pid);
            }
            Ok(Event::Full(stream)) => {
                left_at_stop |= group.others_alive();
                group.kill();
                stopped.get_or_insert(End::TooMuchOutput(stream));
            }
            Err(RecvTimeoutError::Timeout) if stopped.is_none() => {
                // Looked at before the kill: once killed, what it started is gone too.
                left_at_stop = group.others_alive();
                group.kill();
                stopped = Some(End::TimedOut);
            }
            Err(_) => {
                return Err(io::Error::other(format!(
                    "process {pid} did not exit after SIGKILL"
                )));
            }
        }
    };
    let elapsed = start.elapsed();
    // Whatever it started and left behind goes now, so that its pipes close: what is in its
    // group; what left the group comes to the harness, which ends it soon (see `orphans`).
    let left_running = left_at_stop || group.others_alive();
    group.kill();
    let drain_until = Instant::now() + DRAIN;
    let line_waits = Arc::clone(&stdout.line_waits);
    let (stdout, stdout_closed) = stdout.take(drain_until);
    // Read once the pipe has been read to its end (or given up on).
    let line_waits = line_waits.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let (stderr, stderr_closed) = stderr.take(drain_until);
    Ok(Run {
        stdout,
        stderr,
        end: stopped.unwrap_or(End::Exited(status)),
        elapsed,
        cpu,
        threads: runnable.threads(),
        left_running,
        output_held_open: !(stdout_closed && stderr_closed),
        line_waits,
    })
}

/// What the scheduler counted for one thread of a program.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Thread {
    /// Time on a CPU.
    pub cpu: Duration,
    /// Time on a CPU plus time waiting on a run queue.
    pub runnable: Duration,
    /// How often it gave its CPU up by itself: it waited for something (a sleep, a lock, I/O).
    pub voluntary: u64,
    /// How often it was made to give its CPU up while it still wanted to run.
    pub involuntary: u64,
}

/// The CPU time a thread must have used to be said to spin: one that got less cannot be told
/// from one that waited for a core, on a loaded machine, to do a few milliseconds of work.
pub const SPIN_CPU: Duration = Duration::from_millis(20);

impl Thread {
    /// How long it was ready to run and waited for a CPU.
    pub fn waited(&self) -> Duration {
        self.runnable.saturating_sub(self.cpu)
    }

    /// It ran (for [`SPIN_CPU`] at least), and was taken off its CPU more often than it gave it
    /// up: it wanted to run, not to wait. A thread that sleeps gives its CPU up at every wait,
    /// however long it then waits for a core on a loaded machine.
    pub fn spins(&self) -> bool {
        self.cpu >= SPIN_CPU && self.involuntary > self.voluntary
    }
}

/// The scheduler's counts for each thread of a program, from the last read of each.
#[derive(Default)]
struct Runnable(Mutex<HashMap<String, Thread>>);

impl Runnable {
    /// Reads the scheduler's counts of every thread of process `pid` (nothing off Linux, or once
    /// the process is gone). They only grow, so the last read of a thread is the one kept.
    fn count(&self, pid: u32) {
        let Ok(threads) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
            return;
        };
        let mut seen = self.0.lock().unwrap_or_else(|e| e.into_inner());
        for thread in threads.flatten() {
            let read = |file: &str| std::fs::read_to_string(thread.path().join(file));
            let (Ok(schedstat), Ok(status)) = (read("schedstat"), read("status")) else {
                continue;
            };
            // "ns on a CPU" "ns waiting on a run queue" "time slices"
            let mut fields = schedstat
                .split_whitespace()
                .map(|f| f.parse::<u64>().unwrap_or(0));
            let (on_cpu, waiting) = (fields.next().unwrap_or(0), fields.next().unwrap_or(0));
            let switches = |name: &str| {
                status
                    .lines()
                    .find_map(|line| line.strip_prefix(name)?.trim().parse().ok())
                    .unwrap_or(0)
            };
            let tid = thread.file_name().to_string_lossy().into_owned();
            seen.insert(
                tid,
                Thread {
                    cpu: Duration::from_nanos(on_cpu),
                    runnable: Duration::from_nanos(on_cpu + waiting),
                    voluntary: switches("voluntary_ctxt_switches:"),
                    involuntary: switches("nonvoluntary_ctxt_switches:"),
                },
            );
        }
    }

    /// Each thread seen.
    fn threads(&self) -> Vec<Thread> {
        let seen = self.0.lock().unwrap_or_else(|e| e.into_inner());
        seen.values().copied().collect()
    }

    /// How long the threads seen so far waited for a CPU, in all.
    fn waited(&self) -> Duration {
        self.threads().iter().map(Thread::waited).sum()
    }
}

/// Puts the program in its own process group, so that one kill reaches everything it starts;
/// on Linux, has the kernel kill it if the harness dies first, and makes it a child subreaper
/// (kept across `exec`), so that what it starts stays below it while it runs (see `orphans`).
pub fn isolate(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    command.process_group(0);
    #[cfg(target_os = "linux")]
    // SAFETY: the closure runs in the child between fork and exec; it only makes system calls,
    // which are async-signal-safe, and touches no memory of the parent.
    unsafe {
        let parent = libc::getpid();
        command.pre_exec(move || {
            libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            // The parent may have died before the line above: then nobody would kill us.
            if libc::getppid() != parent {
                libc::_exit(1);
            }
            Ok(())
        });
    }
}

/// Runs the program at a lower CPU priority (nice 10): for a program declared to compute (a
/// benchmark), so that it does not make the programs that sleep, and are timed, wake up late.
/// Not the lowest (19): next to other busy processes of normal priority, a program at 19 gets
/// about 1.5% of a core, and a benchmark would take minutes; at 10 it gets about a tenth.
pub fn lower_priority(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: the closure runs in the child between fork and exec, and makes one
    // async-signal-safe system call.
    unsafe {
        command.pre_exec(|| {
            libc::setpriority(libc::PRIO_PROCESS, 0, 10);
            Ok(())
        });
    }
}

/// Waits for process `pid` to exit, counts its threads' runnable time one last time, and returns
/// its status and CPU time.
fn wait_for(pid: u32, runnable: &Runnable) -> Option<(ExitStatus, Duration)> {
    use std::os::unix::process::ExitStatusExt;
    #[cfg(not(target_os = "linux"))]
    let _ = runnable;
    #[cfg(target_os = "linux")]
    {
        // Waits for the exit without reaping: the process stays, a zombie, for one last read
        // of its main thread's counts.
        // SAFETY: an all-zero `siginfo_t` is a valid value; `waitid` writes only into it.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        let flags = libc::WEXITED | libc::WNOWAIT;
        while unsafe { libc::waitid(libc::P_PID, pid, &mut info, flags) } != 0 {
            if io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
                break;
            }
        }
        runnable.count(pid);
    }
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value, and `wait4` writes only into the two
    // pointers it is given, which live for the whole call.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        let done = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
        if done == pid as libc::pid_t {
            break;
        }
        if io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
            return None;
        }
    }
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    let cpu = time(usage.ru_utime) + time(usage.ru_stime);
    Some((ExitStatus::from_raw(status), cpu))
}

/// One output pipe, read on its own thread into a buffer, up to the caps.
struct Capture {
    buffer: Arc<Mutex<Vec<u8>>>,
    closed: mpsc::Receiver<()>,
    /// For each complete line read, the program's time spent waiting for a CPU by the read
    /// before, and by the read that got it.
    line_waits: Arc<Mutex<Vec<(Duration, Duration)>>>,
}

impl Capture {
    /// Reads `pipe`; with `watched` (a program's pid, and its threads' counts), notes for each
    /// line how long the program had waited for a CPU when the line was read.
    fn start(
        pipe: Option<impl Read + Send + 'static>,
        stream: Stream,
        watched: Option<(u32, Arc<Runnable>)>,
        events: Sender<Event>,
        limits: Limits,
    ) -> Capture {
        let buffer = Arc::new(Mutex::new(Vec::new()));
        let (closed_tx, closed) = mpsc::channel();
        let kept = Arc::clone(&buffer);
        let line_waits = Arc::new(Mutex::new(Vec::new()));
        let waits = Arc::clone(&line_waits);
        thread::spawn(move || {
            if let Some(mut pipe) = pipe {
                let mut chunk = [0u8; 64 * 1024];
                let mut lines = 0;
                let mut waited_before = Duration::ZERO;
                loop {
                    let n = match pipe.read(&mut chunk) {
                        Ok(0) => break,
                        Ok(n) => n,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        Err(_) => break,
                    };
                    let mut kept = kept.lock().unwrap_or_else(|e| e.into_inner());
                    // Keep whole lines up to the caps, and stop at the first line over them.
                    let mut take = 0;
                    for &b in &chunk[..n] {
                        if kept.len() + take >= limits.bytes || lines >= limits.lines {
                            break;
                        }
                        take += 1;
                        lines += usize::from(b == b'\n');
                    }
                    kept.extend_from_slice(&chunk[..take]);
                    if let Some((pid, runnable)) = &watched {
                        runnable.count(*pid);
                        let waited = runnable.waited();
                        let new_lines = chunk[..take].iter().filter(|&&b| b == b'\n').count();
                        let mut waits = waits.lock().unwrap_or_else(|e| e.into_inner());
                        waits.extend(std::iter::repeat_n((waited_before, waited), new_lines));
                        waited_before = waited;
                    }
                    if take < n {
                        let _ = events.send(Event::Full(stream));
                        break;
                    }
                }
            }
            let _ = closed_tx.send(());
        });
        Capture {
            buffer,
            closed,
            line_waits,
        }
    }

    /// What was read, once the pipe has been read to its end, or `until` has passed; and
    /// whether it was read to its end.
    fn take(self, until: Instant) -> (String, bool) {
        let closed = self
            .closed
            .recv_timeout(until.saturating_duration_since(Instant::now()))
            .is_ok();
        let bytes = std::mem::take(&mut *self.buffer.lock().unwrap_or_else(|e| e.into_inner()));
        (String::from_utf8_lossy(&bytes).into_owned(), closed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str) -> Command {
        let mut command = Command::new("sh");
        command.args(["-c", script]);
        command
    }

    fn alive(pid: &str) -> bool {
        let pid: i32 = pid.trim().parse().expect("a pid");
        // A zombie has no `exe`; a live process does.
        std::fs::read_link(format!("/proc/{pid}/exe")).is_ok()
    }

    #[test]
    fn captures_both_streams_and_the_status() {
        let run = run(
            sh("echo out; echo err >&2; exit 3"),
            Limits::time(Duration::from_secs(10)),
        )
        .unwrap();
        assert_eq!(run.stdout, "out\n");
        assert_eq!(run.stderr, "err\n");
        assert_eq!(run.status().unwrap().code(), Some(3));
    }

    #[test]
    fn a_hung_program_is_killed_at_its_limit() {
        // The child of `sh` holds the pipes too: the group kill must reach it as well.
        let run = run(
            sh("echo started; sleep 30; echo never"),
            Limits::time(Duration::from_millis(300)),
        )
        .unwrap();
        assert!(run.timed_out());
        assert_eq!(run.stdout, "started\n");
        assert!(
            run.elapsed < Duration::from_secs(5),
            "took {:?}",
            run.elapsed
        );
    }

    #[test]
    fn a_thread_spins_if_it_ran_and_was_mostly_taken_off_its_cpu() {
        let ms = Duration::from_millis;
        let thread = |cpu, voluntary, involuntary| Thread {
            cpu: ms(cpu),
            runnable: ms(1000),
            voluntary,
            involuntary,
        };
        assert!(
            thread(40, 3, 13).spins(),
            "a busy loop that got a little CPU"
        );
        assert!(
            !thread(3, 2, 6).spins(),
            "waited for a core, and hardly ran"
        );
        assert!(
            !thread(40, 30, 13).spins(),
            "gave its core up at every wait"
        );
    }

    #[test]
    fn cpu_time_is_measured() {
        // A fixed amount of work, not a fixed time: on a loaded machine a loop that spins for a
        // while gets little CPU, but this one needs its CPU time however long it waits for it.
        let spin = run(
            sh("i=0; while [ $i -lt 100000 ]; do i=$((i + 1)); done"),
            Limits::time(Duration::from_secs(60)),
        )
        .unwrap();
        assert!(spin.cpu > Duration::from_millis(50), "{:?}", spin.cpu);
        let sleep = run(sh("sleep 0.3"), Limits::time(Duration::from_secs(10))).unwrap();
        assert!(sleep.cpu < Duration::from_millis(50), "{:?}", sleep.cpu);
        if cfg!(target_os = "linux") {
            // Runnable time includes the time on a CPU (the two clocks differ a little).
            let spun: Duration = spin.threads.iter().map(|t| t.runnable).sum();
            assert!(spun >= spin.cpu.mul_f64(0.9), "{spun:?} < {:?}", spin.cpu);
            let slept: Duration = sleep.threads.iter().map(|t| t.runnable).sum();
            assert!(slept < Duration::from_millis(100), "{slept:?}");
        }
    }

    #[test]
    fn endless_output_is_capped_and_stopped() {
        let limits = Limits {
            time: Duration::from_secs(30),
            bytes: 1 << 20,
            lines: 1000,
        };
        let start = Instant::now();
        let run = run(sh("yes 'over and over'"), limits).unwrap();
        assert!(
            matches!(run.end, End::TooMuchOutput(Stream::Stdout)),
            "{:?}",
            run.end
        );
        assert_eq!(run.stdout.lines().count(), 1000);
        assert!(run.stdout.starts_with("over and over\n"));
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{:?}",
            start.elapsed()
        );
    }

    #[test]
    fn a_child_holding_the_output_does_not_stall_the_run_and_is_killed() {
        // `sleep` inherits stdout and outlives `sh`: the run must end with `sh`, and take it down.
        let start = Instant::now();
        let run = run(
            sh("sleep 300 & echo $!"),
            Limits::time(Duration::from_secs(60)),
        )
        .unwrap();
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{:?}",
            start.elapsed()
        );
        assert!(run.left_running);
        let pid = run.stdout.trim().to_string();
        thread::sleep(Duration::from_millis(100));
        assert!(!alive(&pid), "sleep 300 ({pid}) is still running");
    }

    #[test]
    fn a_child_with_its_output_closed_is_killed_too() {
        let run = run(
            sh("sleep 300 >/dev/null 2>&1 & echo $!"),
            Limits::time(Duration::from_secs(60)),
        )
        .unwrap();
        let pid = run.stdout.trim().to_string();
        thread::sleep(Duration::from_millis(100));
        assert!(!alive(&pid), "sleep 300 ({pid}) is still running");
    }

    #[test]
    fn the_time_limit_holds_when_an_escaped_process_keeps_the_pipe_open() {
        // `setsid` moves the child out of the group: the group kill cannot reach it, and it keeps
        // stdout open. The run must still end near its limit.
        let start = Instant::now();
        let run = run(
            sh("setsid sleep 3 & sleep 30"),
            Limits::time(Duration::from_millis(300)),
        )
        .unwrap();
        assert!(run.timed_out());
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "{:?}",
            start.elapsed()
        );
    }
}
