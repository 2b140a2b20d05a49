package org.pingzhi.dispatch.job;

/**
 * How the delivery of one notification ended.
 *
 * @param key the {@code DeliveryKey} as a string
 * @param attempt the ledger's try
 * @param outcome DELIVERED, REFUSED, or SKIPPED (the ledger shows it went, or may have gone,
 *     already)
 */
public record DeliveryReport(
        String key, String channel, int attempt, String outcome, String detail) {

    static DeliveryReport of(DeliveryRequest request, int attempt, String outcome, String detail) {
        return new DeliveryReport(
                request.key().asString(), request.channel().name(), attempt, outcome, detail);
    }
}
