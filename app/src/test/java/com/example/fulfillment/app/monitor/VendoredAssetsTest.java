package com.example.fulfillment.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The vendored bpmn-js files are exactly what {@code app/scripts/vendor-bpmn-js.sh} took from the
 * npm package (SHA256SUMS), nothing edited by hand, and the license that requires the bpmn.io
 * watermark ships with them.
 */
class VendoredAssetsTest {

  private static final String DIR = "static/monitor/vendor/bpmn-js/";

  @Test
  void vendoredFilesMatchTheirChecksums() throws Exception {
    final String sums = read("SHA256SUMS");
    assertThat(sums.lines()).hasSize(5);
    for (String line : sums.lines().toList()) {
      final String[] parts = line.split("\\s+", 2);
      assertThat(sha256(bytes(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
    }
    assertThat(read("LICENSE")).contains("watermark");
    assertThat(read("VERSION").strip()).matches("\\d+\\.\\d+\\.\\d+");
  }

  private static String read(final String name) throws IOException {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(final String name) throws IOException {
    try (InputStream in =
        VendoredAssetsTest.class.getClassLoader().getResourceAsStream(DIR + name)) {
      assertThat(in).as(DIR + name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static String sha256(final byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
