package io.runnel.connect.runtime;

import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.transforms.Transformation;
import io.runnel.connect.transforms.predicates.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured transformation of a chain with its optional predicate, as Kafka Connect's {@code
 * TransformationStage}: the transformation applies when there is no predicate, or when the predicate's result
 * differs from {@code negate} (so {@code negate=true} applies it to the records the predicate rejects). Used by
 * one task thread.
 *
 * @param <R> the record type
 */
public final class TransformationStage<R extends ConnectRecord<R>> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransformationStage.class);

    private final String alias;
    private final Transformation<R> transformation;
    private final Predicate<R> predicate;
    private final boolean negate;

    /**
     * @param alias          the alias in {@code transforms}
     * @param transformation the configured transformation
     * @param predicate      the configured predicate, or null
     * @param negate         whether to apply the transformation when the predicate is false instead
     */
    public TransformationStage(String alias, Transformation<R> transformation, Predicate<R> predicate,
                               boolean negate) {
        this.alias = alias;
        this.transformation = transformation;
        this.predicate = predicate;
        this.negate = negate;
    }

    /**
     * @param record a record
     * @return the transformed record, the record itself when the predicate says to skip, or null when dropped
     */
    public R apply(R record) {
        if (predicate == null || negate ^ predicate.test(record)) {
            return transformation.apply(record);
        }
        return record;
    }

    /** @return the alias */
    public String alias() {
        return alias;
    }

    /** @return the transformation's class, for error reports */
    public Class<?> transformClass() {
        return transformation.getClass();
    }

    @Override
    public void close() {
        try {
            transformation.close();
        } catch (RuntimeException e) {
            log.warn("Transformation {} failed to close", alias, e);
        }
        if (predicate != null) {
            try {
                predicate.close();
            } catch (RuntimeException e) {
                log.warn("Predicate of transformation {} failed to close", alias, e);
            }
        }
    }

    @Override
    public String toString() {
        return "TransformationStage{alias=" + alias + ", transformation=" + transformation.getClass().getName()
                + ", predicate=" + predicate + ", negate=" + negate + "}";
    }
}
