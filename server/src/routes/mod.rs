//! The API's handlers, one module per resource.

pub mod activity;
pub mod cards;
pub mod sessions;
pub mod users;

/// Client-chosen ids (events, sessions): 1–64 characters of letters, digits, `-` and `_`.
pub fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
