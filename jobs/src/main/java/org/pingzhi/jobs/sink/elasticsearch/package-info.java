/**
 * The Elasticsearch sink and the index templates of the output indices.
 *
 * <p>Wiring in a job:
 *
 * <pre>{@code
 * try (ElasticsearchClient client =
 *         ElasticsearchClients.client(ElasticsearchConnection.fromConfiguration(config))) {
 *     IndexTemplateInstaller.installAll(client, config.get(ElasticsearchOptions.INDEX_PREFIX));
 * }
 * documents.sinkTo(ElasticsearchSinkBuilder.forDocuments(config)
 *                 .setRejectedDocumentHandler(deadLetters)  // default: log them
 *                 .build())
 *         .uid("elasticsearch-sink").name("Elasticsearch");
 * }</pre>
 *
 * <p>Inside: {@link org.pingzhi.jobs.sink.elasticsearch.ElasticsearchSink} (Flink's AsyncSinkBase:
 * batching by count, bytes and time, in-flight limit, back-pressure, buffer in checkpoints) →
 * {@link org.pingzhi.jobs.sink.elasticsearch.ElasticsearchSinkWriter} (bulk requests, sorting the
 * answers: {@link org.pingzhi.jobs.sink.elasticsearch.BulkOutcome}, backoff {@link
 * org.pingzhi.jobs.sink.elasticsearch.RetryPolicy}) with its {@link
 * org.pingzhi.jobs.sink.elasticsearch.DocumentWriteQueue} (writes to one document in order, the
 * last of a batch wins) and {@link
 * org.pingzhi.jobs.sink.elasticsearch.ElasticsearchRequestEntryStateSerializer} (checkpointed
 * writes as plain bytes).
 */
package org.pingzhi.jobs.sink.elasticsearch;
