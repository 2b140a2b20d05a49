package org.pingzhi.dispatch.ack;

/** The ack server's HTML pages, in Chinese; every value shown is HTML-escaped. */
final class AckPages {

    private AckPages() {}

    static String refused(String reason) {
        return page("无法确认", "此确认链接不可用:" + escape(reason) + "。请使用最新告警消息中的链接,或联系指挥中心。");
    }

    static String confirm(AckCheck.Accepted accepted, String action) {
        return page(
                "确认告警",
                "告警 <code>"
                        + escape(accepted.alertId())
                        + "</code>,确认人 <code>"
                        + escape(accepted.who())
                        + "</code>。</p><form method=\"post\" action=\""
                        + escape(action)
                        + "\"><button type=\"submit\">确认收到</button></form><p>");
    }

    static String recorded(AckCheck.Accepted accepted, AckStore.Written written) {
        String what = written == AckStore.Written.RECORDED ? "已确认" : "此前已确认,无需重复操作";
        return page(
                what,
                "告警 <code>"
                        + escape(accepted.alertId())
                        + "</code> "
                        + what
                        + "(确认人 <code>"
                        + escape(accepted.who())
                        + "</code>)。");
    }

    static String page(String title, String paragraph) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>平治告警 · "
                + escape(title)
                + "</title></head><body><h1>"
                + escape(title)
                + "</h1><p>"
                + paragraph
                + "</p></body></html>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
