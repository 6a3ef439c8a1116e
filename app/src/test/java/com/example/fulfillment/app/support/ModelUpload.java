package com.example.fulfillment.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Model files as {@code POST /api/admin/deployments} takes them (multipart/form-data, parts named
 * {@code resources}), and a newer order-fulfillment to deploy: the bundled model with another
 * version tag and documentation, so it behaves the same (the workers serve it as they are).
 */
public final class ModelUpload {

  public static final String BOUNDARY = "fm-model-upload-7d1a9c";
  public static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

  private ModelUpload() {}

  /** One part of the body: a file, or (fileName null) a plain field. */
  public record Part(String name, String fileName, byte[] content) {

    /** A part named {@code resources}, the name the endpoint reads. */
    public static Part resource(final String fileName, final byte[] content) {
      return new Part("resources", fileName, content);
    }
  }

  public static byte[] body(final List<Part> parts) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part part : parts) {
      write(out, "--" + BOUNDARY + "\r\n");
      write(
          out,
          "Content-Disposition: form-data; name=\""
              + part.name()
              + "\""
              + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"")
              + "\r\n");
      write(out, "Content-Type: application/octet-stream\r\n\r\n");
      out.writeBytes(part.content());
      write(out, "\r\n");
    }
    write(out, "--" + BOUNDARY + "--\r\n");
    return out.toByteArray();
  }

  /** The bundled order-fulfillment model (classpath {@code bpmn/order-fulfillment.bpmn}). */
  public static String bundledOrderFulfillment() {
    try (InputStream in =
        ModelUpload.class.getClassLoader().getResourceAsStream("bpmn/order-fulfillment.bpmn")) {
      if (in == null) {
        throw new IllegalStateException("bpmn/order-fulfillment.bpmn not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The bundled order-fulfillment with version tag {@code versionTag} and a changed documentation:
   * content the engine takes as a new version, with the same elements, job types and messages.
   */
  public static byte[] newerOrderFulfillment(final String versionTag) {
    final String bundled = bundledOrderFulfillment();
    final String tag = "<zeebe:versionTag value=\"2\" />";
    final String documentation = "<bpmn:documentation>An order from OrderReceived";
    if (!bundled.contains(tag) || !bundled.contains(documentation)) {
      throw new IllegalStateException("the bundled model changed: adapt ModelUpload");
    }
    return bundled
        .replace(tag, "<zeebe:versionTag value=\"" + versionTag + "\" />")
        .replaceFirst(
            documentation,
            "<bpmn:documentation>Version tag "
                + versionTag
                + " (deployed in a test). An order from OrderReceived")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void write(final ByteArrayOutputStream out, final String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
