-- Webhook messages accepted on POST /api/events, by their Standard Webhooks id: a replayed id is
-- refused. Rows older than twice the replay window are deleted (a timestamp that old is refused).
CREATE TABLE webhook_delivery (
  webhook_id VARCHAR(200) PRIMARY KEY,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_delivery_received_at ON webhook_delivery (received_at);
