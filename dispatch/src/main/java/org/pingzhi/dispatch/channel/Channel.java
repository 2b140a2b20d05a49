package org.pingzhi.dispatch.channel;

/** Where a message goes: one robot of a group chat, or one generic webhook. */
public sealed interface Channel permits DingTalkRobot, WeComRobot, GenericWebhook {

    /** The roster's name of the channel, unique in a roster; also the rate limiter's key. */
    String name();
}
