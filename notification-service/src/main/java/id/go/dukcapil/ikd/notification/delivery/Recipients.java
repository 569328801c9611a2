package id.go.dukcapil.ikd.notification.delivery;

import java.util.regex.Pattern;

/**
 * Addresses we are willing to put into an SMTP envelope, a mail header or an SMS request. Strict
 * on purpose: no whitespace, no CR/LF, no commas or angle brackets, so no header injection and no
 * second recipient can ride along.
 */
public final class Recipients {

    private static final Pattern EMAIL = Pattern
            .compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    /** E.164, Indonesian numbers only, as the events promise. */
    private static final Pattern PHONE = Pattern.compile("^\\+62[0-9]{8,13}$");

    private Recipients() {
    }

    public static boolean isDeliverableEmail(String address) {
        return address != null && address.length() <= 254 && EMAIL.matcher(address).matches();
    }

    public static boolean isDeliverablePhone(String phone) {
        return phone != null && PHONE.matcher(phone).matches();
    }
}
