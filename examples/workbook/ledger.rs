//! An account of a queue's items: was every item produced consumed exactly once?
//!
//! Used by the producer / consumer example, and tested below with items lost and doubled.

use std::collections::BTreeMap;
use std::fmt::Debug;

// ANCHOR: account
/// Checks that `consumed` holds every item of `produced` exactly once, and nothing else.
/// Returns a one-line account, or what went wrong.
pub fn account<T: Ord + Debug>(produced: &[T], consumed: &[T]) -> Result<String, String> {
    let mut balance: BTreeMap<&T, i64> = BTreeMap::new();
    for item in produced {
        *balance.entry(item).or_default() += 1;
    }
    for item in consumed {
        *balance.entry(item).or_default() -= 1;
    }
    let lost: Vec<&&T> = balance
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(i, _)| i)
        .collect();
    let extra: Vec<&&T> = balance
        .iter()
        .filter(|(_, n)| **n < 0)
        .map(|(i, _)| i)
        .collect();
    if lost.is_empty() && extra.is_empty() {
        Ok(format!(
            "{} produced, {} consumed, each exactly once",
            produced.len(),
            consumed.len()
        ))
    } else {
        Err(format!(
            "lost: {lost:?}; consumed too often or never produced: {extra:?}"
        ))
    }
}
// ANCHOR_END: account

#[cfg(test)]
mod tests {
    use super::account;

    #[test]
    fn every_item_once_balances() {
        let produced = ["a1", "a2", "b1"];
        let consumed = ["b1", "a1", "a2"];
        assert_eq!(
            account(&produced, &consumed),
            Ok("3 produced, 3 consumed, each exactly once".to_string())
        );
    }

    #[test]
    fn a_lost_item_is_caught() {
        let error = account(&["a1", "a2", "b1"], &["a1", "b1"]).unwrap_err();
        assert_eq!(
            error,
            r#"lost: ["a2"]; consumed too often or never produced: []"#
        );
    }

    #[test]
    fn a_doubled_item_is_caught() {
        let error = account(&["a1", "a2"], &["a1", "a2", "a2"]).unwrap_err();
        assert_eq!(
            error,
            r#"lost: []; consumed too often or never produced: ["a2"]"#
        );
    }
}
