package io.tailsim.plots;

import java.util.List;

/**
 * A self-contained HTML page: inline CSS, no scripts, no remote fonts or images; figures are
 * &lt;img&gt; elements pointing at the SVG files beside the page, so it opens offline from disk.
 * Table cells are passed as HTML built with {@link #esc} and {@link #value}.
 */
final class HtmlPage {
    static final String FIGURE_DIR = "figures";
    private static final String CSS = String.join("\n",
            "body{font-family:sans-serif;margin:24px auto;max-width:980px;padding:0 16px;color:#111;line-height:1.4}",
            "h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:1px solid #bbb}",
            "table{border-collapse:collapse;margin:.6em 0;font-size:.9em}",
            "th,td{border:1px solid #bbb;padding:3px 7px;text-align:right;vertical-align:top}",
            "th{background:#eee}td:first-child,th:first-child{text-align:left}",
            ".ci{color:#555;font-size:.82em;white-space:nowrap}",
            "figure{margin:1.4em 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}",
            "figcaption{font-size:.9em;color:#333;max-width:900px}",
            ".note{color:#6b3e00;background:#fff6e5;border-left:4px solid #d08a00;padding:4px 10px}",
            ".meta{color:#444}");

    private final String title;
    private final StringBuilder body = new StringBuilder();

    HtmlPage(String title) {
        this.title = title;
    }

    HtmlPage h2(String text) {
        body.append("<h2>").append(esc(text)).append("</h2>\n");
        return this;
    }

    HtmlPage p(String text) {
        body.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    HtmlPage meta(String text) {
        body.append("<p class=\"meta\">").append(esc(text)).append("</p>\n");
        return this;
    }

    HtmlPage note(String text) {
        body.append("<p class=\"note\">").append(esc(text)).append("</p>\n");
        return this;
    }

    /** A table; {@code header} is plain text, row cells are HTML. */
    HtmlPage table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<tr>");
        header.forEach(h -> body.append("<th>").append(esc(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            row.forEach(c -> body.append("<td>").append(c).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    HtmlPage figure(Figure f) {
        String svg = FIGURE_DIR + "/" + f.stem() + ".svg";
        String png = FIGURE_DIR + "/" + f.stem() + ".png";
        body.append("<figure id=\"").append(esc(f.stem())).append("\">\n")
                .append("<h3>").append(esc(f.heading())).append("</h3>\n")
                .append("<img src=\"").append(esc(svg)).append("\" width=\"").append(f.width())
                .append("\" height=\"").append(f.height()).append("\" alt=\"").append(esc(f.heading())).append("\">\n")
                .append("<figcaption>").append(esc(f.caption()))
                .append(" <a href=\"").append(esc(png)).append("\">PNG</a> \u00b7 <a href=\"").append(esc(svg))
                .append("\">SVG</a></figcaption>\n</figure>\n");
        return this;
    }

    String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(title) + "</title>\n<style>\n" + CSS + "\n</style>\n</head>\n<body>\n"
                + "<h1>" + esc(title) + "</h1>\n" + body + "</body>\n</html>\n";
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A number with its 95% interval beneath it (interval may be null). */
    static String value(double v, double[] ci95) {
        String s = esc(Report.fmt(v));
        if (ci95 != null && ci95.length == 2 && !Double.isNaN(v)) {
            s += "<br><span class=\"ci\">[" + esc(Report.fmt(ci95[0])) + ", " + esc(Report.fmt(ci95[1])) + "]</span>";
        }
        return s;
    }

    static String percent(double fraction, double[] ci95) {
        if (Double.isNaN(fraction)) {
            return esc(Report.fmt(fraction));
        }
        String s = esc(Report.fmtPercent(fraction));
        if (ci95 != null && ci95.length == 2) {
            s += "<br><span class=\"ci\">[" + esc(Report.fmtPercent(ci95[0])) + ", " + esc(Report.fmtPercent(ci95[1])) + "]</span>";
        }
        return s;
    }
}
