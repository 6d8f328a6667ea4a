-- Who has read which of a programme's resources (`done <n>`, or the acknowledgement that
-- names it): one row a person and resource, kept until the person is erased.
CREATE TABLE resource_reads (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    programme TEXT NOT NULL,
    resource TEXT NOT NULL,
    read_at BIGINT NOT NULL,
    PRIMARY KEY (platform, user_id, programme, resource)
);
CREATE INDEX resource_reads_programme ON resource_reads (programme);
