package io.runnel.streams;

import java.util.Set;

/**
 * A snapshot of one stream thread, as Kafka's {@code ThreadMetadata}.
 *
 * @param threadName              the thread's name
 * @param threadState             its state ({@code CREATED}, {@code STARTING}, {@code PARTITIONS_REVOKED},
 *                                {@code PARTITIONS_ASSIGNED}, {@code RUNNING}, {@code PENDING_SHUTDOWN},
 *                                {@code DEAD})
 * @param consumerClientId        the main consumer's client id
 * @param restoreConsumerClientId the restore consumer's client id
 * @param producerClientIds       the producer's client id
 * @param adminClientId           the admin client's id
 * @param activeTasks             the tasks it runs
 * @param standbyTasks            always empty (no standby tasks yet)
 */
public record ThreadMetadata(String threadName, String threadState, String consumerClientId,
                             String restoreConsumerClientId, Set<String> producerClientIds, String adminClientId,
                             Set<TaskMetadata> activeTasks, Set<TaskMetadata> standbyTasks) {

    /** Copies the collections. */
    public ThreadMetadata {
        producerClientIds = Set.copyOf(producerClientIds);
        activeTasks = Set.copyOf(activeTasks);
        standbyTasks = Set.copyOf(standbyTasks);
    }
}
