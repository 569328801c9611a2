package id.go.dukcapil.ikd.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Picking the activation email out of the mail inbox's JSON ({@code GET /api/messages}, newest first). */
class ActivationMailTest {

    private static final String ADDRESS = "bagus.demo.4dbae8ea@example.id";

    @Test
    void takesPinAndLinkTokenFromTheNewestActivationMailToTheAddress() throws Exception {
        JsonNode inbox = new ObjectMapper().readTree("""
                [
                  {"number":3,"to":"someone.else@example.id","subject":"PIN aktivasi Identitas Kependudukan Digital",
                   "text":"PIN aktivasi: 111222\\nTautan aktivasi: http://localhost:8083/activate?t=other"},
                  {"number":2,"to":"bagus.demo.4dbae8ea@example.id","subject":"PIN aktivasi Identitas Kependudukan Digital",
                   "text":"Yth. Pemohon,\\n\\nPIN aktivasi: 783144\\nTautan aktivasi: http://localhost:8083/activate?t=03Li-kMqeAZ-pMKUao0Y9r_YRfVctvMBjI8fuKGCRQQ\\n"},
                  {"number":1,"to":"bagus.demo.4dbae8ea@example.id","subject":"Registrasi IKD diterima",
                   "text":"Registrasi Anda diterima.","html":null}
                ]
                """);

        DemoJourney.ActivationMail mail = DemoJourney.activationMail(inbox, ADDRESS).orElseThrow();

        assertThat(mail.pin()).isEqualTo("783144");
        assertThat(mail.linkToken()).isEqualTo("03Li-kMqeAZ-pMKUao0Y9r_YRfVctvMBjI8fuKGCRQQ");
        assertThat(mail.link()).isEqualTo("http://localhost:8083/activate?t=03Li-kMqeAZ-pMKUao0Y9r_YRfVctvMBjI8fuKGCRQQ");
        assertThat(mail.subject()).isEqualTo("PIN aktivasi Identitas Kependudukan Digital");
    }

    @Test
    void nothingWhileOnlyOtherMailHasArrived() throws Exception {
        JsonNode inbox = new ObjectMapper().readTree("""
                [{"number":1,"to":"bagus.demo.4dbae8ea@example.id","subject":"Registrasi IKD diterima","text":null}]
                """);

        assertThat(DemoJourney.activationMail(inbox, ADDRESS)).isEmpty();
    }
}
