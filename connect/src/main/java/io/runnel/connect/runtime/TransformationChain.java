package io.runnel.connect.runtime;

import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.runtime.errors.ProcessingContext;
import io.runnel.connect.runtime.errors.RetryWithToleranceOperator;
import io.runnel.connect.runtime.errors.Stage;

import java.util.List;

/**
 * A connector's transformations in order ({@code transforms=a,b,c}), applied to each record under the connector's
 * error policy, as Kafka Connect's {@code TransformationChain}. Each stage runs through {@link
 * RetryWithToleranceOperator#execute} in stage {@link Stage#TRANSFORMATION}, so a failing transformation is
 * retried, tolerated and reported like a failing converter. Used by one task thread.
 *
 * @param <R> the record type
 */
public final class TransformationChain<R extends ConnectRecord<R>> implements AutoCloseable {

    private final List<TransformationStage<R>> stages;
    private final RetryWithToleranceOperator operator;

    /**
     * @param stages   the stages in order
     * @param operator the task's error operator
     */
    public TransformationChain(List<TransformationStage<R>> stages, RetryWithToleranceOperator operator) {
        this.stages = List.copyOf(stages);
        this.operator = operator;
    }

    /**
     * Applies every stage in turn.
     *
     * @param context the record's processing context
     * @param record  the record
     * @return the transformed record, or null when a stage dropped it ({@code context.failed()} false) or a
     *         stage failed and the failure was tolerated ({@code context.failed()} true); either way the worker
     *         skips it
     * @throws io.runnel.connect.errors.ConnectException when a stage failed and the failure is not tolerated
     */
    public R apply(ProcessingContext context, R record) {
        R current = record;
        for (TransformationStage<R> stage : stages) {
            R input = current;
            current = operator.execute(context, () -> stage.apply(input), Stage.TRANSFORMATION,
                    stage.transformClass());
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** @return the stages in order */
    public List<TransformationStage<R>> stages() {
        return stages;
    }

    /** Closes every stage. */
    @Override
    public void close() {
        stages.forEach(TransformationStage::close);
    }

    @Override
    public String toString() {
        return "TransformationChain" + stages;
    }
}
