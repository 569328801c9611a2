package id.go.dukcapil.ikd.testing;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;

/**
 * WCAG 2.x contrast of every visible text on a page, as Chromium renders it: for each element
 * with text of its own, the computed {@code color} against the effective background (the
 * background colours of the element and its ancestors composited, down to the opaque canvas),
 * with the element's and its ancestors' opacity applied. Disabled controls are exempt (WCAG
 * 1.4.3 exempts inactive components); text on an image or gradient is reported as unmeasurable.
 */
public final class ContrastCheck {

    /** WCAG AA for normal text. */
    public static final double AA = 4.5;

    /** One text below the bar: where, what, and the colours that make it. */
    public record LowContrast(String element, String text, String color, String background, double ratio) {
    }

    private static final String SCRIPT = """
            () => {
              const parse = (value) => {
                const m = value.match(/rgba?\\(([^)]+)\\)/);
                if (!m) return null;
                const parts = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
                return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
              };
              const over = (top, bottom) => {
                const a = top.a + bottom.a * (1 - top.a);
                if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
                const mix = (c) => (top[c] * top.a + bottom[c] * bottom.a * (1 - top.a)) / a;
                return { r: mix('r'), g: mix('g'), b: mix('b'), a };
              };
              const luminance = (c) => {
                const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
              };
              const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
              const background = (el) => {
                const layers = [];
                for (let node = el; node; node = node.parentElement) {
                  const style = getComputedStyle(node);
                  if (style.backgroundImage && style.backgroundImage !== 'none') return null;
                  const color = parse(style.backgroundColor);
                  if (color && color.a > 0) layers.push(color);
                  if (color && color.a >= 1) break;
                }
                let result = { r: 255, g: 255, b: 255, a: 1 }; // the canvas
                for (let i = layers.length - 1; i >= 0; i -= 1) result = over(layers[i], result);
                return result;
              };
              const opacity = (el) => {
                let value = 1;
                for (let node = el; node; node = node.parentElement) value *= Number(getComputedStyle(node).opacity);
                return value;
              };
              const results = [];
              for (const el of document.querySelectorAll('body *')) {
                if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION', 'TEMPLATE'].includes(el.tagName)) continue;
                const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim())
                  .map((n) => n.textContent.trim()).join(' ');
                if (!own) continue;
                const style = getComputedStyle(el);
                if (style.visibility !== 'visible' || el.getClientRects().length === 0) continue;
                if (el.closest(':disabled')) continue;
                const bg = background(el);
                const fg = parse(style.color);
                if (!fg) continue;
                const text = over({ ...fg, a: fg.a * opacity(el) }, bg || { r: 255, g: 255, b: 255, a: 1 });
                const l1 = luminance(text);
                const l2 = bg ? luminance(bg) : 0;
                const ratio = bg ? (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05) : 0;
                const hex = (c) => '#' + [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
                results.push({ element: describe(el), text: own.slice(0, 60), color: hex(text),
                  background: bg ? hex(bg) : 'image', ratio: Math.round(ratio * 100) / 100 });
              }
              return results;
            }
            """;

    private ContrastCheck() {
    }

    /** Every visible text of the page with its contrast ratio (0 where it stands on an image or gradient). */
    @SuppressWarnings("unchecked")
    public static List<LowContrast> measure(Page page) {
        List<Map<String, Object>> found = (List<Map<String, Object>>) page.evaluate(SCRIPT);
        return found.stream().map(m -> new LowContrast((String) m.get("element"), (String) m.get("text"),
                (String) m.get("color"), (String) m.get("background"), ((Number) m.get("ratio")).doubleValue())).toList();
    }

    /** The visible texts below {@link #AA}; empty when the page passes. */
    public static List<LowContrast> belowAa(Page page) {
        return measure(page).stream().filter(text -> text.ratio() < AA).toList();
    }
}
