/**
 * What the job's own Flink serializers share: versioned snapshots and the binary form of nullable
 * fields. Depends on nothing of the job.
 */
package org.pingzhi.jobs.typeutils;
