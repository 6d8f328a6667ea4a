//! A small table kept in memory and read from the database again now and then
//! ([`Kept`]): what every message asks (linked accounts, chosen languages), so it is not
//! read per message.
//!
//! This process changes its copy as soon as a step that changes the table commits
//! ([`Kept::change`], before that step's messages go out); what another process sharing
//! the database did is read again at most [`REFRESH`] later.

use std::future::Future;
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

use tracing::warn;

/// How old the copy may be before the next use reads it again.
pub const REFRESH: Duration = Duration::from_secs(10);

pub struct Kept<T> {
    state: RwLock<State<T>>,
}

struct State<T> {
    value: T,
    read_at: Option<Instant>,
    /// Counts the changes taken in by [`Kept::change`]: a read begun before one does not
    /// replace the copy (it would undo the change), and the next use reads again.
    changes: u64,
}

impl<T: Default> Default for Kept<T> {
    fn default() -> Self {
        Kept {
            state: RwLock::new(State {
                value: T::default(),
                read_at: None,
                changes: 0,
            }),
        }
    }
}

impl<T> Kept<T> {
    fn state(&self) -> RwLockReadGuard<'_, State<T>> {
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    fn state_mut(&self) -> RwLockWriteGuard<'_, State<T>> {
        self.state.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Reads the table again with `read` if the copy is older than [`REFRESH`] (or was
    /// never read). A failed read keeps the copy (and is tried again at the next use).
    pub async fn fresh<F, Fut>(&self, what: &str, read: F)
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = crate::error::Result<T>>,
    {
        if self
            .state()
            .read_at
            .is_some_and(|at| at.elapsed() < REFRESH)
        {
            return;
        }
        let changes = self.state().changes;
        match read().await {
            Ok(value) => {
                let mut current = self.state_mut();
                if current.changes == changes {
                    *current = State {
                        value,
                        read_at: Some(Instant::now()),
                        changes,
                    };
                }
            }
            Err(e) => warn!("reading the {what} failed (kept as they were): {e:#}"),
        }
    }

    /// Looks at the copy.
    pub fn with<R>(&self, look: impl FnOnce(&T) -> R) -> R {
        look(&self.state().value)
    }

    /// Changes the copy as a step just committed did.
    pub fn change(&self, edit: impl FnOnce(&mut T)) {
        let mut state = self.state_mut();
        state.changes += 1;
        edit(&mut state.value);
    }
}
