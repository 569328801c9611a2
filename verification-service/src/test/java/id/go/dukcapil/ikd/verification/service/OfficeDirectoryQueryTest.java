package id.go.dukcapil.ikd.verification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.verification.domain.OfficeChannel;
import id.go.dukcapil.ikd.verification.domain.OfficeChannel.Kind;

/** How a typed search and a published channel are read. */
class OfficeDirectoryQueryTest {

    @Test
    void areaCodesAreTypedWithOrWithoutDots() {
        assertThat(OfficeDirectory.areaCode("63")).isEqualTo("63");
        assertThat(OfficeDirectory.areaCode("6305")).isEqualTo("63.05");
        assertThat(OfficeDirectory.areaCode(" 63.05.04 ")).isEqualTo("63.05.04");
        assertThat(OfficeDirectory.areaCode("352417")).isEqualTo("35.24.17");
        assertThat(OfficeDirectory.areaCode("")).isNull();
        assertThatThrownBy(() -> OfficeDirectory.areaCode("635")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfficeDirectory.areaCode("6305041708850001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfficeDirectory.areaCode("63' or 1=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTypedNameMatchesLiterally() {
        assertThat(OfficeDirectory.namePattern("kec  bagor")).isEqualTo("%kec%bagor%");
        assertThat(OfficeDirectory.namePattern("100%_x")).isEqualTo("%100\\%\\_x%");
        assertThat(OfficeDirectory.namePattern(" ")).isNull();
    }

    @Test
    void channelsOpenWhereTheirKindDoes() {
        assertThat(new OfficeChannel(Kind.WHATSAPP, "0858-9943-4853", "Iwan").link()).isEqualTo("https://wa.me/6285899434853");
        assertThat(new OfficeChannel(Kind.PHONE, "0517-32454", null).link()).isEqualTo("tel:+6251732454");
        assertThat(new OfficeChannel(Kind.PHONE, "1500537", "Halo Dukcapil").link()).isEqualTo("tel:1500537");
        assertThat(new OfficeChannel(Kind.INSTAGRAM, "@disdukcapiltapin", null).link())
                .isEqualTo("https://www.instagram.com/disdukcapiltapin/");
        assertThat(new OfficeChannel(Kind.TIKTOK, "@kecamatan.bagor", null).link()).isEqualTo("https://www.tiktok.com/@kecamatan.bagor");
        assertThat(new OfficeChannel(Kind.EMAIL, "bagorkecamatan501@gmail.com", null).link())
                .isEqualTo("mailto:bagorkecamatan501@gmail.com");
        assertThat(new OfficeChannel(Kind.SUGGESTION_BOX, "Di kantor", null).link()).isNull();
    }
}
