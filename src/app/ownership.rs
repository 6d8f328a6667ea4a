//! One process per platform connection: the lease `platform:<name>` in the database.
//!
//! Several `tandem run` processes may share one PostgreSQL database: one per platform, and
//! any number of standbys. Before connecting, a process takes its platform's lease; while
//! another process holds it, it waits (a hot standby: configured, migrated, not
//! connected) and asks again every third of the lease. The holder renews at the same
//! pace. When the holder dies it stops renewing, and a standby takes over once the lease
//! has run out (30 s by default, `TANDEM_PLATFORM_LEASE_SECONDS`). A holder that cannot
//! renew in time (its database was unreachable, or it was paused) must stop at once:
//! someone else may already serve the platform, and two connections would answer every
//! message twice. On a clean stop the lease is given back, so a standby need not wait.
//! A process that takes the lease first frees the platform's acts and jobs that the
//! previous holder had claimed and not finished, so nothing waits for their leases.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use tokio::sync::Notify;
use tracing::{error, info, warn};

use crate::domain::Platform;
use crate::storage::Store;

/// The lease's length unless `TANDEM_PLATFORM_LEASE_SECONDS` says otherwise (3 to 600).
pub const DEFAULT_LEASE: Duration = Duration::from_secs(30);

/// The lease length to use, from the environment.
pub fn lease_length() -> Duration {
    std::env::var("TANDEM_PLATFORM_LEASE_SECONDS")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(|s| Duration::from_secs(s.clamp(3, 600)))
        .unwrap_or(DEFAULT_LEASE)
}

/// A held platform lease, renewed in the background until [`PlatformLease::release`].
pub struct PlatformLease {
    store: Store,
    name: String,
    holder: String,
    stop: Arc<Notify>,
    renewer: tokio::task::JoinHandle<()>,
}

/// What asking for a platform's lease takes: its name, this process's name as its holder
/// (the same on every renewal), how long a taking lasts, and how often it is renewed.
#[derive(Clone)]
struct Ask {
    name: String,
    holder: String,
    span: chrono::Duration,
    pause: Duration,
}

impl Ask {
    fn new(platform: Platform, length: Duration) -> anyhow::Result<Ask> {
        Ok(Ask {
            name: format!("platform:{platform}"),
            holder: format!("tandem-{}-{}", std::process::id(), super::unique_tag()),
            span: chrono::Duration::from_std(length)?,
            pause: length / 3,
        })
    }

    /// Takes (or renews) the lease now, if nobody else holds it.
    async fn take(&self, store: &Store) -> anyhow::Result<bool> {
        let now = Utc::now();
        store
            .take_lease(&self.name, &self.holder, now, now + self.span)
            .await
    }
}

impl PlatformLease {
    /// Waits until this process holds `platform`'s lease (as a standby while another
    /// holds it), then keeps it renewed. `on_lost` is called if it cannot be kept: the
    /// process must then stop serving at once.
    pub async fn acquire(
        store: Store,
        platform: Platform,
        length: Duration,
        on_lost: impl Fn() + Send + Sync + 'static,
    ) -> anyhow::Result<PlatformLease> {
        let ask = Ask::new(platform, length)?;
        let mut said = false;
        loop {
            match ask.take(&store).await {
                Ok(true) => break,
                Ok(false) => {
                    if !said {
                        let current = store.lease_holder(&ask.name).await.ok().flatten();
                        info!(
                            platform = %platform,
                            holder = current.as_ref().map(|(h, _)| h.as_str()).unwrap_or("?"),
                            "another process serves {platform}: waiting as a standby to take over"
                        );
                        said = true;
                    }
                }
                Err(e) => warn!("asking for the {platform} lease failed: {e:#}; asking again"),
            }
            tokio::time::sleep(ask.pause).await;
        }
        Ok(Self::held(store, platform, ask, on_lost).await)
    }

    /// [`PlatformLease::acquire`], asking once: `None` when another process holds it.
    pub async fn try_acquire(
        store: Store,
        platform: Platform,
        length: Duration,
        on_lost: impl Fn() + Send + Sync + 'static,
    ) -> anyhow::Result<Option<PlatformLease>> {
        let ask = Ask::new(platform, length)?;
        if !ask.take(&store).await? {
            return Ok(None);
        }
        Ok(Some(Self::held(store, platform, ask, on_lost).await))
    }

    /// A lease just taken: what the previous holder left is taken up, and it is renewed
    /// until released (or `on_lost` is called when it cannot be).
    async fn held(
        store: Store,
        platform: Platform,
        ask: Ask,
        on_lost: impl Fn() + Send + Sync + 'static,
    ) -> PlatformLease {
        info!(platform = %platform, holder = %ask.holder, "this process now serves {platform}");
        // What the previous holder was carrying out is this process's now.
        match store.reclaim_platform(platform).await {
            Ok(0) => {}
            Ok(n) => info!(
                platform = %platform,
                "took up {n} acts and jobs the previous process left unfinished"
            ),
            Err(e) => warn!(
                "taking up what the previous process left failed ({e:#}); it waits for its leases"
            ),
        }
        let stop = Arc::new(Notify::new());
        let renewer = {
            let (store, ask, stop) = (store.clone(), ask.clone(), stop.clone());
            tokio::spawn(async move {
                let name = &ask.name;
                let mut held_until = Utc::now() + ask.span;
                loop {
                    tokio::select! {
                        _ = tokio::time::sleep(ask.pause) => {}
                        _ = stop.notified() => return,
                    }
                    let now = Utc::now();
                    match ask.take(&store).await {
                        Ok(true) => held_until = now + ask.span,
                        Ok(false) => {
                            error!("another process has taken over {name}: stopping");
                            on_lost();
                            return;
                        }
                        Err(e) if Utc::now() < held_until => {
                            warn!("renewing {name} failed: {e:#}; trying again")
                        }
                        Err(e) => {
                            error!("could not renew {name} before it ran out ({e:#}): stopping");
                            on_lost();
                            return;
                        }
                    }
                }
            })
        };
        PlatformLease {
            store,
            name: ask.name,
            holder: ask.holder,
            stop,
            renewer,
        }
    }

    /// Stops renewing without giving the lease back: what a crash does (for tests of the
    /// standby taking over).
    pub fn abandon(self) {
        self.renewer.abort();
    }

    /// Stops renewing and gives the lease back.
    pub async fn release(self) {
        self.stop.notify_one();
        let _ = self.renewer.await;
        if let Err(e) = self.store.release_lease(&self.name, &self.holder).await {
            warn!("giving back {} failed: {e:#}", self.name);
        }
    }
}
