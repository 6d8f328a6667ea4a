-- Transactions a Matrix homeserver pushed to Tandem in appservice mode, by the
-- registration's id and the transaction's (a homeserver numbers them per registration,
-- from 1), so that a transaction sent again (the homeserver did not see the answer) is
-- answered without being taken twice. Only the ids. Kept 30 days, as handled events are.
CREATE TABLE appservice_transactions (
    appservice   TEXT    NOT NULL,
    txn_id       TEXT    NOT NULL,
    received_at  BIGINT  NOT NULL,
    PRIMARY KEY (appservice, txn_id)
);
CREATE INDEX appservice_transactions_age ON appservice_transactions (received_at);
