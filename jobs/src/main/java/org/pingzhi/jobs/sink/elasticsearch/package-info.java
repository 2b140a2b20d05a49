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
 *
 * <p><b>Held, not diverted.</b> Whatever depends on the cluster rather than on the document — 429,
 * 5xx, no answer, a read-only or flood-stage block, a missing privilege, a missing index with
 * auto-create off, for one document or the whole request — holds the write: it is retried with a
 * backoff doubling up to {@code retry.max-backoff}, without limit in time or attempts, and the
 * writer's in-flight slots and buffer fill up, so the job back-pressures instead of writing
 * elsewhere. It shows in the metrics ({@code esHeldDocuments}, {@code esOldestHeldAgeMs}, {@code
 * esRetries}) and in a WARN at most every 30 s ({@link
 * org.pingzhi.jobs.sink.elasticsearch.HeldWrites}). Only a document Elasticsearch refuses on its
 * own merits (400 for that document: mapping conflict, unparsable or illegal value) or one too
 * large for any bulk request goes to the rejected-document handler ({@link
 * org.pingzhi.jobs.sink.elasticsearch.WriteVerdict}). A request answered 413 is split in halves,
 * and the writer's batches stay below that size. Failed attempts are not checkpointed: a restored
 * write starts with the initial backoff. While writes are held, a checkpoint may wait for
 * Elasticsearch (the writer is busy draining its buffer, or requests are in flight); an outage
 * longer than the checkpoint timeout can fail checkpoints, and with Flink's default of no tolerated
 * failures restart the job from the last one: that delays writes, it never loses one.
 *
 * <p><b>Versions.</b> Every write carries an external version ({@code version_type=external}),
 * given as it enters the writer: the wall clock in epoch microseconds, strictly increasing per
 * writer ({@link org.pingzhi.jobs.sink.elasticsearch.WriteVersionClock}), kept in checkpoints.
 * Elasticsearch applies a write only over a lower version, so a bulk request that timed out on the
 * client but is applied later, or a failed attempt's request landing after the recovery's writes,
 * cannot undo a newer write: it gets 409, which counts as done ({@code esSuperseded}). A document
 * may fix its version instead ({@code Document.fixedVersion}, a small number below every clock
 * version): then its first write stays against later ones under the same or a lower fixed version
 * (the start file's rule audit, whose "in force since" a later start must not rewrite). Deletes
 * ({@code RestoreSweep}) carry versions too; Elasticsearch remembers a deleted version for {@code
 * index.gc_deletes} (60 s), so a stale write arriving later than that after a delete would bring
 * the document back.
 *
 * <p><b>Owners.</b> The versions order the writes of this sink, and its writes are full overwrites:
 * this sink owns every field of the documents it writes. A later writer of other fields of such a
 * document (a dispatch job setting an alert ACKED, a rules stage setting escalation fields) must
 * not overwrite it whole, and an {@code _update} of its own fields is not enough either: the update
 * keeps this sink's version (plus one), so this sink's next full overwrite wins and drops those
 * fields. Such a document needs one of: this sink sending it as a partial update of only the fields
 * it owns (a new operation kind; {@code _update} has no external versions, so ordering then needs
 * {@code if_seq_no}/{@code if_primary_term} or a script comparing a stored version field), or the
 * other writer's fields in a document of their own (e.g. {@code <alertId>:ack}) joined on reading.
 */
package org.pingzhi.jobs.sink.elasticsearch;
