//! Time anchors: every authenticated response carries the server's time and the user it answered, signed
//! together with HMAC-SHA256. An event queued while offline may claim an earlier time only if it brings
//! an anchor issued to the same user, and only a time between that anchor and its receipt, at most
//! [`MAX_BACKDATE`] back. A client clock can therefore neither move an event forward nor back it further
//! than the last moment the server vouched that this user was in touch; an anchor is worth nothing to
//! anybody else (one posted publicly backs no one's claims but its owner's).

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

    fn hmac(&self, message: &[&[u8]]) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key length");
        for part in message {
            mac.update(part);
        }
        mac
    }

    fn mac(&self, user: &str, millis: i64) -> Hmac<Sha256> {
        let millis = millis.to_string();
        self.hmac(&[
            b"algovista-anchor-v2:",
            user.as_bytes(),
            b":",
            millis.as_bytes(),
        ])
    }

    /// The first form, `<unix milliseconds>.<hex HMAC>`, bound to no user, which earlier versions put on
    /// every response. Still recognised, so a client holding one is told why it no longer counts.
    fn unbound_mac(&self, millis: i64) -> Hmac<Sha256> {
        self.hmac(&[b"algovista-anchor-v1:", millis.to_string().as_bytes()])
    }

    /// `<unix milliseconds>.<user id>.<hex HMAC of both>` (user ids are hexadecimal, so the dots separate).
    pub fn issue(&self, user: &str, at: DateTime<Utc>) -> String {
        let millis = at.timestamp_millis();
        let signature = hex(&self.mac(user, millis).finalize().into_bytes());
        format!("{millis}.{user}.{signature}")
    }

    /// What an anchor vouches for, if this server signed it.
    pub fn verify(&self, anchor: &str) -> Verified {
        let parts: Vec<&str> = anchor.split('.').collect();
        let (millis, user, signature) = match parts[..] {
            [millis, signature] => (millis, None, signature),
            [millis, user, signature] => (millis, Some(user), signature),
            _ => return Verified::Invalid,
        };
        let (Ok(millis), Some(signature)) = (millis.parse::<i64>(), decode_hex(signature)) else {
            return Verified::Invalid;
        };
        let Some(at) = DateTime::from_timestamp_millis(millis) else {
            return Verified::Invalid;
        };
        let mac = match user {
            Some(user) => self.mac(user, millis),
            None => self.unbound_mac(millis),
        };
        match (mac.verify_slice(&signature), user) {
            (Err(_), _) => Verified::Invalid,
            (Ok(()), Some(user)) => Verified::Issued {
                user: user.to_owned(),
                at,
            },
            (Ok(()), None) => Verified::Unbound,
        }
    }
}

/// What [`Anchors::verify`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verified {
    /// Signed by this server for `user` at `at`.
    Issued { user: String, at: DateTime<Utc> },
    /// A genuine anchor of the first form, which names no user.
    Unbound,
    /// Not signed by this server, or not an anchor at all.
    Invalid,
}

/// Why a claimed time was not granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Clamp {
    NoAnchor,
    InvalidAnchor,
    /// Genuine, but issued to another user: anchors vouch for one user's contact only.
    AnchorOfAnotherUser,
    /// Genuine, but of the first form, which any response carried, unauthenticated ones included.
    UnboundAnchor,
    /// The anchor is later than the server's own time: it cannot have been issued yet.
    AnchorFromTheFuture,
    BeforeAnchor,
    AfterReceipt,
    OlderThanLimit,
}

/// The time an event of `user` counts at: `received` unless a claim is backed as described in the module
/// docs.
pub fn effective_time(
    claimed: Option<DateTime<Utc>>,
    anchor: Option<&str>,
    received: DateTime<Utc>,
    user: &str,
    anchors: &Anchors,
) -> (DateTime<Utc>, Option<Clamp>) {
    let Some(claimed) = claimed else {
        return (received, None);
    };
    let anchored = match anchor.map(|anchor| anchors.verify(anchor)) {
        None => Err(Clamp::NoAnchor),
        Some(Verified::Invalid) => Err(Clamp::InvalidAnchor),
        Some(Verified::Unbound) => Err(Clamp::UnboundAnchor),
        Some(Verified::Issued { user: owner, .. }) if owner != user => {
            Err(Clamp::AnchorOfAnotherUser)
        }
        Some(Verified::Issued { at, .. }) => Ok(at),
    };
    let verdict = match anchored {
        Err(clamp) => Err(clamp),
        Ok(anchored) if anchored > received => Err(Clamp::AnchorFromTheFuture),
        Ok(_) if claimed > received => Err(Clamp::AfterReceipt),
        Ok(anchored) if claimed < anchored => Err(Clamp::BeforeAnchor),
        Ok(_) if received - claimed > MAX_BACKDATE => Err(Clamp::OlderThanLimit),
        Ok(_) => Ok(claimed),
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
    fn anchors_verify_only_their_own_signature_of_time_and_user() {
        let anchors = Anchors::new(b"key one".to_vec());
        let issued = anchors.issue("u-1", at("2026-11-22T10:00:00Z"));
        assert_eq!(
            anchors.verify(&issued),
            Verified::Issued {
                user: "u-1".to_owned(),
                at: at("2026-11-22T10:00:00Z")
            }
        );
        assert_eq!(
            Anchors::new(b"key two".to_vec()).verify(&issued),
            Verified::Invalid
        );
        let (millis, rest) = issued.split_once('.').unwrap();
        let moved = format!("{}.{rest}", millis.parse::<i64>().unwrap() - 1000);
        assert_eq!(
            anchors.verify(&moved),
            Verified::Invalid,
            "the time is signed"
        );
        let renamed = issued.replace(".u-1.", ".u-2.");
        assert_eq!(
            anchors.verify(&renamed),
            Verified::Invalid,
            "the user is signed"
        );
        for garbage in ["garbage", "12.zz", "12.u.zz", "1.2.3.4", ""] {
            assert_eq!(anchors.verify(garbage), Verified::Invalid, "{garbage}");
        }
        let millis = at("2026-11-22T10:00:00Z").timestamp_millis();
        let unbound = format!(
            "{millis}.{}",
            hex(&anchors.unbound_mac(millis).finalize().into_bytes())
        );
        assert_eq!(anchors.verify(&unbound), Verified::Unbound);
    }

    #[test]
    fn claims_are_granted_only_between_anchor_and_receipt() {
        let anchors = Anchors::new(b"k".to_vec());
        let received = at("2026-11-22T10:00:00Z");
        let anchor = anchors.issue("me", at("2026-11-21T08:00:00Z"));
        let claim = |claimed: &str, anchor: Option<&str>| {
            effective_time(Some(at(claimed)), anchor, received, "me", &anchors)
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
        let theirs = anchors.issue("them", at("2026-11-21T08:00:00Z"));
        assert_eq!(
            claim("2026-11-21T09:00:00Z", Some(&theirs)),
            (received, Some(Clamp::AnchorOfAnotherUser))
        );
        let old_anchor = anchors.issue("me", at("2026-11-18T08:00:00Z"));
        assert_eq!(
            claim("2026-11-19T09:00:00Z", Some(&old_anchor)),
            (received, Some(Clamp::OlderThanLimit))
        );
        let future_anchor = anchors.issue("me", at("2026-11-22T11:00:00Z"));
        assert_eq!(
            claim("2026-11-22T09:00:00Z", Some(&future_anchor)),
            (received, Some(Clamp::AnchorFromTheFuture))
        );
        assert_eq!(
            effective_time(None, Some(&anchor), received, "me", &anchors),
            (received, None)
        );
    }
}
