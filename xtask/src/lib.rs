//! The workbook's harness: it finds the examples, builds them, runs them, and checks that each
//! prints what the book says it prints (or, for compile-fail lessons, fails as the book says).
//!
//! `cargo xtask` (in `main.rs`) and the tests in `tests/` both call this library, so the checks
//! exist once.

pub mod answers;
pub mod asyncio_names;
pub mod book;
pub mod build;
pub mod catalog;
pub mod citations;
pub mod compare;
pub mod exercise;
pub mod hints;
pub mod markdown;
pub mod mistakes;
pub mod mutants;
pub mod notes;
pub mod orphans;
pub mod pages;
pub mod preprocessor;
pub mod quiz;
pub mod registry;
pub mod repeat;
pub mod report;
pub mod run;
pub mod signals;
pub mod suggest;
pub mod supervisor;
pub mod timeline;
pub mod timing;
pub mod traps;
pub mod verify;
pub mod watch;

pub use catalog::{Example, Expected, Language, Workbook};
pub use report::{Outcome, Verdict};
pub use verify::{Options, Report};
