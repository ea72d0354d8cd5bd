//! Every example in the book, verified by the harness: one test per example, so that a failure
//! names it. They all run in the pass of `shared`, together, once.

use xtask::Language;

use crate::shared::{report, workbook};

fn check(name: &str) {
    let outcome = report().outcome(name).unwrap_or_else(|| {
        panic!(
            "there is no example '{name}': remove it from the list in tests/workbook/examples.rs"
        )
    });
    if outcome.skipped() {
        let skip = match name.strip_suffix(".py") {
            Some(_) => "--skip python".to_string(),
            None => format!("--skip examples::{name}"),
        };
        panic!("\n{outcome}(to leave out what needs Python: `cargo test -- {skip}`)");
    }
    assert!(outcome.passed(), "\n{outcome}");
}

/// One test per example, and the list of their names.
macro_rules! examples {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check(stringify!($name));
            }
        )*
        const LISTED: &[&str] = &[$(stringify!($name)),*];
    };
}

/// One test per Python counterpart (`python::NAME` checks `examples/NAME.py`). Without
/// `python3` they fail with a message that says so: a Python check never passes unrun.
macro_rules! python_counterparts {
    ($($name:ident),* $(,)?) => {
        mod python {
            $(
                #[test]
                fn $name() {
                    super::check(concat!(stringify!($name), ".py"));
                }
            )*
        }
        const LISTED_PY: &[&str] = &[$(concat!(stringify!($name), ".py")),*];
    };
}

python_counterparts! {
    as_completed_order,
    async_generator,
    await_chain_trace,
    beyond_cancel_read_line,
    beyond_cancel_record,
    beyond_cancel_write_all,
    beyond_closure_async_closure,
    beyond_closure_time_each,
    beyond_lifo_smol,
    beyond_lock_std_mutex,
    beyond_many_at_most,
    beyond_pin_self_ref,
    beyond_pin_set_idle,
    beyond_scope_executor,
    blocking_stalls,
    callbacks_as_tasks,
    chained_coroutines,
    coro_timers_made_first,
    count_concurrent,
    count_missing_argument,
    count_sequential,
    deadline_for_steps,
    event_and_condition,
    event_loop_thread_wake,
    executor_borrows_locals,
    from_another_thread,
    gather_errors,
    gather_with_tasks,
    gather_with_zip,
    lazy_future,
    lock_fairness,
    named_tasks,
    once_cell_future,
    patterns_timeout_thread_goes_on,
    phrase_barrier_gave_up,
    phrase_first_exception,
    phrase_lifo_yield_after_put,
    phrase_nowait,
    phrase_read_limits,
    phrase_runner,
    phrase_udp_echo,
    phrase_unix_socket,
    poll_by_hand,
    priority_and_lifo,
    producer_consumer,
    queue_join,
    read_cancel_keeps_data,
    rules_lazy_await_later,
    run_and_spawn,
    semaphore_and_barrier,
    shield_with_task,
    subprocess_pipe,
    task_group,
    task_panic,
    tcp_echo,
    timer_starts_when_created,
    timer_starts_when_made,
    unblock_to_thread,
    wait_first_completed,
    wait_for_cancels,
    yield_now_vs_zero_timer,
}

examples! {
    as_completed_order,
    async_block_not_unpin,
    async_close,
    async_generator,
    await_chain_trace,
    await_outside_async,
    awaitables,
    beyond_cancel_line_outside,
    beyond_cancel_lines,
    beyond_cancel_read_line,
    beyond_cancel_read_until,
    beyond_cancel_record,
    beyond_cancel_send,
    beyond_cancel_write_all,
    beyond_closure_async_closure,
    beyond_closure_borrow_rejected,
    beyond_closure_dyn_rejected,
    beyond_closure_kinds,
    beyond_closure_mut_at_once_rejected,
    beyond_closure_not_send,
    beyond_closure_time_each,
    beyond_lifo_current_thread,
    beyond_lifo_ping_pong,
    beyond_lifo_smol,
    beyond_lock_fixes,
    beyond_lock_guard_not_send,
    beyond_lock_refcell,
    beyond_lock_std_mutex,
    beyond_many_at_most,
    beyond_many_join_all,
    beyond_many_merge_end,
    beyond_many_merge_or,
    beyond_pin_drop_guarantee,
    beyond_pin_project,
    beyond_pin_self_ref,
    beyond_pin_set_idle,
    beyond_scope_detach,
    beyond_scope_drop_spawns,
    beyond_scope_executor,
    beyond_trait_async_fn,
    beyond_trait_boxed,
    beyond_trait_dyn_rejected,
    beyond_trait_not_send,
    beyond_trait_recursion,
    beyond_trait_recursion_rejected,
    beyond_trait_send,
    beyond_waker_atomic_flag,
    beyond_waker_raw_vtable,
    block_on_by_hand,
    blocking_stalls,
    blocking_work,
    bounded_fanout,
    callbacks_as_tasks,
    cancel_by_drop,
    chained_coroutines,
    concurrent_fetcher,
    coro_future_holds_buffer,
    coro_spawn_then_block,
    coro_timers_made_first,
    coro_zip_main2_first,
    count_concurrent,
    count_missing_argument,
    count_sequential,
    deadline_for_steps,
    drop_closes,
    event_and_condition,
    event_loop_by_hand,
    event_loop_thread_wake,
    executor_batch,
    executor_borrows_locals,
    executor_rc_cycle,
    executor_static_rejects_borrow,
    forgot_await,
    forgot_await_timer,
    forgot_await_warning,
    from_another_thread,
    gather_errors,
    gather_with_tasks,
    gather_with_zip,
    lazy_future,
    lock_fairness,
    lost_wakeup,
    named_tasks,
    once_cell_future,
    patterns_blocking_unblock_in_turn,
    patterns_chains_one_by_one,
    patterns_fanout_permit_dropped,
    patterns_queue_unbounded,
    patterns_timeout_thread_goes_on,
    phrase_barrier_gave_up,
    phrase_deadline_per_step,
    phrase_first_exception,
    phrase_gather_in_order,
    phrase_lifo_yield_after_put,
    phrase_lock_yield_between,
    phrase_nowait,
    phrase_read_limits,
    phrase_runner,
    phrase_spawn_handle_dropped,
    phrase_udp_echo,
    phrase_unix_socket,
    poll_by_hand,
    priority_and_lifo,
    producer_consumer,
    queue_join,
    reactor_thread,
    read_cancel_keeps_data,
    rules_await_due_timer,
    rules_cancel_after_done,
    rules_cancel_before_drop,
    rules_close_without_await,
    rules_lazy_await_later,
    run_and_spawn,
    scale,
    semaphore_and_barrier,
    shield_with_task,
    smol_timer_wakeup,
    spawn_queues_tasks,
    stream_by_hand,
    subprocess_pipe,
    task_allocation,
    task_allocation_tokio,
    task_group,
    task_panic,
    tcp_echo,
    thread_timer,
    tie_order,
    timeout_race,
    timer_lateness,
    timer_slack,
    timer_starts_when_created,
    timer_starts_when_made,
    tokio_spawn_starts,
    unblock_to_thread,
    unpin_future,
    wait_first_completed,
    wait_for_cancels,
    waker_clone_cost,
    wakeup_block_on_woken_twice,
    wakeup_blocking_spawned_first,
    wakeup_loop_awaits_one,
    wakeup_timer_made_early,
    will_wake,
    yield_now_vs_zero_timer,
}

#[test]
fn every_example_has_a_test() {
    let workbook = workbook();
    let unlisted: Vec<&str> = workbook
        .examples
        .iter()
        .map(|e| e.name.as_str())
        .filter(|name| !LISTED.contains(name) && !LISTED_PY.contains(name))
        .collect();
    assert!(
        unlisted.is_empty(),
        "add these examples to the list in tests/workbook/examples.rs: {unlisted:?}"
    );
}

/// The examples run side by side, so running them all takes about as long as the slowest one
/// (counting, for each example, its re-runs: a run that was a little late goes again at once).
#[test]
fn running_every_example_takes_about_as_long_as_the_slowest() {
    let report = report();
    let slowest = report.slowest().expect("some example ran");
    let slowest_time = slowest.time_in_all_runs();
    assert!(
        report.check_time.as_secs_f64() <= 1.25 * slowest_time.as_secs_f64(),
        "running them took {:?}, more than 1.25 times the slowest example ({}, {:?}){}",
        report.check_time,
        slowest.name,
        slowest_time,
        crate::shared::busy_note()
    );
}

/// `cargo xtask list` shows each example's first `//!` line, so that line must be a whole
/// sentence on its own, not the start of a paragraph that wraps.
#[test]
fn every_example_opens_with_a_one_line_description() {
    let workbook = workbook();
    let rust = workbook
        .examples
        .iter()
        .filter(|e| e.language == Language::Rust);
    for example in rust {
        let text = std::fs::read_to_string(workbook.root.join(&example.source)).unwrap();
        let mut lines = text.lines();
        let first = lines.next().unwrap_or_default();
        let second = lines.next().unwrap_or_default();
        assert!(
            first.starts_with("//! ") && first.ends_with('.') && second.trim() == "//!",
            "{}: the first line should be `//! <one sentence>.` followed by a blank `//!` line",
            example.source.display()
        );
    }
}
