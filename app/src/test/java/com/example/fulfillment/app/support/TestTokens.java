package com.example.fulfillment.app.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A local token issuer for the tests: an RSA key generated here, no network. The app under test
 * trusts its public key ({@link #decoder()}), as it trusts an issuer's JWK set in production.
 */
public final class TestTokens {

  private final KeyPair keys;

  public TestTokens() {
    try {
      final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.keys = generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public JwtDecoder decoder() {
    return NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
  }

  /** A token for {@code subject} with these scopes ({@code scope}, space-separated), 5 min. */
  public String token(final String subject, final String... scopes) {
    return sign(keys, subject, Instant.now().plus(Duration.ofMinutes(5)), scopes);
  }

  public String expired(final String subject, final String... scopes) {
    return sign(keys, subject, Instant.now().minus(Duration.ofMinutes(10)), scopes);
  }

  /** The same claims signed by a key the app does not trust. */
  public static String untrusted(final String subject, final String... scopes) {
    return sign(new TestTokens().keys, subject, Instant.now().plus(Duration.ofMinutes(5)), scopes);
  }

  private static String sign(
      final KeyPair keys, final String subject, final Instant expiresAt, final String... scopes) {
    final RSAKey jwk =
        new RSAKey.Builder((RSAPublicKey) keys.getPublic())
            .privateKey((RSAPrivateKey) keys.getPrivate())
            .keyID("test")
            .build();
    final NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
    return encoder
        .encode(
            JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId("test").build(),
                JwtClaimsSet.builder()
                    .issuer("urn:test-issuer")
                    .subject(subject)
                    .issuedAt(expiresAt.minus(Duration.ofMinutes(15)))
                    .expiresAt(expiresAt)
                    .claim("scope", String.join(" ", List.of(scopes)))
                    .build()))
        .getTokenValue();
  }
}
