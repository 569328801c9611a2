package id.go.dukcapil.ikd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;

/** What every page a person reads on a phone must hold, checked in the browser tests. */
public final class PhonePages {

    private PhonePages() {
    }

    /** The page does not scroll sideways at the viewport's width, and every text reads at WCAG AA (4.5:1). */
    public static void assertFitsAndReads(Page page, String what) {
        Object fits = page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        assertThat(fits).as(what + ": scrollWidth %s, clientWidth %s",
                page.evaluate("() => document.documentElement.scrollWidth"),
                page.evaluate("() => document.documentElement.clientWidth")).isEqualTo(true);
        assertThat(ContrastCheck.belowAa(page)).as(what + ": texts below 4.5:1").isEmpty();
    }
}
