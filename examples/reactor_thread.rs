//! While a task sleeps, one thread waits in smol's reactor: `main`, in `block_on`, or "async-io".
//!
//! Each run is a child process of this program, in which a task sleeps 1 s under
//! `smol::block_on(ex.run(..))`, as in `count_concurrent`. Halfway through, an observer thread
//! reads which system call each of the other threads is waiting in, from
//! `/proc/self/task/*/syscall`. It runs four times: which thread waits in `epoll_pwait` varies
//! from run to run; that one of the two does, while the other waits on a futex, does not. Linux
//! only. Run it with `cargo run --example reactor_thread`.

use std::process::{Command, Stdio};
use std::thread;
use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

const RUNS: usize = 4;

fn main() {
    if std::env::args().nth(1).as_deref() == Some("--child") {
        return child();
    }
    say!("{RUNS} runs: a task sleeps 1 s in smol::block_on(ex.run(..)); who waits where at 0.5 s?");
    let exe = std::env::current_exe().expect("no path to this program");
    // The runs go side by side, each in a process of its own, with its own reactor.
    let runs: Vec<_> = (0..RUNS)
        .map(|_| {
            let child = Command::new(&exe)
                .arg("--child")
                .stdout(Stdio::piped())
                .spawn();
            child.expect("cannot start a child")
        })
        .collect();
    let (mut on_main, mut on_helper, mut as_expected) = (0, 0, 0);
    for (i, run) in runs.into_iter().enumerate() {
        let out = run.wait_with_output().expect("a child failed");
        let seen = String::from_utf8_lossy(&out.stdout).trim().to_string();
        say!("  run {}: {seen}", i + 1);
        match seen.as_str() {
            "main in epoll_pwait, async-io in futex" => on_main += 1,
            "async-io in epoll_pwait, main in futex" => on_helper += 1,
            _ => continue,
        }
        as_expected += 1;
    }
    say!("the reactor's wait was on main {on_main} times, on async-io {on_helper} times");
    say!("one of the two in epoll_pwait, the other on a futex: {as_expected} runs of {RUNS}");
}

// ANCHOR: child
/// One run: a task sleeps 1 s; an observer thread looks at the other threads after 0.5 s.
fn child() {
    let observer = thread::Builder::new()
        .name("observer".into())
        .spawn(|| {
            // Half-way through the 1 s wait: any moment of it shows the same threads.
            thread::sleep(Duration::from_millis(500));
            waiting_in()
        })
        .unwrap();
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let sleeper = ex.spawn(async { Timer::after(Duration::from_secs(1)).await });
        sleeper.await;
    }));
    let threads: Vec<String> = observer
        .join()
        .unwrap()
        .into_iter()
        .map(|(name, call)| format!("{name} in {call}"))
        .collect();
    println!("{}", threads.join(", "));
}

/// The other threads of this process, as (name, system call it is waiting in), the thread in
/// `epoll_pwait` first. The main thread's id is the process id.
fn waiting_in() -> Vec<(String, String)> {
    let main_id = std::process::id().to_string();
    let mut threads = Vec::new();
    for task in std::fs::read_dir("/proc/self/task").unwrap().flatten() {
        let read = |file: &str| std::fs::read_to_string(task.path().join(file)).unwrap_or_default();
        let name = match task.file_name().to_str() {
            Some(id) if id == main_id => "main".to_string(),
            _ => read("comm").trim().to_string(),
        };
        if name == "observer" {
            continue;
        }
        // The file starts with the number of the system call the thread is in.
        let number = read("syscall").split(' ').next().unwrap_or("?").to_string();
        threads.push((name, syscall_name(&number)));
    }
    threads.sort_by_key(|(_, call)| call != "epoll_pwait");
    threads
}

/// The names of the system calls a thread of this program can be waiting in.
fn syscall_name(number: &str) -> String {
    #[cfg(target_arch = "x86_64")]
    const NAMES: [(&str, &str); 3] = [
        ("281", "epoll_pwait"),
        ("202", "futex"),
        ("232", "epoll_wait"),
    ];
    #[cfg(target_arch = "aarch64")]
    const NAMES: [(&str, &str); 2] = [("22", "epoll_pwait"), ("98", "futex")];
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    const NAMES: [(&str, &str); 0] = [];
    NAMES
        .iter()
        .find(|(n, _)| *n == number)
        .map_or(format!("system call {number}"), |(_, name)| {
            name.to_string()
        })
}
// ANCHOR_END: child
