//! How far does it scale? N tasks that each sleep 1 s: smol, Tokio, OS threads and asyncio.
//!
//! `cargo run --release --example scale` measures N = 10k, 100k and 1M tasks on smol's and
//! Tokio's executors for one thread and for one thread per core, OS threads and asyncio (with
//! and without its cyclic garbage collector); what each piece of a task costs, and the floor:
//! one block that holds the task's header and its future; a channel's throughput; and how many
//! memory mappings an OS thread takes; and prints a table. `-- --small` measures N = 1k and 10k,
//! with 10k messages, side by side to be quick (what the harness runs: it checks that every row
//! is measured); `-- --record DIR` also writes the table and an SVG plot into DIR, for the book.
//! Each measurement runs in a child process of its own, so that its peak memory is its own.
//!
//! verify-args: --small
//! verify-limit: 60
//! verify-cpu: 120
//! verify-needs: python3

use std::alloc::Layout;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::future::Future;
use std::process::Command;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::task::Waker;
use std::thread;
use std::time::{Duration, Instant};

use smol::{Executor, LocalExecutor, Timer};
use workbook::plot::{Bar, Panel, bar_chart};

const SLEEP: Duration = Duration::from_secs(1);
/// The sizes of a full run.
const FULL: [usize; 3] = [10_000, 100_000, 1_000_000];
/// More OS threads than this are not even tried: each needs a thread id, a stack and a kernel
/// task, and the machine has to stay usable.
const MAX_THREADS: usize = 100_000;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["--child", kind, n] => child(kind, n.parse().expect("N must be a number")),
        ["--small"] => report(&[1_000, 10_000], 1_000, 10_000, true, None),
        ["--record", dir] => report(&FULL, MAX_THREADS, 1_000_000, false, Some(dir)),
        [] => report(&FULL, MAX_THREADS, 1_000_000, false, None),
        _ => eprintln!("usage: scale [--small | --record DIR]"),
    }
}

// ANCHOR: tasks
/// N tasks on one thread, each sleeping 1 s; returns when all are done.
fn smol_local(n: usize) {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let tasks: Vec<_> = (0..n)
            .map(|_| ex.spawn(async { Timer::after(SLEEP).await }))
            .collect();
        for task in tasks {
            task.await;
        }
    }));
}

/// N OS threads, each sleeping 1 s. Stops at the first thread the system refuses.
fn os_threads(n: usize) -> Result<(), String> {
    let mut threads = Vec::with_capacity(n);
    for started in 0..n {
        match thread::Builder::new().spawn(|| thread::sleep(SLEEP)) {
            Ok(thread) => threads.push(thread),
            Err(e) => {
                threads.into_iter().for_each(|t| t.join().unwrap());
                return Err(format!("stopped at {started} threads: {e}"));
            }
        }
    }
    threads.into_iter().for_each(|t| t.join().unwrap());
    Ok(())
}
// ANCHOR_END: tasks

// ANCHOR: multi
/// The same tasks on smol's `Executor`, run by one thread per core (this one
/// among them).
fn smol_multi(n: usize) {
    let ex = Executor::new();
    let (stop, stopped) = async_channel::bounded::<()>(1);
    thread::scope(|scope| {
        for _ in 1..cores() {
            scope.spawn(|| smol::block_on(ex.run(stopped.recv())));
        }
        smol::block_on(ex.run(async {
            let tasks: Vec<_> = (0..n)
                .map(|_| ex.spawn(async { Timer::after(SLEEP).await }))
                .collect();
            for task in tasks {
                task.await;
            }
        }));
        drop(stop); // closes the channel: the other threads' `run` returns
    });
}
// ANCHOR_END: multi

// ANCHOR: tokio
/// The same tasks on Tokio's runtime for one thread.
fn tokio_current(n: usize) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("cannot start Tokio");
    runtime.block_on(tokio_tasks(n));
}

/// And on its runtime for several threads, with one worker thread per core.
fn tokio_multi(n: usize) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cores())
        .enable_time()
        .build()
        .expect("cannot start Tokio");
    runtime.block_on(tokio_tasks(n));
}

async fn tokio_tasks(n: usize) {
    let tasks: Vec<_> = (0..n)
        .map(|_| tokio::spawn(async { tokio::time::sleep(SLEEP).await }))
        .collect();
    for task in tasks {
        task.await.expect("a task panicked");
    }
}
// ANCHOR_END: tokio

// ANCHOR: one_timer
/// N tasks that all wait for one timer: the timer's task closes a channel when it fires, and
/// closing a channel wakes every task waiting on it. One timer instead of N.
fn smol_one_timer(n: usize) {
    let ex = LocalExecutor::new();
    let wake_at = Instant::now() + SLEEP; // the one deadline, set before any task is made
    smol::block_on(ex.run(async {
        let (alarm, bell) = async_channel::bounded::<()>(1);
        let tasks: Vec<_> = (0..n)
            .map(|_| {
                let bell = bell.clone();
                ex.spawn(async move { bell.recv().await.unwrap_err() })
            })
            .collect();
        Timer::at(wake_at).await;
        drop(alarm); // closes the channel: every `recv` returns
        for task in tasks {
            task.await;
        }
    }));
}
// ANCHOR_END: one_timer

/// Moments of a run, noted by `phases`: (which, seconds since the run started).
static MOMENTS: Mutex<Vec<(usize, f64)>> = Mutex::new(Vec::new());
/// When the run started, how many tasks it has, how many were polled and how many woke up.
static START: OnceLock<Instant> = OnceLock::new();
static TASKS: AtomicUsize = AtomicUsize::new(0);
static POLLED: AtomicUsize = AtomicUsize::new(0);
static WOKEN: AtomicUsize = AtomicUsize::new(0);

fn note(moment: usize) {
    let at = START.get().expect("started").elapsed().as_secs_f64();
    MOMENTS.lock().unwrap().push((moment, at));
}

/// A task of the rows that notes when the last one is first polled and when the first one
/// wakes up. It holds what theirs holds (the state kept in statics), so that it costs the same.
async fn observed<F: Future>(sleep: impl FnOnce() -> F) {
    if POLLED.fetch_add(1, Ordering::Relaxed) + 1 == TASKS.load(Ordering::Relaxed) {
        note(1);
    }
    sleep().await;
    if WOKEN.fetch_add(1, Ordering::Relaxed) == 0 {
        note(2);
    }
}

/// The tasks of `smol_local` or `tokio_current`, noting when all are spawned, when the last one
/// has been polled once, when the first one wakes up, and when all are done.
fn phases(tokio: bool, n: usize) {
    START.get_or_init(Instant::now);
    TASKS.store(n, Ordering::Relaxed);
    if tokio {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("cannot start Tokio");
        runtime.block_on(async {
            let tasks: Vec<_> = (0..n)
                .map(|_| tokio::spawn(observed(|| tokio::time::sleep(SLEEP))))
                .collect();
            note(0);
            for task in tasks {
                task.await.expect("a task panicked");
            }
        });
    } else {
        let ex = LocalExecutor::new();
        smol::block_on(ex.run(async {
            let tasks: Vec<_> = (0..n)
                .map(|_| ex.spawn(observed(|| Timer::after(SLEEP))))
                .collect();
            note(0);
            for task in tasks {
                task.await;
            }
        }));
    }
    note(3);
}

fn cores() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get())
}

/// How many memory mappings each OS thread adds to the process (its stack, the small stack Rust
/// sets up for its stack overflow handler, and their guard pages): counted in `/proc/self/maps`
/// with 1000 sleeping threads.
fn mappings_per_thread() -> f64 {
    let mappings =
        || std::fs::read_to_string("/proc/self/maps").map_or(0, |maps| maps.lines().count());
    let before = mappings();
    let threads: Vec<_> = (0..1000)
        .map(|_| thread::spawn(|| thread::sleep(Duration::from_millis(200))))
        .collect();
    let during = mappings();
    threads.into_iter().for_each(|t| t.join().unwrap());
    (during - before) as f64 / 1000.0
}

/// In a child process: runs one measurement and prints `seconds bytes` (or `error: ...`).
fn child(kind: &str, n: usize) {
    let before = peak_memory();
    let cpu_before = cpu_time();
    let start = Instant::now();
    let run = |f: fn(usize)| {
        f(n);
        Ok(())
    };
    let outcome = match kind {
        "smol-local" => run(smol_local),
        "smol-multi" => run(smol_multi),
        "tokio-current" => run(tokio_current),
        "tokio-multi" => run(tokio_multi),
        "smol-one-timer" => run(smol_one_timer),
        "threads" => os_threads(n),
        "channel-bounded" => run(|n| channel(n, Some(1024))),
        "channel-unbounded" => run(|n| channel(n, None)),
        "timer-entries" => run(timer_entries),
        "phases-smol-local" => run(|n| phases(false, n)),
        "phases-tokio-current" => run(|n| phases(true, n)),
        _ => match block_layout(kind) {
            Some(layout) => {
                blocks(layout, n);
                Ok(())
            }
            None => Err(format!("unknown measurement {kind}")),
        },
    };
    let took = start.elapsed().as_secs_f64();
    match outcome {
        Ok(()) => {
            let mut moments = MOMENTS.lock().unwrap().clone();
            moments.sort_by_key(|(which, _)| *which);
            let moments: String = moments.iter().map(|(_, at)| format!(" {at}")).collect();
            println!(
                "{took} {} {}{moments}",
                peak_memory().saturating_sub(before),
                cpu_time() - cpu_before,
            )
        }
        Err(e) => println!("error: {e}"),
    }
}

// ANCHOR: floor
/// The floor: `n` blocks of one layout, written and kept, and nothing else. A task cannot cost
/// less than one block that holds its header and its future.
fn blocks(layout: Layout, n: usize) {
    for _ in 0..n {
        // SAFETY: the layout's size is not zero, and the block is written before it is kept.
        let block = unsafe { std::alloc::alloc(layout) };
        assert!(!block.is_null(), "out of memory");
        unsafe { block.write_bytes(1, layout.size()) };
        std::hint::black_box(block); // kept, never freed: the process ends soon
    }
}
// ANCHOR_END: floor

/// What async-io's reactor keeps for each timer: an entry in a `BTreeMap` from its deadline and
/// id to its waker, filed in order, as the tasks' timers are.
fn timer_entries(n: usize) {
    let mut timers = BTreeMap::new();
    for id in 0..n {
        timers.insert((Instant::now(), id), Waker::noop().clone());
    }
    std::hint::black_box(&timers);
}

/// What each runtime's block holds besides the future, and its task header alone, in bytes
/// (`examples/task_allocation.rs` and `examples/task_allocation_tokio.rs` print them). smol's
/// block is its header, the schedule function (8) and the future as `spawn` wraps it (16 more);
/// Tokio's is its header, scheduler, id, stage and trailer, rounded up to 128 bytes.
const SMOL_HEADER: usize = 40;
const SMOL_BESIDES: usize = 40 + 8 + 16;
const TOKIO_HEADER: usize = 32;
const TOKIO_BESIDES: usize = 104;
const TOKIO_ALIGN: usize = 128;

/// The blocks measured, by name: each runtime's task block as `spawn` allocates it, Tokio's
/// as it would be if it were not aligned to 128, and each floor: the runtime's task header and
/// the task's future, in one block. The futures are those the rows spawn.
fn block_layouts() -> Vec<(&'static str, String, Layout)> {
    let smol = size_of_val(&async { Timer::after(SLEEP).await });
    let (_alarm, bell) = async_channel::bounded::<()>(1);
    let one_timer = size_of_val(&async move { bell.recv().await.unwrap_err() });
    let tokio = size_of_val(&async { tokio::time::sleep(SLEEP).await });
    let layout = |size: usize, align| Layout::from_size_align(size, align).unwrap();
    let tokio_block = (TOKIO_BESIDES + tokio).next_multiple_of(TOKIO_ALIGN);
    vec![
        (
            "block-smol",
            format!("smol's task block, {} B", SMOL_BESIDES + smol),
            layout(SMOL_BESIDES + smol, 8),
        ),
        (
            "block-tokio",
            format!("tokio's task block, {tokio_block} B aligned to {TOKIO_ALIGN}"),
            layout(tokio_block, TOKIO_ALIGN),
        ),
        (
            "block-tokio-unaligned",
            format!(
                "the same unpadded, not aligned, {} B",
                TOKIO_BESIDES + tokio
            ),
            layout(TOKIO_BESIDES + tokio, 8),
        ),
        (
            "floor-smol",
            format!("floor for smol: {SMOL_HEADER} B + {smol} B"),
            layout(SMOL_HEADER + smol, 8),
        ),
        (
            "floor-one-timer",
            format!("floor for one timer: {SMOL_HEADER} B + {one_timer} B"),
            layout(SMOL_HEADER + one_timer, 8),
        ),
        (
            "floor-tokio",
            format!("floor for tokio: {TOKIO_HEADER} B + {tokio} B"),
            layout(TOKIO_HEADER + tokio, 8),
        ),
    ]
}

/// Each piece measured per task, in the order printed: the blocks, and smol's timer entry after
/// its block.
fn pieces() -> Vec<(&'static str, String)> {
    let mut pieces: Vec<_> = block_layouts()
        .into_iter()
        .map(|(kind, label, _)| (kind, label))
        .collect();
    let entry = "a timer's entry in async-io's BTreeMap".to_string();
    pieces.insert(1, ("timer-entries", entry));
    pieces
}

fn block_layout(kind: &str) -> Option<Layout> {
    block_layouts()
        .into_iter()
        .find(|(k, _, _)| *k == kind)
        .map(|(_, _, layout)| layout)
}

/// Sends `n` numbers from one task to another through an async channel.
fn channel(n: usize, capacity: Option<usize>) {
    let ex = Rc::new(LocalExecutor::new());
    let (sender, receiver) = match capacity {
        Some(capacity) => async_channel::bounded(capacity),
        None => async_channel::unbounded(),
    };
    smol::block_on(ex.run(async {
        let producer = ex.spawn(async move {
            for i in 0..n {
                sender.send(i).await.unwrap();
            }
        });
        let mut sum = 0;
        while let Ok(i) = receiver.recv().await {
            sum += i;
        }
        producer.await;
        assert_eq!(sum, n * (n - 1) / 2);
    }));
}

/// A crashed child's reason, in one line: the message of its panic (threads that cannot be set
/// up abort the process), with the limits that usually cause it.
/// `examples/scale_asyncio.py`, in the workbook it is run from (the harness and `cargo run` run
/// it from the workbook's directory), or else in the one it was built in.
fn asyncio_script() -> std::path::PathBuf {
    let here = std::path::Path::new("examples/scale_asyncio.py");
    if here.is_file() {
        return here.to_path_buf();
    }
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(here)
}

fn why_it_failed(stderr: &str) -> String {
    let mut lines = stderr.lines();
    let message = lines
        .by_ref()
        .find(|l| l.contains("panicked at"))
        .and_then(|_| lines.next())
        .or_else(|| stderr.lines().next())
        .unwrap_or("it printed nothing");
    let limit =
        |file: &str| std::fs::read_to_string(file).map_or("?".into(), |s| s.trim().to_string());
    format!(
        "failed: {message} (limits here: kernel.pid_max = {}, vm.max_map_count = {})",
        limit("/proc/sys/kernel/pid_max"),
        limit("/proc/sys/vm/max_map_count")
    )
}

/// The CPU time this process has used so far, in seconds (user and system, all its threads).
fn cpu_time() -> f64 {
    // SAFETY: `getrusage` only writes the struct it is given.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// The process's peak resident memory so far, in bytes (Linux: `VmHWM` in /proc/self/status).
fn peak_memory() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kib| kib * 1024)
}

/// One row of the table: what ran, how many, and what it took (or why it did not run).
struct Row {
    what: String,
    n: usize,
    /// Wall time and CPU time in seconds, and the growth of the peak memory in bytes.
    result: Result<(f64, u64, f64), String>,
    /// The moments `phases` noted, if it ran.
    moments: Vec<f64>,
}

/// The rows of the main table, and what each child runs: Python's mode for asyncio, this
/// program's `--child` kind for the rest.
const SLEEP_ROWS: [(&str, &str); 8] = [
    ("smol local", "smol-local"),
    ("smol multi", "smol-multi"),
    ("tokio current", "tokio-current"),
    ("tokio multi", "tokio-multi"),
    ("one timer", "smol-one-timer"),
    ("threads", "threads"),
    ("asyncio", "sleep"),
    ("asyncio, GC off", "sleep-gc-off"),
];

/// The rows whose steps are timed (`phases`), and their child's kind.
const PHASE_ROWS: [(&str, &str); 2] = [
    ("smol local", "phases-smol-local"),
    ("tokio current", "phases-tokio-current"),
];

/// The floor each row of tasks is compared with (the block measurement's kind).
fn floor_of(what: &str) -> Option<&'static str> {
    match what {
        "smol local" | "smol multi" => Some("floor-smol"),
        "one timer" => Some("floor-one-timer"),
        "tokio current" | "tokio multi" => Some("floor-tokio"),
        _ => None,
    }
}

/// Runs one measurement in a child process: this program with `--child KIND N`, or, for
/// asyncio, `python3 examples/scale_asyncio.py KIND N`.
fn measure(what: String, kind: &str, n: usize) -> Row {
    let python = what.starts_with("asyncio");
    let mut command = if python {
        let mut python = Command::new("python3");
        python.arg(asyncio_script()).args([kind, &n.to_string()]);
        python
    } else {
        let mut this = Command::new(std::env::current_exe().expect("no path to this program"));
        this.args(["--child", kind, &n.to_string()]);
        this
    };
    let mut moments = Vec::new();
    let result = match command.output() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && python => {
            Err("not measured: python3 is not installed".to_string())
        }
        Err(e) => Err(format!("cannot run: {e}")),
        Ok(out) => {
            let text = String::from_utf8_lossy(&out.stdout);
            let mut words = text.split_whitespace();
            match (
                words.next().map(str::parse::<f64>),
                words.next().map(str::parse::<u64>),
                words.next().map(str::parse::<f64>),
            ) {
                (Some(Ok(seconds)), Some(Ok(bytes)), Some(Ok(cpu))) => {
                    moments = words.filter_map(|w| w.parse().ok()).collect();
                    Ok((seconds, bytes, cpu))
                }
                _ if text.starts_with("error: ") => Err(text.trim()["error: ".len()..].to_string()),
                _ => Err(why_it_failed(&String::from_utf8_lossy(&out.stderr))),
            }
        }
    };
    Row {
        what,
        n,
        result,
        moments,
    }
}

/// A measurement to make: the row's name, the child's kind, and N.
type Job = (String, &'static str, usize);

/// Runs the measurements, one at a time (each alone on the machine, so that its time is its
/// own), or all side by side (quicker, for a run that only checks that each is measured).
fn measure_all(jobs: Vec<Job>, side_by_side: bool) -> Vec<Row> {
    if !side_by_side {
        return jobs
            .into_iter()
            .map(|(what, kind, n)| measure(what, kind, n))
            .collect();
    }
    thread::scope(|scope| {
        let running: Vec<_> = jobs
            .into_iter()
            .map(|(what, kind, n)| scope.spawn(move || measure(what, kind, n)))
            .collect();
        running.into_iter().map(|m| m.join().unwrap()).collect()
    })
}

fn report(
    sizes_n: &[usize],
    max_threads: usize,
    messages: usize,
    side_by_side: bool,
    record: Option<&&str>,
) {
    let largest = sizes_n[sizes_n.len() - 1];
    let mut jobs: Vec<Job> = Vec::new();
    for &n in sizes_n {
        for (what, kind) in SLEEP_ROWS {
            jobs.push((what.to_string(), kind, n));
        }
    }
    let channels = [
        ("async-channel, bounded", "channel-bounded"),
        ("async-channel, unbounded", "channel-unbounded"),
        ("asyncio.Queue, bounded", "queue-bounded"),
        ("asyncio.Queue, unbounded", "queue-unbounded"),
    ];
    for (what, kind) in channels {
        jobs.push((what.to_string(), kind, messages));
    }
    for (kind, label) in pieces() {
        jobs.push((label, kind, largest));
    }
    for (what, kind) in PHASE_ROWS {
        jobs.push((format!("{what}, phases"), kind, largest));
    }
    // Too many threads are not even tried.
    let (tried, not_tried): (Vec<Job>, Vec<Job>) = jobs
        .into_iter()
        .partition(|(what, _, n)| what != "threads" || *n <= max_threads);
    let mut rows = measure_all(tried, side_by_side);
    rows.extend(not_tried.into_iter().map(|(what, _, n)| Row {
        what,
        n,
        result: Err(format!("not tried: more than {max_threads} threads")),
        moments: Vec::new(),
    }));
    let row = |what: &str, n: usize| rows.iter().find(|r| r.what == what && r.n == n).unwrap();

    // The floors: bytes per block, by kind.
    let per_block = |kind: &str| {
        let (_, label) = pieces().into_iter().find(|(k, _)| *k == kind)?;
        let (_, bytes, _) = row(&label, largest).result.as_ref().ok()?;
        Some(*bytes as f64 / largest as f64)
    };
    let mut table = String::new();
    let _ = writeln!(
        table,
        "{:<15} {:>8} {:>9} {:>9} {:>9} {:>9} {:>10} {:>9} {:>9}",
        "", "tasks", "wall", "overhead", "per task", "cpu", "memory", "per task", "vs floor"
    );
    for &n in sizes_n {
        for (what, _) in SLEEP_ROWS {
            let row = row(what, n);
            let floor = floor_of(what).and_then(per_block);
            let _ = writeln!(table, "{}", format_sleep_row(row, floor));
        }
    }
    print!("{table}");
    println!();

    let mut costs = format!("what each piece costs per task, for {largest} tasks:\n");
    for (_, label) in pieces() {
        let line = match &row(&label, largest).result {
            Ok((_, bytes, cpu)) => format!(
                "{label:<40} {:>5.0} B {:>5.2} µs of CPU",
                *bytes as f64 / largest as f64,
                cpu / largest as f64 * 1e6
            ),
            Err(e) => format!("{label:<40} {e}"),
        };
        let _ = writeln!(costs, "{line}");
    }
    print!("{costs}");
    println!();

    let mut moments = format!("when each step ended, for {largest} tasks on one thread:\n");
    for (what, _) in PHASE_ROWS {
        let row = row(&format!("{what}, phases"), largest);
        let line = match (&row.result, row.moments.as_slice()) {
            (Ok(_), [spawned, polled, woken, done]) => format!(
                "{what:<14} all spawned {spawned:.2} s, all polled {polled:.2} s, \
                 first woken {woken:.2} s, all done {done:.2} s"
            ),
            (Err(e), _) => format!("{what:<14} {e}"),
            _ => format!("{what:<14} some moments were not noted"),
        };
        let _ = writeln!(moments, "{line}");
    }
    print!("{moments}");
    println!();

    let mut throughput = String::new();
    for (what, _) in channels {
        let line = match &row(what, messages).result {
            Ok((seconds, _, _)) => format!(
                "{what:<26} {:>6.1} million messages per second",
                messages as f64 / seconds / 1e6
            ),
            Err(e) => format!("{what:<26} {e}"),
        };
        let _ = writeln!(throughput, "{line}");
    }
    print!("{throughput}");
    println!();
    let mappings = format!(
        "memory mappings per OS thread: {:.1}\n",
        mappings_per_thread()
    );
    print!("{mappings}");
    println!();
    // Side by side, the wall times wait for each other's turns on the cores; CPU time does not.
    let cpu = |what: &str| Some(row(what, largest).result.as_ref().ok()?.2);
    match (cpu("smol local"), cpu("asyncio")) {
        (Some(smol), Some(asyncio)) => println!(
            "smol's CPU time below asyncio's: {}",
            if smol < asyncio { "yes" } else { "no" }
        ),
        _ => println!("smol's CPU time below asyncio's: not measured"),
    }
    if let Some(dir) = record {
        let machine = machine();
        let text = format!("{machine}\n\n{table}\n{costs}\n{moments}\n{throughput}\n{mappings}");
        std::fs::write(format!("{dir}/measured.txt"), text).expect("cannot write measured.txt");
        std::fs::write(format!("{dir}/plot.svg"), plot(&rows, sizes_n))
            .expect("cannot write plot.svg");
        println!("wrote {dir}/measured.txt and {dir}/plot.svg");
    }
}

/// A row of the main table; `floor`: the bytes per task of its floor, if it has one.
fn format_sleep_row(row: &Row, floor: Option<f64>) -> String {
    match &row.result {
        Ok((seconds, bytes, cpu)) => {
            let per_task = *bytes as f64 / row.n as f64;
            let vs_floor = floor.map_or(String::new(), |f| format!(" {:>7.1} ×", per_task / f));
            format!(
                "{:<15} {:>8} {:>7.2} s {:>7.2} s {:>6.1} µs {:>7.2} s {:>6.1} MiB {:>7.0} B{vs_floor}",
                row.what,
                row.n,
                seconds,
                seconds - SLEEP.as_secs_f64(),
                (seconds - SLEEP.as_secs_f64()) / row.n as f64 * 1e6,
                cpu,
                *bytes as f64 / (1 << 20) as f64,
                per_task,
            )
        }
        Err(e) => format!("{:<15} {:>8}   {e}", row.what, row.n),
    }
}

/// The machine the numbers were measured on, for the record.
fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines().find_map(|l| {
                l.strip_prefix("model name")
                    .map(|m| m.trim_start_matches([' ', '\t', ':']).to_string())
            })
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = thread::available_parallelism().map_or(0, |n| n.get());
    let run = |program: &str, arg: &str| {
        Command::new(program)
            .arg(arg)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    };
    format!(
        "Measured on: {cpu}, {cores} cores; {}; {}",
        run("rustc", "--version"),
        run("python3", "--version")
    )
}

/// The book's figure: overhead and memory per task, for each N and each way of waiting.
fn plot(rows: &[Row], sizes_n: &[usize]) -> String {
    let colors = [
        ("smol local", "#2a7ab0"),
        ("smol multi", "#5b9bd5"),
        ("tokio current", "#3a8f5c"),
        ("tokio multi", "#7cc08f"),
        ("one timer", "#a9d0ea"),
        ("threads", "#c0392b"),
        ("asyncio", "#e6a23c"),
        ("asyncio, GC off", "#f3d19e"),
    ];
    let panel = |title: &str, value: fn(&Row) -> Option<f64>, unit: &str| Panel {
        title: title.to_string(),
        groups: sizes_n
            .iter()
            .map(|&n| {
                let bars = colors
                    .iter()
                    .map(|&(what, color)| {
                        let v = rows
                            .iter()
                            .find(|r| r.what == what && r.n == n)
                            .and_then(value);
                        let text = match v {
                            Some(v) if unit == "s" => format!("{what}: {v:.2} s"),
                            Some(v) => format!("{what}: {v:.0} {unit}"),
                            None => format!("{what}: not measured"),
                        };
                        Bar {
                            value: v,
                            text,
                            color,
                        }
                    })
                    .collect();
                (format!("{n} tasks"), bars)
            })
            .collect(),
    };
    bar_chart(&[
        panel(
            "overhead beyond the 1 s sleep",
            |r| {
                r.result
                    .as_ref()
                    .ok()
                    .map(|(s, ..)| s - SLEEP.as_secs_f64())
            },
            "s",
        ),
        panel(
            "memory per task",
            |r| {
                r.result
                    .as_ref()
                    .ok()
                    .map(|(_, b, _)| *b as f64 / r.n as f64)
            },
            "bytes",
        ),
    ])
}
