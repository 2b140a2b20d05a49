package org.pingzhi.jobs.rules.control;

/**
 * A published rules file that passed validation and comes into force, as the rule operators receive
 * it (broadcast). The file travels as its text, the one form every operator parses the same way, so
 * no serializer has to know the rule types.
 *
 * @param version the file's {@code version}
 * @param json the file as published
 * @param inForceFrom the control record's timestamp, epoch milliseconds
 */
public record RulesVersion(String version, String json, long inForceFrom) {}
