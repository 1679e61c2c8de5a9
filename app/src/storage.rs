//! The browser's local storage (gloo-storage, JSON values) under versioned keys. A stored value this version cannot read (corrupted,
//! or written in another shape by an older version) is never silently dropped: it moves to
//! `<key>.unreadable`, and the page says once what it set aside ([`on_set_aside`]).

use std::cell::RefCell;

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::Serialize;
use serde::de::DeserializeOwned;

type Listener = Box<dyn Fn(String)>;

thread_local! {
    static SET_ASIDE: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
}

/// Whom to tell when something is set aside (the page's notices); what was set aside before is told at once.
pub fn on_set_aside(listener: Option<Listener>) {
    LISTENER.set(listener);
    let earlier = SET_ASIDE.with_borrow_mut(std::mem::take);
    for what in earlier {
        tell(what);
    }
}

fn tell(what: &'static str) {
    let told = LISTENER.with_borrow(|listener| {
        listener.as_ref().map(|listener| {
            listener(format!(
                "Stored data this version cannot read was set aside, not used: {what}. \
                 Everything else is as you left it."
            ))
        })
    });
    if told.is_none() {
        SET_ASIDE.with_borrow_mut(|list| list.push(what));
    }
}

/// The value under `key`, or `None` if there is none or it was unreadable (then set aside as `what`).
pub fn load<T: DeserializeOwned>(key: &str, what: &'static str) -> Option<T> {
    match LocalStorage::get(key) {
        Ok(value) => Some(value),
        Err(StorageError::SerdeError(_)) => {
            let raw = LocalStorage::raw();
            if let Ok(Some(text)) = raw.get_item(key) {
                let _ = raw.set_item(&format!("{key}.unreadable"), &text);
            }
            LocalStorage::delete(key);
            tell(what);
            None
        }
        // Absent, or storage disabled (private browsing): the page works on without it.
        Err(_) => None,
    }
}

/// Writes `value` under `key`; false if storage is full or disabled (the page works on without it).
pub fn save<T: Serialize>(key: &str, value: &T) -> bool {
    LocalStorage::set(key, value).is_ok()
}

pub fn remove(key: &str) {
    LocalStorage::delete(key);
}
