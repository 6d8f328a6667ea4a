//! The operators' HTTP listener of `tandem run` (`[server] listen`), off unless configured:
//! `GET /healthz` says whether the bot can do its work (the database answers, each
//! platform is connected, the outbox and the jobs are not stuck), as JSON, 200 or 503;
//! `GET /metrics` gives the figures in Prometheus' text format.
//!
//! The figures are kept with the `metrics` crate wherever they happen (`metrics::counter!`
//! and `histogram!` in the app and the platforms; names start with `tandem_`); the
//! backlog's gauges are read from the database when scraped. To add a figure: record it
//! where it happens, and say what it means in the operators' guide.
//!
//! Nothing personal is served here: counts and durations only.
//!
//! [`serve`] is the HTTP loop any listener of the process uses (the Matrix appservice's
//! too): implement [`Answer`] for what answers.

mod health;

pub use health::{HealthListener, figures};

use std::convert::Infallible;
use std::sync::Arc;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response, StatusCode};
use tokio::net::TcpListener;

/// What answers the requests of a listener [`serve`]s.
pub(crate) trait Answer: Send + Sync + 'static {
    fn answer(
        &self,
        request: Request<Incoming>,
    ) -> impl Future<Output = Response<Full<Bytes>>> + Send;
}

/// Connections served at once: more wait to be accepted, so that slow or idle clients
/// cannot take the file descriptors the database and the chat platforms need.
const MAX_CONNECTIONS: usize = 64;

/// How long a client may take to send a request's headers; a connection is closed after
/// ten times that, kept alive or not.
const CLIENT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// Serves HTTP/1 on `listener`, each request answered by `answerer`, until the returned
/// task is aborted.
pub(crate) fn serve<A: Answer>(
    listener: TcpListener,
    answerer: Arc<A>,
) -> tokio::task::JoinHandle<()> {
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    tokio::spawn(async move {
        loop {
            let Ok(slot) = slots.clone().acquire_owned().await else {
                return;
            };
            let Ok((stream, _)) = listener.accept().await else {
                // Out of file descriptors, say: wait rather than spin.
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                continue;
            };
            let answerer = answerer.clone();
            tokio::spawn(async move {
                let _slot = slot;
                let service = hyper::service::service_fn(move |request| {
                    let answerer = answerer.clone();
                    async move { Ok::<_, Infallible>(answerer.answer(request).await) }
                });
                let io = hyper_util::rt::TokioIo::new(stream);
                let connection = hyper::server::conn::http1::Builder::new()
                    .timer(hyper_util::rt::TokioTimer::new())
                    .header_read_timeout(CLIENT_TIMEOUT)
                    .serve_connection(io, service);
                let _ = tokio::time::timeout(CLIENT_TIMEOUT * 10, connection).await;
            });
        }
    })
}

/// A response of `status` with `body` of the content type `kind`.
pub(crate) fn reply(status: StatusCode, kind: &str, body: String) -> Response<Full<Bytes>> {
    Response::builder()
        .status(status)
        .header("content-type", kind)
        .body(Full::new(Bytes::from(body)))
        .expect("a well-formed response")
}
