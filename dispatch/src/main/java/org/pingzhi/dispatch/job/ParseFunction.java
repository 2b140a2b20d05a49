package org.pingzhi.dispatch.job;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.ReasonCode;

/**
 * Reads each Kafka record into a typed value; a record that cannot be read goes to {@link
 * DispatchOutputs#DEAD_LETTERS} with the reason, never crashing the job.
 *
 * @param <T> the value read
 */
public final class ParseFunction<T> extends ProcessFunction<KafkaMessage, T> {

    private static final long serialVersionUID = 1L;

    /** Reads one record's text; an {@link IllegalArgumentException} says what is wrong. */
    @FunctionalInterface
    public interface Parser<T> extends Serializable {
        T parse(String text);
    }

    private final Parser<T> parser;

    public ParseFunction(Parser<T> parser) {
        this.parser = parser;
    }

    @Override
    public void processElement(KafkaMessage message, Context ctx, Collector<T> out) {
        String text;
        try {
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(message.value()))
                            .toString();
        } catch (CharacterCodingException e) {
            ctx.output(
                    DispatchOutputs.DEAD_LETTERS,
                    deadLetter(
                            message,
                            ReasonCode.INVALID_JSON,
                            "not UTF-8 text",
                            null,
                            Base64.getEncoder().encodeToString(message.value())));
            return;
        }
        T value;
        try {
            value = parser.parse(text);
        } catch (IllegalArgumentException e) {
            ctx.output(
                    DispatchOutputs.DEAD_LETTERS,
                    deadLetter(message, ReasonCode.INVALID_FIELD, e.getMessage(), text, null));
            return;
        }
        out.collect(value);
    }

    private static DeadLetter deadLetter(
            KafkaMessage message, ReasonCode reason, String why, String value, String base64) {
        return new DeadLetter(
                reason,
                why,
                message.topic(),
                message.partition(),
                message.offset(),
                value,
                base64,
                null,
                null,
                message.timestamp() < 0 ? null : message.timestamp());
    }
}
