package org.integramonitor.report;

/**
 * Writes HTML that is also well-formed XML (every element closed, void elements as {@code <meta/>}, attribute
 * values quoted, only the five XML entities), so a test can parse a report with the JDK's XML parser. Every text
 * and attribute value goes through {@link #escape(String)}: nothing from a snapshot reaches the page unescaped.
 */
public final class Html {

    private final StringBuilder out = new StringBuilder(64 * 1024);

    Html() {
    }

    /** Escapes text and attribute values: {@code & < > " '}; drops characters XML does not allow. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
                    if (allowed) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    /** A start tag; {@code attributes} are name, value pairs (a null value leaves the attribute out). */
    Html open(String tag, Object... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        if (tag.equals("p") || tag.equals("tr") || tag.equals("section") || tag.equals("table") || tag.equals("li")
                || tag.equals("figure") || tag.equals("div") || tag.equals("ul") || tag.equals("svg") || tag.equals("dl")
                || tag.equals("g") || tag.equals("thead") || tag.equals("tbody") || tag.equals("header")) {
            out.append('\n');
        }
        return this;
    }

    /** An element without content, written as {@code <tag/>} (void HTML elements and SVG shapes). */
    Html empty(String tag, Object... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** {@code <tag attributes>text</tag>}. */
    Html element(String tag, String text, Object... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** Markup written by this package itself (the doctype); never data. */
    Html markup(String constant) {
        out.append(constant);
        return this;
    }

    private void attributes(Object... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(String.valueOf(attributes[i + 1])))
                        .append('"');
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
