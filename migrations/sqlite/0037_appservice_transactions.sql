-- Transactions a Matrix homeserver pushed to Tandem in appservice mode, by their id, so
-- that a transaction sent again (the homeserver did not see the answer) is answered
-- without being taken twice. Only the ids. Kept 30 days, as handled events are.
CREATE TABLE appservice_transactions (
    txn_id       TEXT    NOT NULL PRIMARY KEY,
    received_at  BIGINT  NOT NULL
);
CREATE INDEX appservice_transactions_age ON appservice_transactions (received_at);
