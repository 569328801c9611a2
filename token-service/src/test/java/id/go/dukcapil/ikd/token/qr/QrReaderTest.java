package id.go.dukcapil.ikd.token.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import id.go.dukcapil.ikd.token.service.PictureQrReader;
import id.go.dukcapil.ikd.web.images.ImageGuard;
import id.go.dukcapil.ikd.web.images.ImagePolicy;

/**
 * Photos of a clean QR code of the credential's size (version 10-M, alphanumeric) that ZXing's
 * finder search misses: found among 400 made from seeded random texts as {@link QrPhotos} makes
 * the verifier page test's photo, decoded by the platform's ImageGuard with the page's policy (at
 * half size). About 2 in 100 such photos are missed by the search; each is read on the picture
 * turned a quarter.
 */
class QrReaderTest {

    /** The verifier page's picture policy with token-service's defaults: a 2400-px photo is decoded at half size. */
    private static final ImagePolicy PAGE = PictureQrReader.pagePolicy(4096, 4_194_304, 1600);

    @ParameterizedTest
    @ValueSource(strings = {
            "RSG$AGK/AI*$X*/Q:0MF*51N*SNV*COPXORF0-*G$UGLUFTD$*3C27A6NNP/7CS9-S0DOQ/XUD2GQAUW-KT.ZQ:7S67-EL34TKW-H$ 8/4%/$/+:HKMY4VMSESC8I747FVT2O4DW AMGOR%8 SSZD$NVN4HSKDXJJ%CBRQ3MOVW$ND4-58YHJK+V0*QGY-OTZ6RUAY2X B7Y$-DWHIL.4G0:*$BKLMMLYP9RU*S-V+XFZP/Y2C8M+1/1PA4KRUZCLQU+$:7LEU1BT78Q22XOV76X Y3QM7Q1W0",
            "M$BV.W1TEFF$-RBR-DEBZ:H+F2YN*7G.56D4SZZ7SC780X/X626101-VCPPOE.-5:7:90C$Y:RYI0PR/P:7VH-U+1FW BLX-SI/IA:OYWI1FV.9*V/-RAI 8/Y7SU9JP906N4PHG3J N.M6S.AG P5SEYU-R7U0E*PI+XD%FJWD7V3 I2KK%O-5YI%:MH+EYCIK$:3G7R2SZQU:-1B- 67:O4RCJ*0ENXM:3T85S68*J$4EIMZEP3XLAP% 5N3S573/IKJBO VUP4:RF4Q7OMV6MV8E7KCQYYE",
            "MCXZ09D%W3.B92759 WJA*Q-$.6076.-M+YH9H18/G%P6H4 $3F61-W14CYYQ2D5BAUU2$*-O.3:09:VRM9XF.0/LVI-+7GHVVM%2+YRQ/VCK:9GA9YFZAER4N:HCQ-2D8Y W6 USB+06R%1H XSJJ5VGO Y.75$*:4AJ W 8H::I.%GEL+ORKE8J8K:X0FKH5DU48QTVTCL7XW$%%5*J-T.CKURXF3Z$WHOBBC.EIK/LDW1VH8*/O8 :B1NILVGPRIV2RK7R*WVUPD84Y-Z*I36HKFSDL:X-D",
            "QY+RVJBGLTF0 5M122OTXF2SDD8L/R3--0H/WXE.7 AYE-QGYIXQE-GSQJCZEXSM YA1$ZCS60WPR119F476JV:I191PL 7%6/8EG%KA9DH1-UW2IP.0-1.*V%WW3C.T+E0A$E49TLJY7JR6IGV0NYQ.+BKQTKT*0/-WCO1YTHZ-PQAP:BRMJN0F7%9H0MN2UG.Y1UV4Y9Z3C:5*P8PRFAK-Z/LCFD4VS+S RFQC8Q585FQ0/VH/Q73T4LQ$2SBU08Z4ZRGKBVRV6$22D16UMGV:MT.8-4P.JF" })
    void aPhotoTheFinderSearchMissesIsReadTurnedAQuarter(String text) throws IOException {
        QrCodes.Matrix code = QrCodes.encode(text);
        assertThat(code.version()).isEqualTo(10);
        LuminanceSource photo = photoOf(code);

        assertThatThrownBy(() -> new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(photo)),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.POSSIBLE_FORMATS,
                        List.of(BarcodeFormat.QR_CODE))))
                .as("ZXing's search alone misses this photo (if a new ZXing reads it, pick photos it misses)")
                .isInstanceOf(ReaderException.class);
        assertThat(QrReader.read(photo)).contains(text);
    }

    private static LuminanceSource photoOf(QrCodes.Matrix code) throws IOException {
        BufferedImage qr = ImageIO.read(new ByteArrayInputStream(QrCodes.png(code, 4)));
        return new BufferedImageLuminanceSource(ImageGuard.decode(QrPhotos.jpegOf(qr), PAGE).image());
    }
}
