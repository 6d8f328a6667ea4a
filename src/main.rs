//! The `tandem` binary: the runtime, then the command line in [`tandem::cli`].

// matrix-sdk's futures are deep: laying out the one `tandem run` awaits needs a higher
// limit here (E0275), as in the integration tests.
#![recursion_limit = "256"]

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    tandem::cli::main().await
}
