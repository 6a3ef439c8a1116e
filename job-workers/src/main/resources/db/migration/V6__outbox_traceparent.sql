-- W3C trace context of the transaction that recorded an event (version-traceid-spanid-flags,
-- 55 characters): the relay's publish span continues the order's trace from it.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(55);
