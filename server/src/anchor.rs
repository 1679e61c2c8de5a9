//! Time anchors: every response carries the server's time signed with HMAC-SHA256. An event queued while
//! offline may claim an earlier time only if it brings an anchor, and only a time between that anchor and
//! its receipt, at most [`MAX_BACKDATE`] back. A client clock can therefore neither move an event forward
//! nor back it further than the last moment the server vouched the client was in touch.

use chrono::{DateTime, TimeDelta, Utc};
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

use crate::auth::{decode_hex, hex};

pub const MAX_BACKDATE: TimeDelta = TimeDelta::hours(72);

#[derive(Clone)]
pub struct Anchors {
    key: Vec<u8>,
}

impl Anchors {
    pub fn new(key: Vec<u8>) -> Self {
        Anchors { key }
    }

    fn mac(&self, millis: i64) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(b"algovista-anchor-v1:");
        mac.update(millis.to_string().as_bytes());
        mac
    }

    /// `<unix milliseconds>.<hex HMAC>`.
    pub fn issue(&self, at: DateTime<Utc>) -> String {
        let millis = at.timestamp_millis();
        format!(
            "{millis}.{}",
            hex(&self.mac(millis).finalize().into_bytes())
        )
    }

    /// The time an anchor vouches for, if this server signed it.
    pub fn verify(&self, anchor: &str) -> Option<DateTime<Utc>> {
        let (millis, signature) = anchor.split_once('.')?;
        let millis: i64 = millis.parse().ok()?;
        let signature = decode_hex(signature)?;
        self.mac(millis).verify_slice(&signature).ok()?;
        DateTime::from_timestamp_millis(millis)
    }
}

/// Why a claimed time was not granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Clamp {
    NoAnchor,
    InvalidAnchor,
    /// The anchor is later than the server's own time: it cannot have been issued yet.
    AnchorFromTheFuture,
    BeforeAnchor,
    AfterReceipt,
    OlderThanLimit,
}

/// The time an event counts at: `received` unless a claim is backed as described in the module docs.
pub fn effective_time(
    claimed: Option<DateTime<Utc>>,
    anchor: Option<&str>,
    received: DateTime<Utc>,
    anchors: &Anchors,
) -> (DateTime<Utc>, Option<Clamp>) {
    let Some(claimed) = claimed else {
        return (received, None);
    };
    let verdict = match anchor.map(|anchor| anchors.verify(anchor)) {
        None => Err(Clamp::NoAnchor),
        Some(None) => Err(Clamp::InvalidAnchor),
        Some(Some(anchored)) if anchored > received => Err(Clamp::AnchorFromTheFuture),
        Some(Some(_)) if claimed > received => Err(Clamp::AfterReceipt),
        Some(Some(anchored)) if claimed < anchored => Err(Clamp::BeforeAnchor),
        Some(Some(_)) if received - claimed > MAX_BACKDATE => Err(Clamp::OlderThanLimit),
        Some(Some(_)) => Ok(claimed),
    };
    match verdict {
        Ok(time) => (time, None),
        // A claim equal to the receipt needs no backing.
        Err(_) if claimed == received => (received, None),
        Err(clamp) => (received, Some(clamp)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn anchors_verify_only_their_own_signature() {
        let anchors = Anchors::new(b"key one".to_vec());
        let issued = anchors.issue(at("2026-11-22T10:00:00Z"));
        assert_eq!(anchors.verify(&issued), Some(at("2026-11-22T10:00:00Z")));
        assert_eq!(Anchors::new(b"key two".to_vec()).verify(&issued), None);
        let (millis, signature) = issued.split_once('.').unwrap();
        let moved = format!("{}.{signature}", millis.parse::<i64>().unwrap() - 1000);
        assert_eq!(anchors.verify(&moved), None, "the time is signed");
        assert_eq!(anchors.verify("garbage"), None);
        assert_eq!(anchors.verify("12.zz"), None);
    }

    #[test]
    fn claims_are_granted_only_between_anchor_and_receipt() {
        let anchors = Anchors::new(b"k".to_vec());
        let received = at("2026-11-22T10:00:00Z");
        let anchor = anchors.issue(at("2026-11-21T08:00:00Z"));
        let claim = |claimed: &str, anchor: Option<&str>| {
            effective_time(Some(at(claimed)), anchor, received, &anchors)
        };
        assert_eq!(
            claim("2026-11-21T09:00:00Z", Some(&anchor)),
            (at("2026-11-21T09:00:00Z"), None)
        );
        assert_eq!(
            claim("2026-11-21T07:00:00Z", Some(&anchor)),
            (received, Some(Clamp::BeforeAnchor))
        );
        assert_eq!(
            claim("2026-11-23T09:00:00Z", Some(&anchor)),
            (received, Some(Clamp::AfterReceipt))
        );
        assert_eq!(
            claim("2026-11-21T09:00:00Z", None),
            (received, Some(Clamp::NoAnchor))
        );
        let old_anchor = anchors.issue(at("2026-11-18T08:00:00Z"));
        assert_eq!(
            claim("2026-11-19T09:00:00Z", Some(&old_anchor)),
            (received, Some(Clamp::OlderThanLimit))
        );
        let future_anchor = anchors.issue(at("2026-11-22T11:00:00Z"));
        assert_eq!(
            claim("2026-11-22T09:00:00Z", Some(&future_anchor)),
            (received, Some(Clamp::AnchorFromTheFuture))
        );
        assert_eq!(
            effective_time(None, Some(&anchor), received, &anchors),
            (received, None)
        );
    }
}
