package com.example.fulfillment.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, which every Java platform has: no checked exception at the call sites. */
public final class Sha256 {

  private Sha256() {}

  public static byte[] of(final byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The digest in lower-case hex. */
  public static String hex(final byte[] content) {
    return HexFormat.of().formatHex(of(content));
  }
}
