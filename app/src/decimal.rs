//! Decimal text for the few fractional numbers pages show or read (bar heights, positions, speeds), by
//! integer arithmetic. The standard library's float formatting and parsing would link about 9 KB of
//! gzipped code into every page module that shows one (measured on the visualizer's module).

/// `value` rounded to `places` decimals (at most 4), without trailing zeros: `fixed(2.50, 2)` is `"2.5"`.
pub fn fixed(value: f64, places: u32) -> String {
    let scale = 10i64.pow(places.min(4));
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, fraction) = (
        scaled.unsigned_abs() / scale as u64,
        scaled.unsigned_abs() % scale as u64,
    );
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:0width$}", width = places.min(4) as usize);
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

/// A plain decimal (`12`, `-0.25`, `.5`); `None` for anything else (exponents, words, empty).
pub fn parse(text: &str) -> Option<f64> {
    let text = text.trim();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !all(whole) || !all(fraction) || whole.len() > 15 {
        return None;
    }
    let mut value = whole
        .bytes()
        .fold(0.0, |v, b| v * 10.0 + f64::from(b - b'0'));
    let mut unit = 1.0;
    for b in fraction.bytes().take(12) {
        unit /= 10.0;
        value += f64::from(b - b'0') * unit;
    }
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_rounds_and_trims_like_the_format_machinery() {
        for (value, places) in [
            (2.5, 2),
            (0.25, 2),
            (64.0, 2),
            (12.345, 1),
            (-2.71821, 3),
            (99.995, 2),
            (0.0, 1),
            (1e-9, 2),
        ] {
            let expected = format!("{value:.*}", places as usize);
            let expected = if expected.contains('.') {
                expected
                    .trim_end_matches('0')
                    .trim_end_matches('.')
                    .to_owned()
            } else {
                expected
            };
            let expected = if expected == "-0" {
                "0".to_owned()
            } else {
                expected
            };
            // Halfway cases may round either way between the two; both are within half a unit.
            let got = fixed(value, places);
            let diff = (got.parse::<f64>().unwrap() - expected.parse::<f64>().unwrap()).abs();
            assert!(
                diff <= 0.5 / 10f64.powi(places as i32) + 1e-12,
                "{value} at {places}: {got} vs {expected}"
            );
        }
        assert_eq!(fixed(4.0, 1), "4");
        assert_eq!(fixed(52.25, 2), "52.25");
        assert_eq!(fixed(-0.5, 1), "-0.5");
    }

    #[test]
    fn parse_reads_plain_decimals_only() {
        assert_eq!(parse("4"), Some(4.0));
        assert_eq!(parse("0.25"), Some(0.25));
        assert_eq!(parse(" -2.5 "), Some(-2.5));
        assert_eq!(parse(".5"), Some(0.5));
        for bad in ["", "-", ".", "fast", "1e3", "1.2.3", "NaN", "inf", "0x10"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
