package io.trackingsystem.operator.dependent;

import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyMaterialTest {

  @Test
  void generatesMatchingP256KeysInPem() throws Exception {
    var pems = KeyMaterial.jwtKeyPair("private.pem", "public.pem");
    var factory = KeyFactory.getInstance("EC");
    var privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(der(pems.get("private.pem"), "PRIVATE KEY")));
    var publicKey = (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(der(pems.get("public.pem"), "PUBLIC KEY")));

    var signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(privateKey);
    signer.update("token".getBytes());
    var signature = signer.sign();
    var verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(publicKey);
    verifier.update("token".getBytes());

    assertThat(verifier.verify(signature)).isTrue();
    assertThat(publicKey.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
  }

  @Test
  void generatesUrlSafePasswords() {
    var password = KeyMaterial.password();

    assertThat(password).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(KeyMaterial.password());
  }

  private static byte[] der(String pem, String type) {
    assertThat(pem).startsWith("-----BEGIN " + type + "-----\n").endsWith("-----END " + type + "-----\n");
    var body = pem.replace("-----BEGIN " + type + "-----", "").replace("-----END " + type + "-----", "");
    return Base64.getMimeDecoder().decode(body);
  }
}
