//! A self-referential future by hand: a buffer and a pointer into it, sound only once pinned.
//!
//! `Words` keeps a line of text and a pointer to where its next word starts, inside that line.
//! Moved after the pointer is set, it points at the old place; pinned, it cannot be moved, and
//! `poll` may read through the pointer. Run it with `cargo run --example beyond_pin_self_ref`.

use std::future::Future;
use std::marker::PhantomPinned;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use workbook::say;

// ANCHOR: words
/// Reads its line one word per poll, through `next`, a pointer into its own `line`.
struct Words {
    line: [u8; 16],
    len: usize,
    /// Where the next word starts: an address inside `line`, of this same struct.
    next: *const u8,
    /// Set by `poll` only. Once it is above 0, `next` was aimed by a poll of this value, pinned.
    polls: u32,
    /// Makes `Words` `!Unpin`: once pinned, safe code cannot move it again.
    _pinned: PhantomPinned,
}

impl Words {
    fn new(text: &str) -> Words {
        let mut line = [0; 16];
        line[..text.len()].copy_from_slice(text.as_bytes());
        let next = std::ptr::null();
        Words {
            line,
            len: text.len(),
            next,
            polls: 0,
            _pinned: PhantomPinned,
        }
    }

    /// Aims `next` at the start of `line`. Storing an address is safe; reading through it is not.
    fn aim(&mut self) {
        self.next = self.line.as_ptr();
    }

    /// Is `next` an address inside `line`? Compares addresses; never reads through the pointer.
    fn points_inside(&self) -> bool {
        let range = self.line.as_ptr_range();
        range.start <= self.next && self.next <= range.end
    }
}
// ANCHOR_END: words

// ANCHOR: poll
impl Future for Words {
    type Output = u32;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        // SAFETY: we only read and write fields in place; nothing here moves `*this` or hands
        // out a `&mut Words` that could move it. That is all `get_unchecked_mut` asks of us.
        let this = unsafe { self.get_unchecked_mut() };
        this.polls += 1;
        if this.polls == 1 {
            // Aimed now, while pinned: `line` stays at this address until `Words` is dropped.
            // (An `aim` from before the pinning is not trusted: the value may have moved since.)
            this.aim();
        }
        let end = this.line.as_ptr().wrapping_add(this.len);
        let rest_len = end.addr() - this.next.addr();
        // SAFETY: `next` was aimed by the first poll at `line`, and only moved forward inside
        // it; `line` has not moved since, because the value is pinned. So `next..end` is
        // inside `line`, initialised, and nothing writes to it while we read.
        let rest = unsafe { std::slice::from_raw_parts(this.next, rest_len) };
        let word_len = rest.iter().position(|&b| b == b' ').unwrap_or(rest.len());
        let word = String::from_utf8_lossy(&rest[..word_len]);
        say!("  poll {}: read {word:?} through the pointer", this.polls);
        if word_len == rest.len() {
            return Poll::Ready(this.polls);
        }
        this.next = this.next.wrapping_add(word_len + 1); // past the space: still inside `line`
        cx.waker().wake_by_ref(); // more words: poll me again
        Poll::Pending
    }
}
// ANCHOR_END: poll

// ANCHOR: main
fn report(what: &str, words: &Words) {
    say!("{what}: points inside: {}", words.points_inside());
}

fn main() {
    let mut words = Words::new("pin me down");
    words.aim(); // not pinned
    report("not pinned, aimed", &words);
    let moved = Box::new(words);
    report("moved into a Box", &moved);
    drop(moved);

    let mut pinned = Box::pin(Words::new("pin me down"));
    let mut cx = Context::from_waker(Waker::noop());
    let _ = pinned.as_mut().poll(&mut cx);
    report("pinned, polled once", &pinned);
    let moved = pinned;
    report("moved the Pin<Box>", &moved);
    let polls = smol::block_on(moved);
    say!("ready after {polls} polls");
}
// ANCHOR_END: main
