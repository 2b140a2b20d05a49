package org.pingzhi.dispatch.channel;

import java.net.URI;
import java.util.Objects;

/** One HTTP POST to a channel: its JSON body, and the URL it goes to at a given instant. */
public record OutboundMessage(Channel channel, String body) {

    public OutboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(body, "body");
    }

    /** The URL of an attempt at {@code epochMillis}: a DingTalk robot's is signed for then. */
    public URI uriAt(long epochMillis) {
        if (channel instanceof DingTalkRobot robot) {
            return DingTalkSigner.signedUrl(robot.webhook(), robot.secret(), epochMillis);
        }
        if (channel instanceof WeComRobot robot) {
            return robot.webhook();
        }
        return ((GenericWebhook) channel).url();
    }
}
