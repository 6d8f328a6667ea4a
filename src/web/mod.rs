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

mod health;

pub use health::{HealthListener, figures};
