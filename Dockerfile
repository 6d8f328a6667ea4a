# Tandem's container image: `tandem run` as a non-root user, its data in a volume.
#
#   docker build -t tandem .
#   docker run -d --name tandem \
#     -v /srv/tandem/etc:/etc/tandem:ro -v tandem-data:/var/lib/tandem \
#     --env-file /srv/tandem/secrets.env -p 127.0.0.1:9184:9184 tandem
#
# /etc/tandem holds the settings (tandem.toml) and the programmes (programs/); the settings
# name them with absolute paths (programmes_dir = "/etc/tandem/programs"). The secrets
# (TANDEM_CASE_KEY, TANDEM_DISCORD_TOKEN, TANDEM_MATRIX_PASSWORD, TANDEM_DATABASE_URL, …)
# come from the environment. See docs/operators.md, "In a container"; deploy/compose.yaml
# runs it with PostgreSQL.

# The build: both chat adapters, in release mode. The registry and the target directory
# are cache mounts, so a rebuild after a code change does not fetch or build every
# dependency again.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src src
COPY locales locales
COPY migrations migrations
COPY config config
COPY docs docs
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked \
    && cp target/release/tandem /usr/local/bin/tandem

# What runs: Debian's certificates for TLS and the fonts certificates and charts are drawn
# with (the packages graphics::DEFAULT_FONTS names), nothing else.
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       ca-certificates fonts-noto-core fonts-droid-fallback fonts-nanum fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --home-dir /var/lib/tandem --create-home tandem \
    && mkdir -p /etc/tandem
COPY --from=build /usr/local/bin/tandem /usr/local/bin/tandem
COPY config/programs/example.toml /usr/share/tandem/programs/example.toml
COPY config/tandem.example.toml /usr/share/tandem/tandem.example.toml
USER tandem
WORKDIR /var/lib/tandem
# SQLite, the Matrix store and the files Tandem keeps (data_dir "data", under here).
VOLUME ["/var/lib/tandem"]
# The health and metrics listener, when the settings turn it on ([server] listen =
# "0.0.0.0:9184" inside a container; publish it on the host's loopback only).
EXPOSE 9184
# `/healthz` answers 200 when the database, each platform, the outbox and the jobs are
# well; bash's /dev/tcp asks it without adding an HTTP client to the image. Without a
# listener configured the check fails: turn it on, or run with --no-healthcheck.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9184 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["tandem", "--config", "/etc/tandem/tandem.toml"]
CMD ["run"]
