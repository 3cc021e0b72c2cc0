package dev.parley.test;

import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/** Trusts any certificate: the tests' certificates are self-signed, made at test time. */
public final class TrustAll implements X509TrustManager {
  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
