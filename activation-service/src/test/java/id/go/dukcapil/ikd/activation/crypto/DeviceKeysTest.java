package id.go.dukcapil.ikd.activation.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.activation.support.Device;
import id.go.dukcapil.ikd.events.EventJson;

class DeviceKeysTest {

    private final DeviceKeys keys = new DeviceKeys(EventJson.newObjectMapper());
    private final Device device = Device.generate();

    @Test
    void acceptsAnEs256SignatureOfTheDeviceOverTheNonce() {
        assertThat(keys.signedBy(device.sign("nonce-1"), "nonce-1", device.publicJwk())).isTrue();
    }

    @Test
    void refusesOtherDevicesOtherPayloadsAndOtherAlgorithms() {
        assertThat(keys.signedBy(Device.generate().sign("nonce-1"), "nonce-1", device.publicJwk())).isFalse();
        assertThat(keys.signedBy(device.sign("nonce-2"), "nonce-1", device.publicJwk())).isFalse();

        String[] parts = device.sign("nonce-1").split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String none = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(keys.signedBy(none + "." + parts[1] + ".", "nonce-1", device.publicJwk())).isFalse();
        assertThat(keys.signedBy(none + "." + parts[1] + "." + parts[2], "nonce-1", device.publicJwk())).isFalse();
        assertThat(keys.signedBy("garbage", "nonce-1", device.publicJwk())).isFalse();
        assertThat(keys.signedBy(null, "nonce-1", device.publicJwk())).isFalse();
    }

    @Test
    void onlyP256KeysAreDeviceKeys() {
        assertThatThrownBy(() -> DeviceKeys.parse("{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DeviceKeys.thumbprint(device.publicJwk())).matches("[A-Za-z0-9_-]{43}");
    }
}
