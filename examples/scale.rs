//! How far does it scale? N tasks that each sleep 1 s: smol, OS threads and asyncio, measured.
//!
//! `cargo run --release --example scale` measures N = 10k, 100k and 1M (asyncio with and without
//! its cyclic garbage collector), a channel's throughput, and how many memory mappings an OS
//! thread takes, and prints a table; `-- --small` measures N = 5k and 20k, with 20k messages
//! (what the harness runs); `-- --record DIR` also writes the table and an SVG plot into DIR,
//! for the book. Each measurement runs in a child process of its own, so that its peak memory is
//! its own.
//!
//! verify-args: --small
//! verify-limit: 60
//! verify-cpu: 120
//! verify-needs: python3

use std::fmt::Write as _;
use std::process::Command;
use std::rc::Rc;
use std::thread;
use std::time::{Duration, Instant};

use smol::{LocalExecutor, Timer};
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
        ["--small"] => report(&[5_000, 20_000], 5_000, 20_000, None),
        ["--record", dir] => report(&FULL, MAX_THREADS, 1_000_000, Some(dir)),
        [] => report(&FULL, MAX_THREADS, 1_000_000, None),
        _ => eprintln!("usage: scale [--small | --record DIR]"),
    }
}

// ANCHOR: tasks
/// N tasks on one thread, each sleeping 1 s; returns when all are done.
fn smol_tasks(n: usize) {
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
    let start = Instant::now();
    let run = |f: fn(usize)| {
        f(n);
        Ok(())
    };
    let outcome = match kind {
        "smol" => run(smol_tasks),
        "smol-one-timer" => run(smol_one_timer),
        "threads" => os_threads(n),
        "channel-bounded" => run(|n| channel(n, Some(1024))),
        "channel-unbounded" => run(|n| channel(n, None)),
        _ => Err(format!("unknown measurement {kind}")),
    };
    let took = start.elapsed().as_secs_f64();
    match outcome {
        Ok(()) => println!("{took} {}", peak_memory().saturating_sub(before)),
        Err(e) => println!("error: {e}"),
    }
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
    what: &'static str,
    n: usize,
    result: Result<(f64, u64), String>,
}

/// Runs one measurement in a child process: this program, or `python3 examples/scale_asyncio.py`.
fn measure(what: &'static str, n: usize) -> Row {
    let mut command = if what.starts_with("asyncio") {
        let mut python = Command::new("python3");
        let mode = match what {
            "asyncio" => "sleep",
            "asyncio, GC off" => "sleep-gc-off",
            "asyncio.Queue, bounded" => "queue-bounded",
            _ => "queue-unbounded",
        };
        python.arg(asyncio_script()).args([mode, &n.to_string()]);
        python
    } else {
        let kind = match what {
            "smol" => "smol",
            "one timer" => "smol-one-timer",
            "threads" => "threads",
            "async-channel, bounded" => "channel-bounded",
            _ => "channel-unbounded",
        };
        let mut this = Command::new(std::env::current_exe().expect("no path to this program"));
        this.args(["--child", kind, &n.to_string()]);
        this
    };
    let result = match command.output() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && what.starts_with("asyncio") => {
            Err("not measured: python3 is not installed".to_string())
        }
        Err(e) => Err(format!("cannot run: {e}")),
        Ok(out) => {
            let text = String::from_utf8_lossy(&out.stdout);
            let mut words = text.split_whitespace();
            match (
                words.next().map(str::parse::<f64>),
                words.next().map(str::parse::<u64>),
            ) {
                (Some(Ok(seconds)), Some(Ok(bytes))) => Ok((seconds, bytes)),
                _ if text.starts_with("error: ") => Err(text.trim()["error: ".len()..].to_string()),
                _ => Err(why_it_failed(&String::from_utf8_lossy(&out.stderr))),
            }
        }
    };
    Row { what, n, result }
}

fn report(sizes_n: &[usize], max_threads: usize, messages: usize, record: Option<&&str>) {
    let mut table = String::new();
    let _ = writeln!(
        table,
        "{:<15} {:>8} {:>9} {:>9} {:>9} {:>10} {:>9}",
        "", "tasks", "wall", "overhead", "per task", "memory", "per task"
    );
    let mut rows = Vec::new();
    for &n in sizes_n {
        for what in ["smol", "one timer", "threads", "asyncio", "asyncio, GC off"] {
            let row = if what == "threads" && n > max_threads {
                Row {
                    what,
                    n,
                    result: Err(format!("not tried: more than {max_threads} threads")),
                }
            } else {
                measure(what, n)
            };
            let _ = writeln!(table, "{}", format_sleep_row(&row));
            rows.push(row);
        }
    }
    print!("{table}");
    println!();
    let mut throughput = String::new();
    for what in [
        "async-channel, bounded",
        "async-channel, unbounded",
        "asyncio.Queue, bounded",
        "asyncio.Queue, unbounded",
    ] {
        let row = measure(what, messages);
        let line = match &row.result {
            Ok((seconds, _)) => format!(
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
    let overhead = |what: &str| {
        rows.iter()
            .filter(|r| r.what == what && r.n == sizes_n[sizes_n.len() - 1])
            .find_map(|r| r.result.as_ref().ok().map(|(s, _)| s - SLEEP.as_secs_f64()))
    };
    match (overhead("smol"), overhead("asyncio")) {
        (Some(smol), Some(asyncio)) => println!(
            "smol's overhead below asyncio's: {}",
            if smol < asyncio { "yes" } else { "no" }
        ),
        _ => println!("smol's overhead below asyncio's: not measured"),
    }
    if let Some(dir) = record {
        let machine = machine();
        let text = format!("{machine}\n\n{table}\n{throughput}\n{mappings}");
        std::fs::write(format!("{dir}/measured.txt"), text).expect("cannot write measured.txt");
        std::fs::write(format!("{dir}/plot.svg"), plot(&rows, sizes_n))
            .expect("cannot write plot.svg");
        println!("wrote {dir}/measured.txt and {dir}/plot.svg");
    }
}

fn format_sleep_row(row: &Row) -> String {
    match &row.result {
        Ok((seconds, bytes)) => format!(
            "{:<15} {:>8} {:>7.2} s {:>7.2} s {:>6.1} µs {:>6.1} MiB {:>7} B",
            row.what,
            row.n,
            seconds,
            seconds - SLEEP.as_secs_f64(),
            (seconds - SLEEP.as_secs_f64()) / row.n as f64 * 1e6,
            *bytes as f64 / (1 << 20) as f64,
            bytes / row.n as u64
        ),
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
        ("smol", "#2a7ab0"),
        ("one timer", "#6fb0d8"),
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
            |r| r.result.as_ref().ok().map(|(s, _)| s - SLEEP.as_secs_f64()),
            "s",
        ),
        panel(
            "memory per task",
            |r| {
                r.result
                    .as_ref()
                    .ok()
                    .map(|(_, b)| (*b / r.n as u64) as f64)
            },
            "bytes",
        ),
    ])
}
