//! Counted words for narration and pages: one rule, so "1 edge" and "3 edges" agree everywhere.

use std::fmt::Display;

/// `n` followed by the noun that agrees with it: `plural(1, "edge", "edges")` is "1 edge", and any
/// other count (0 included) takes the plural. Both forms are given because English plurals are not
/// regular ("entry"/"entries", "activity"/"activities").
pub fn plural<N: Copy + Display + TryInto<u64>>(n: N, one: &str, many: &str) -> String {
    format!("{n} {}", noun(n, one, many))
}

/// The noun alone, for a count written another way ("1,000 steps").
pub fn noun<'a, N: TryInto<u64>>(n: N, one: &'a str, many: &'a str) -> &'a str {
    if n.try_into().ok() == Some(1) {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn one_takes_the_singular_and_every_other_count_the_plural() {
        assert_eq!(plural(1usize, "edge", "edges"), "1 edge");
        assert_eq!(plural(0u32, "edge", "edges"), "0 edges");
        assert_eq!(plural(2u64, "entry", "entries"), "2 entries");
        assert_eq!(plural(11i64, "value", "values"), "11 values");
        assert_eq!(plural(-1i64, "degree", "degrees"), "-1 degrees");
        assert_eq!(super::noun(1u64, "step", "steps"), "step");
        assert_eq!(super::noun(1000u64, "step", "steps"), "steps");
    }
}
