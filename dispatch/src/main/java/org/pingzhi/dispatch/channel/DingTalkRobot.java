package org.pingzhi.dispatch.channel;

import java.net.URI;
import java.util.Objects;

/**
 * A DingTalk group's custom robot with the "加签" security setting: every request is signed with the
 * robot's secret (see {@link DingTalkSigner}).
 *
 * @param webhook the robot's webhook, {@code https://oapi.dingtalk.com/robot/send?access_token=…}
 * @param secret the robot's signing secret ({@code SEC…})
 */
public record DingTalkRobot(String name, URI webhook, String secret) implements Channel {

    public DingTalkRobot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(secret, "secret");
    }

    /** Never the secret: a robot's description may reach a log line. */
    @Override
    public String toString() {
        return "DingTalkRobot[" + name + "]";
    }
}
