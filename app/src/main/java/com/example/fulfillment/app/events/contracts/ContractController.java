package com.example.fulfillment.app.events.contracts;

import com.example.fulfillment.app.web.ProblemResponse;
import com.example.fulfillment.common.Sha256;
import com.example.fulfillment.contracts.EventSchemas;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event contracts, public (a schema is no secret; consumers fetch it where {@code dataschema}
 * points): each JSON Schema at {@code /schemas/events/<type>/<version>} (also with {@code .json},
 * as the AsyncAPI document's relative {@code $ref}s name the files) and the AsyncAPI document at
 * {@code /asyncapi.yaml}. Served verbatim from the contracts module, with a strong ETag (SHA-256 of
 * the bytes): a schema changes only additively within its version, so a client revalidates.
 */
@RestController
@Tag(
    name = "Event contracts",
    description = "JSON Schemas of the CloudEvents' data and the AsyncAPI description (no key)")
@SecurityRequirements
class ContractController {

  static final MediaType SCHEMA_JSON = MediaType.parseMediaType(EventSchemas.MEDIA_TYPE);
  static final MediaType YAML = MediaType.parseMediaType("application/yaml");

  private static final Pattern VERSION = Pattern.compile("([1-9][0-9]{0,3})(\\.json)?");
  private static final CacheControl CACHE =
      CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

  /** By {@code <type>/<version>}. */
  private final Map<String, Served> schemas =
      EventSchemas.all().stream()
          .collect(
              Collectors.toUnmodifiableMap(
                  id -> id.type() + "/" + id.version(),
                  id -> Served.of(EventSchemas.read(id.type(), id.version()).orElseThrow())));

  private final Served asyncApi = Served.of(EventSchemas.asyncApi());

  /** A document's bytes and their strong ETag. */
  private record Served(byte[] bytes, String etag) {

    static Served of(final byte[] bytes) {
      return new Served(
          bytes,
          '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(bytes)) + '"');
    }

    /**
     * The document with its ETag: Spring MVC answers a matching If-None-Match ({@code *}, a list, a
     * weak form) with 304 itself.
     */
    ResponseEntity<byte[]> answer(final MediaType type) {
      return ResponseEntity.ok().contentType(type).eTag(etag).cacheControl(CACHE).body(bytes);
    }
  }

  @Operation(
      summary = "The JSON Schema of an event type's data in one version",
      description =
          "Where the dataschema attribute of every CloudEvent points. JSON Schema draft 2020-12,"
              + " served verbatim with a strong ETag; If-None-Match answers 304. Readable without"
              + " a key. The catalog: docs/events.md; all of them with the RabbitMQ edge:"
              + " /asyncapi.yaml.")
  @ProblemResponse(status = 404, description = "No schema of this type and version")
  @GetMapping(
      path = EventSchemas.PATH + "{type}/{version}",
      produces = {EventSchemas.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<byte[]> schema(
      @Parameter(example = "com.example.order.paid") @PathVariable final String type,
      @Parameter(description = "1, 2, … (a .json suffix is accepted)", example = "1") @PathVariable
          final String version) {
    final Matcher number = VERSION.matcher(version);
    final Served served = number.matches() ? schemas.get(type + "/" + number.group(1)) : null;
    if (served == null) {
      throw new SchemaNotFoundException(label(type), label(version));
    }
    return served.answer(SCHEMA_JSON);
  }

  @Operation(
      summary = "The AsyncAPI 3.0 description of the RabbitMQ edge",
      description =
          "The exchange, the routing keys per event type and version, the inbound, retry and"
              + " dead-letter queues, and every message with its CloudEvents attributes and $refs"
              + " to the JSON Schemas above. Strong ETag, If-None-Match answers 304. No key.")
  @GetMapping(path = "/" + EventSchemas.ASYNCAPI, produces = "application/yaml")
  ResponseEntity<byte[]> asyncApi() {
    return asyncApi.answer(YAML);
  }

  /** Untrusted path text in a problem's detail: bounded and printable. */
  private static String label(final String text) {
    final String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
    return printable.length() <= 100 ? printable : printable.substring(0, 100) + "…";
  }
}
