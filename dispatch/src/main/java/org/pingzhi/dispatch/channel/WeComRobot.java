package org.pingzhi.dispatch.channel;

import java.net.URI;
import java.util.Objects;

/**
 * A WeCom (企业微信) group robot.
 *
 * @param webhook {@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}; the key is its
 *     only credential
 */
public record WeComRobot(String name, URI webhook) implements Channel {

    public WeComRobot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(webhook, "webhook");
    }

    /** Never the webhook: its key is the robot's credential. */
    @Override
    public String toString() {
        return "WeComRobot[" + name + "]";
    }
}
