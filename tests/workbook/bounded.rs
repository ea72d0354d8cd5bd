//! Every run ends, whatever the program does, and leaves nothing running: a program that prints
//! without end, one that leaves a child behind holding its output, and a check interrupted with
//! Ctrl-C. Each test runs a real program and looks for its processes afterwards.

use std::process::Command;
use std::time::{Duration, Instant};

use xtask::verify::check_run;
use xtask::{Example, Verdict};

use crate::shared::workbook;

fn count_concurrent() -> Example {
    let found = workbook()
        .examples
        .iter()
        .find(|e| e.name == "count_concurrent");
    found.expect("the count example").clone()
}

fn sh(script: &str) -> Command {
    let mut command = Command::new("sh");
    command.args(["-c", script]);
    command
}

/// A program that keeps a core busy, at a lower priority: the examples timed meanwhile must
/// not pay for it.
fn hog(script: &str) -> Command {
    let mut command = sh(script);
    xtask::run::lower_priority(&mut command);
    command
}

/// Whether process `pid` is still running (a zombie, which has no `exe`, is not).
fn running(pid: &str) -> bool {
    let pid: u32 = pid
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("not a pid: {pid:?}"));
    std::fs::read_link(format!("/proc/{pid}/exe")).is_ok()
}

/// Waits up to a second for `pid` to be gone.
fn gone(pid: &str) -> bool {
    let until = Instant::now() + Duration::from_secs(1);
    while running(pid) {
        if Instant::now() > until {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    true
}

#[test]
fn endless_output_is_stopped_at_the_cap_and_reported_with_its_start() {
    let start = Instant::now();
    let outcome = check_run(
        &count_concurrent(),
        hog("while :; do echo '[0.00s] One'; done"),
        Duration::from_secs(60),
    );
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "took {:?}",
        start.elapsed()
    );
    assert!(
        matches!(outcome.verdict, Verdict::TooMuchOutput { .. }),
        "{outcome:?}"
    );
    let report = outcome.to_string();
    assert!(report.contains("printed too much"), "{report}");
    assert!(
        report.contains("the start of its output:\n    [0.00s] One\n"),
        "{report}"
    );
    assert!(report.lines().count() < 40, "the report is short: {report}");
}

#[test]
fn a_child_left_holding_the_output_neither_stalls_the_check_nor_outlives_it() {
    let start = Instant::now();
    let outcome = check_run(
        &count_concurrent(),
        sh("echo '[0.00s] One'; sleep 300 & echo $! >&2"),
        Duration::from_secs(60),
    );
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "the check waited for the child: {:?}",
        start.elapsed()
    );
    assert!(outcome.left_running, "{outcome:?}");
    let Verdict::WrongOutput(_) = &outcome.verdict else {
        panic!("{outcome:?}");
    };
    assert!(
        outcome
            .to_string()
            .contains("Processes it had started were still running when it ended")
    );
}

#[test]
fn a_child_with_its_output_closed_does_not_outlive_the_check() {
    let dir = crate::harness_catches::scratch_dir("lingering");
    let pid_file = dir.join("pid");
    let script = format!(
        "sleep 300 >/dev/null 2>&1 & echo $! > {}; echo '[0.00s] One'",
        pid_file.display()
    );
    check_run(&count_concurrent(), sh(&script), Duration::from_secs(60));
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    assert!(gone(&pid), "sleep 300 ({}) is still running", pid.trim());
}

#[test]
fn a_child_that_left_the_programs_group_does_not_outlive_the_check() {
    // `setsid` puts the child in a session, and a process group, of its own: the kill of the
    // program's group cannot reach it. It comes to the harness when `sh` exits, which ends it.
    let dir = crate::harness_catches::scratch_dir("escaped");
    let pid_file = dir.join("pid");
    let script = format!(
        "setsid sleep 300 >/dev/null 2>&1 & echo $! > {}; echo '[0.00s] One'",
        pid_file.display()
    );
    check_run(&count_concurrent(), sh(&script), Duration::from_secs(60));
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    assert!(
        gone(&pid),
        "setsid sleep 300 ({}) is still running",
        pid.trim()
    );
}

#[test]
fn a_flood_on_the_error_output_is_named_and_counted() {
    let outcome = check_run(
        &count_concurrent(),
        hog("echo '[0.00s] One'; while :; do echo 'warning: again' >&2; done"),
        Duration::from_secs(60),
    );
    let Verdict::TooMuchOutput { .. } = &outcome.verdict else {
        panic!("{outcome:?}");
    };
    crate::snapshot::assert_snapshot("flood_on_stderr", &outcome.to_string());
}

#[test]
fn a_huge_line_and_escape_sequences_are_not_echoed_as_they_are() {
    // One line of 100 000 characters, and one that would clear the terminal and turn it red.
    let script = "head -c 100000 /dev/zero | tr '\\0' x; echo; printf '\\033[2J\\033[31mred\\n'";
    let outcome = check_run(&count_concurrent(), sh(script), Duration::from_secs(60));
    let report = outcome.to_string();
    assert!(
        !report.contains('\u{1b}'),
        "an escape reached the report: {report:?}"
    );
    crate::snapshot::assert_snapshot("huge_line_and_escapes", &report);
}

/// Ctrl-C while a program is under check: the harness stops it (and its children) and dies of
/// the signal. The check runs in a child process, this test binary run again, so that the
/// signal does not reach the other tests.
#[test]
fn ctrl_c_stops_the_program_under_check_and_everything_it_started() {
    let dir = crate::harness_catches::scratch_dir("interrupt");
    let pid_file = dir.join("pid");
    let mut child = Command::new(std::env::current_exe().unwrap());
    child
        .args([
            "--exact",
            "bounded::interrupted_check",
            "--include-ignored",
            "--nocapture",
        ])
        .env("WORKBOOK_PID_FILE", &pid_file);
    // As a job in a terminal gets it: SIGINT not ignored, even if this test runs where it is (a
    // shell ignores SIGINT in the jobs it starts in the background, and so do their children).
    // SAFETY: between fork and exec, one async-signal-safe call.
    unsafe {
        use std::os::unix::process::CommandExt;
        child.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            Ok(())
        });
    }
    let mut child = child.spawn().unwrap();
    // Wait until the spinning program under check has started.
    let until = Instant::now() + Duration::from_secs(30);
    let pid = loop {
        if let Ok(pid) = std::fs::read_to_string(&pid_file)
            && pid.ends_with('\n')
        {
            break pid;
        }
        assert!(
            Instant::now() < until,
            "the check never started its program"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(running(&pid));
    let interrupted = Instant::now();
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    assert!(sent.is_ok_and(|s| s.success()));
    let status = child.wait().unwrap();
    assert!(
        interrupted.elapsed() < Duration::from_secs(3),
        "{:?}",
        interrupted.elapsed()
    );
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(2), "it dies of SIGINT: {status:?}");
    assert!(
        gone(&pid),
        "the spinning program ({}) is still running",
        pid.trim()
    );
}

/// The check that `ctrl_c_stops_...` interrupts: a program that spins, with a spinning child,
/// under a 60 s limit. Run on its own, it would take a minute: it is only run by that test.
#[test]
#[ignore = "run by ctrl_c_stops_the_program_under_check_and_everything_it_started"]
fn interrupted_check() {
    let pid_file = std::env::var("WORKBOOK_PID_FILE").expect("run by the Ctrl-C test");
    let script = "while :; do :; done & echo $! > PID.tmp; mv PID.tmp PID; wait";
    let script = script.replace("PID", &pid_file);
    let _ = check_run(&count_concurrent(), hog(&script), Duration::from_secs(60));
    panic!("the check ended before it was interrupted");
}

/// Waits up to `secs` seconds for `file` to hold `lines` lines, and returns them.
fn wait_for_lines(file: &std::path::Path, lines: usize, secs: u64) -> Vec<String> {
    let until = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Ok(text) = std::fs::read_to_string(file)
            && text.ends_with('\n')
            && text.lines().count() >= lines
        {
            return text.lines().map(String::from).collect();
        }
        assert!(
            Instant::now() < until,
            "{} never had {lines} lines",
            file.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Waits up to ten seconds for `child` to exit.
fn exits(child: &mut std::process::Child) -> std::process::ExitStatus {
    let until = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > until {
            let _ = child.kill();
            panic!("it did not exit");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A signal that comes while `cargo xtask` builds stops the build too, with what it started. The
/// build here is a stand-in for cargo (`CARGO` names it) that starts a child and waits.
#[test]
fn a_signal_during_the_build_stops_the_build() {
    let dir = crate::harness_catches::scratch_dir("signal-in-build");
    let (fake, pids) = (dir.join("cargo"), dir.join("pids"));
    std::fs::write(
        &fake,
        format!(
            "#!/bin/sh\necho $$ >> {0}\nsleep 300 &\necho $! >> {0}\nwait\n",
            pids.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut xtask = Command::new(crate::command_line::xtask_program())
        .current_dir(&workbook().root)
        .env("CARGO", &fake)
        .args(["verify", "count_concurrent"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = wait_for_lines(&pids, 2, 30);
    let sent = Command::new("kill")
        .args(["-TERM", &xtask.id().to_string()])
        .status();
    assert!(sent.is_ok_and(|s| s.success()));
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(exits(&mut xtask).signal(), Some(libc::SIGTERM));
    for pid in started {
        assert!(gone(&pid), "the build's process {pid} is still running");
    }
}

/// When the process that does the work dies, even of SIGKILL, which it cannot handle, what its
/// programs started goes with it: here a child that left the program's group with `setsid`.
/// (Named `python`: its program is a Python counterpart.)
#[test]
fn a_killed_worker_leaves_nothing_behind_python() {
    let copy = crate::command_line::tiny_workbook("killed-worker");
    let pid_file = copy.join("pid");
    std::fs::write(
        copy.join("examples/spawner.rs"),
        "//! Starts a child.\nfn main() {}\n",
    )
    .unwrap();
    std::fs::write(copy.join("examples/spawner.stdout"), "never\n").unwrap();
    std::fs::write(
        copy.join("examples/spawner.py"),
        format!(
            "import os, subprocess, time\n\
             child = subprocess.Popen(['setsid', 'sleep', '300'])\n\
             open('{}', 'w').write(f'{{child.pid}}\\n{{os.getppid()}}\\n')\n\
             time.sleep(60)\n",
            pid_file.display()
        ),
    )
    .unwrap();
    let mut xtask = Command::new(crate::command_line::xtask_program())
        .current_dir(&copy)
        .args(["verify", "spawner.py"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pids = wait_for_lines(&pid_file, 2, 30);
    let (escaped, worker) = (&pids[0], pids[1].parse::<i32>().unwrap());
    // The process that runs the program: the one that does the work.
    // SAFETY: kill(2) on a process this test started (itself, or through the supervisor).
    unsafe {
        libc::kill(worker, libc::SIGKILL);
    }
    exits(&mut xtask);
    assert!(
        gone(escaped),
        "setsid sleep 300 ({escaped}) is still running"
    );
}
