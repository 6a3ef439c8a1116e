-- Event contracts (issue 20): every outbox row names the schema version of its data, so that two
-- versions of one fact (e.g. com.example.order.completed 1 and 2 during a migration window) are two
-- rows, each published with its own dataschema and routing key. Rows written before are version 1.
--
-- held_reason: the relay validates each event against its schema before publishing it; an event
-- that violates it is held here with the violations instead of being sent (and its order's later
-- events wait behind it, as after a failed publish). Clear it to let the relay try again.
--
-- Rolling upgrade: stop the relays of instances older than this migration first
-- (fulfillment.events.outbox.relay-enabled=false): they do not read schema_version and would send a
-- version 2 row as version 1.
--
-- data grows to 64 KB, the largest event the broker edge accepts: version 2 of the completed
-- event carries the order lines.
ALTER TABLE outbox_event ADD COLUMN schema_version INTEGER DEFAULT 1 NOT NULL CHECK (schema_version >= 1);
ALTER TABLE outbox_event ADD COLUMN held_reason VARCHAR(4000);
ALTER TABLE outbox_event ALTER COLUMN data SET DATA TYPE VARCHAR(65536);
