package id.go.dukcapil.ikd.verification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReceiptReferenceTest {

    @Test
    void newReferencesArePrintableAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String reference = ReceiptReference.next();
            assertThat(reference).matches("IKD-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
            assertThat(ReceiptReference.parse(reference)).contains(reference);
            seen.add(reference);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void typedFromPaperCaseSpacesAndDashesAreForgiven() {
        assertThat(ReceiptReference.parse("ikd 7k3m q9tx 2bhc")).contains("IKD-7K3M-Q9TX-2BHC");
        assertThat(ReceiptReference.parse("7K3MQ9TX2BHC")).contains("IKD-7K3M-Q9TX-2BHC");
        assertThat(ReceiptReference.parse(" IKD-7K3M-Q9TX-2BHC ")).contains("IKD-7K3M-Q9TX-2BHC");
    }

    @Test
    void whatCannotBeAReferenceNeverReachesTheDatabase() {
        assertThat(ReceiptReference.parse(null)).isEmpty();
        assertThat(ReceiptReference.parse("")).isEmpty();
        assertThat(ReceiptReference.parse("IKD-7K3M-Q9TX")).isEmpty();            // too short
        assertThat(ReceiptReference.parse("IKD-7K3M-Q9TX-2BH0")).isEmpty();       // 0 is not in the alphabet
        assertThat(ReceiptReference.parse("IKD-7K3M-Q9TX-2BHI")).isEmpty();       // nor I
        assertThat(ReceiptReference.parse("IKD-7K3M-Q9TX-2BHC'--")).isEmpty();
        assertThat(ReceiptReference.parse("X".repeat(41))).isEmpty();
    }
}
