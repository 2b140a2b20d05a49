package org.pingzhi.common.normalize;

/** How a 12345 order came in ({@code channel}, on CREATE). */
public enum HotlineChannel {
    PHONE,
    APP,
    WEB,
    WECHAT,
    /** Handed over from 110. */
    TRANSFER_110
}
