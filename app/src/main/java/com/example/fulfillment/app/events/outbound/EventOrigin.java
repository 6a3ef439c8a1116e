package com.example.fulfillment.app.events.outbound;

import java.net.URI;
import java.util.function.Function;

/**
 * Where the published events come from: their {@code source}, and the {@code dataschema} URI of
 * each type (the version the outbox writes, served by the app: {@code DataSchemas}).
 */
public record EventOrigin(String source, Function<String, URI> dataSchemaOf) {}
