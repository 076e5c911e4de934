package io.runnel.streams.kstream.internals;

import io.runnel.streams.kstream.Branched;
import io.runnel.streams.kstream.BranchedKStream;
import io.runnel.streams.kstream.KStream;
import io.runnel.streams.kstream.Predicate;
import io.runnel.streams.kstream.internals.graph.ProcessorGraphNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The DSL's {@link BranchedKStream}: one branch node ({@code KSTREAM-BRANCH}, or the split's name) forwarding each
 * record to the pass-through child ({@code KSTREAM-BRANCHCHILD}, or split name + branch name) of the first predicate
 * it satisfies. Branch names in the result map are the split's name followed by the branch's name, or by the
 * branch's position (from 1) when unnamed, as in Kafka; every branch keeps its own anchor
 * ({@code <split anchor>/branch:<name>}), so adding a branch after it keeps its stores' names.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class BranchedKStreamImpl<K, V> implements BranchedKStream<K, V> {

    private final KStreamImpl<K, V> source;
    private final String splitPrefix;
    private final ProcessorGraphNode branchNode;
    private final KStreamImpl<K, V> branchOutput;
    private final List<Predicate<? super K, ? super V>> predicates = new ArrayList<>();
    private final List<String> childNames = new ArrayList<>();
    private final String[] defaultChild = new String[1];
    private final Map<String, KStream<K, V>> result = new LinkedHashMap<>();
    private final boolean repartitionRequired;
    private boolean done;

    BranchedKStreamImpl(KStreamImpl<K, V> source, NamedInternal named, boolean repartitionRequired) {
        this.source = source;
        this.repartitionRequired = repartitionRequired;
        InternalStreamsBuilder builder = source.builder();
        this.splitPrefix = named.name() != null ? named.name() : "";
        this.branchNode = new ProcessorGraphNode(named.orElseGenerate(builder, "KSTREAM-BRANCH"),
                KStreamProcessors.branch(predicates, childNames, defaultChild));
        String anchor = named.name() != null ? "named:" + named.name() : source.anchor() + "/split";
        this.branchOutput = source.addBranchNode(branchNode, anchor);
    }

    @Override
    public BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate) {
        return branch(predicate, Branched.withFunction(s -> s));
    }

    @Override
    public BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate, Branched<K, V> branched) {
        checkOpen();
        Objects.requireNonNull(predicate, "predicate can't be null");
        Objects.requireNonNull(branched, "branched can't be null");
        predicates.add(predicate);
        childNames.add(addBranch(new BranchedInternal<>(branched), predicates.size()));
        return this;
    }

    @Override
    public Map<String, KStream<K, V>> defaultBranch() {
        return defaultBranch(Branched.withFunction(s -> s));
    }

    @Override
    public Map<String, KStream<K, V>> defaultBranch(Branched<K, V> branched) {
        checkOpen();
        Objects.requireNonNull(branched, "branched can't be null");
        defaultChild[0] = addBranch(new BranchedInternal<>(branched), predicates.size() + 1);
        done = true;
        return result;
    }

    @Override
    public Map<String, KStream<K, V>> noDefaultBranch() {
        checkOpen();
        done = true;
        return result;
    }

    private String addBranch(BranchedInternal<K, V> branched, int position) {
        String branchName = splitPrefix + (branched.name() != null ? branched.name() : String.valueOf(position));
        InternalStreamsBuilder builder = source.builder();
        String childName = branched.name() != null || !splitPrefix.isEmpty() ? branchName
                : builder.newProcessorName("KSTREAM-BRANCHCHILD");
        ProcessorGraphNode child = new ProcessorGraphNode(childName, KStreamProcessors.passThrough());
        KStreamImpl<K, V> branch = source.addBranchChild(branchOutput.graphNode(), child,
                branchOutput.anchor() + "/branch:" + branchName, repartitionRequired);
        if (branched.chainConsumer() != null) {
            branched.chainConsumer().accept(branch);
        } else if (branched.chainFunction() != null) {
            KStream<K, V> out = branched.chainFunction().apply(branch);
            if (out != null) {
                result.put(branchName, out);
            }
        } else {
            result.put(branchName, branch);
        }
        return childName;
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("The split already ended with defaultBranch() or noDefaultBranch()");
        }
    }
}
