package id.go.dukcapil.ikd.verification.domain;

import java.util.Locale;

/**
 * One way an office takes questions and complaints (pengaduan), as its SOP publishes it.
 *
 * @param value the number, address, handle, email or URL as published
 * @param label who or what it is, when the SOP names it ("iwan", "Lapor Kand4"), else null
 */
public record OfficeChannel(Kind kind, String value, String label) {

    public enum Kind {
        IN_PERSON("Tatap muka", "In person"),
        LETTER("Surat", "Letter"),
        PHONE("Telepon", "Phone"),
        WHATSAPP("WhatsApp", "WhatsApp"),
        EMAIL("Email", "Email"),
        INSTAGRAM("Instagram", "Instagram"),
        TIKTOK("TikTok", "TikTok"),
        FACEBOOK("Facebook", "Facebook"),
        TWITTER("X (Twitter)", "X (Twitter)"),
        WEBSITE("Situs web", "Website"),
        LAPOR("SP4N-LAPOR! (lapor.go.id)", "SP4N-LAPOR! (lapor.go.id)"),
        SUGGESTION_BOX("Kotak saran dan aduan", "Suggestion and complaint box");

        private final String nameId;
        private final String nameEn;

        Kind(String nameId, String nameEn) {
            this.nameId = nameId;
            this.nameEn = nameEn;
        }

        public String nameId() {
            return nameId;
        }

        public String nameEn() {
            return nameEn;
        }
    }

    /** Where a browser can open the channel (tel:, wa.me, mailto:, the account's page), or null. */
    public String link() {
        String digits = value.replaceAll("[^0-9]", "");
        String handle = value.strip().replaceFirst("^@", "");
        return switch (kind) {
            case PHONE -> "tel:" + (digits.startsWith("0") && digits.length() > 6 ? "+62" + digits.substring(1) : digits);
            case WHATSAPP -> digits.startsWith("0") ? "https://wa.me/62" + digits.substring(1) : "https://wa.me/" + digits;
            case EMAIL -> "mailto:" + value.strip();
            case INSTAGRAM -> "https://www.instagram.com/" + handle.toLowerCase(Locale.ROOT) + "/";
            case TIKTOK -> "https://www.tiktok.com/@" + handle;
            case TWITTER -> "https://x.com/" + handle;
            case WEBSITE, LAPOR -> value.startsWith("http") ? value.strip() : "https://" + value.strip();
            case IN_PERSON, LETTER, FACEBOOK, SUGGESTION_BOX -> null;
        };
    }
}
