//! `/healthz` and `/metrics` (see the module above).

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response, StatusCode};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tokio::net::TcpListener;

use super::reply;

use crate::domain::Platform;
use crate::platforms::adapter::Connection;
use crate::storage::Store;

/// An act due this long ago and still waiting means the dispatcher is stuck (it retries
/// at most every few minutes; a platform that refuses is retried for hours, but then the
/// act is not due).
const OUTBOX_STUCK_SECONDS: f64 = 600.0;
/// A job due this long ago and not run means the scheduler is stuck.
const JOBS_STUCK_SECONDS: f64 = 600.0;

/// The process's figures: one recorder for the whole process, installed at the first call.
pub fn figures() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new().build_recorder();
        let handle = recorder.handle();
        // Another recorder already installed (a test harness): figures then go there.
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// The listener, running until dropped.
pub struct HealthListener {
    task: tokio::task::JoinHandle<()>,
    /// Where it listens (the port chosen when `:0` was asked for).
    pub address: SocketAddr,
}

impl Drop for HealthListener {
    fn drop(&mut self) {
        self.task.abort();
    }
}

struct Served {
    store: Store,
    platforms: Vec<(Platform, Arc<dyn Connection>)>,
}

impl HealthListener {
    /// Listens on `address` and answers until dropped.
    pub async fn start(
        address: &str,
        store: Store,
        platforms: Vec<(Platform, Arc<dyn Connection>)>,
    ) -> anyhow::Result<HealthListener> {
        figures();
        let listener = TcpListener::bind(address)
            .await
            .map_err(|e| anyhow::anyhow!("[server] listen = {address:?}: {e}"))?;
        let address = listener.local_addr()?;
        tracing::info!(%address, "serving /healthz and /metrics");
        let served = Arc::new(Served { store, platforms });
        let task = super::serve(listener, served);
        Ok(HealthListener { task, address })
    }
}

impl super::Answer for Served {
    async fn answer(&self, request: Request<Incoming>) -> Response<Full<Bytes>> {
        if request.method() != hyper::Method::GET {
            return reply(
                StatusCode::METHOD_NOT_ALLOWED,
                "text/plain",
                "GET only\n".into(),
            );
        }
        match request.uri().path() {
            "/healthz" => self.health().await,
            "/metrics" => self.metrics().await,
            _ => reply(
                StatusCode::NOT_FOUND,
                "text/plain",
                "not found: /healthz or /metrics\n".into(),
            ),
        }
    }
}

impl Served {
    async fn health(&self) -> Response<Full<Bytes>> {
        let mut healthy = true;
        let database = match self.store.ping().await {
            Ok(()) => "ok".to_string(),
            Err(e) => {
                healthy = false;
                format!("unreachable: {e}")
            }
        };
        let mut platforms = serde_json::Map::new();
        for (platform, connection) in &self.platforms {
            let connected = connection.connected();
            healthy &= connected;
            platforms.insert(
                platform.to_string(),
                if connected {
                    "connected"
                } else {
                    "disconnected"
                }
                .into(),
            );
        }
        let backlog = self
            .store
            .backlog(chrono::Utc::now())
            .await
            .unwrap_or_default();
        let outbox_stuck = backlog.outbox_overdue_seconds > OUTBOX_STUCK_SECONDS;
        let jobs_stuck = backlog.jobs_overdue_seconds > JOBS_STUCK_SECONDS;
        healthy &= !outbox_stuck && !jobs_stuck;
        let body = serde_json::json!({
            "status": if healthy { "ok" } else { "unhealthy" },
            "database": database,
            "platforms": platforms,
            "outbox": {
                "pending": backlog.outbox_pending,
                "overdue_seconds": backlog.outbox_overdue_seconds,
                "stuck": outbox_stuck,
            },
            "jobs": {
                "overdue_seconds": backlog.jobs_overdue_seconds,
                "stuck": jobs_stuck,
            },
        });
        let status = if healthy {
            StatusCode::OK
        } else {
            StatusCode::SERVICE_UNAVAILABLE
        };
        reply(status, "application/json", format!("{body}\n"))
    }

    async fn metrics(&self) -> Response<Full<Bytes>> {
        if let Ok(backlog) = self.store.backlog(chrono::Utc::now()).await {
            metrics::gauge!("tandem_outbox_pending").set(backlog.outbox_pending as f64);
            metrics::gauge!("tandem_outbox_overdue_seconds").set(backlog.outbox_overdue_seconds);
            metrics::gauge!("tandem_jobs_overdue_seconds").set(backlog.jobs_overdue_seconds);
        }
        for (platform, connection) in &self.platforms {
            metrics::gauge!("tandem_platform_connected", "platform" => platform.to_string())
                .set(if connection.connected() { 1.0 } else { 0.0 });
        }
        reply(
            StatusCode::OK,
            "text/plain; version=0.0.4",
            figures().render(),
        )
    }
}
