//! The Matrix adapter (feature `matrix`).
//!
//! Not built yet: this module marks where the matrix-sdk adapter goes (encrypted DMs, pair
//! rooms, idempotent sends with transaction ids), tested against a real Synapse. Until then
//! `tandem run` explains that Matrix is not available in this version.

/// Whether this build can connect to Matrix.
pub const AVAILABLE: bool = false;
