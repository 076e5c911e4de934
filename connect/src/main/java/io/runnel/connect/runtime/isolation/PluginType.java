package io.runnel.connect.runtime.isolation;

import io.runnel.connect.sink.SinkConnector;
import io.runnel.connect.source.SourceConnector;
import io.runnel.connect.storage.Converter;
import io.runnel.connect.storage.HeaderConverter;
import io.runnel.connect.transforms.Transformation;
import io.runnel.connect.transforms.predicates.Predicate;

/**
 * The kinds of plugins, each discovered through the {@code META-INF/services} file named after its SPI type
 * (for example {@code META-INF/services/io.runnel.connect.source.SourceConnector}).
 */
public enum PluginType {
    /** Source connectors. */
    SOURCE(SourceConnector.class, "Connector"),
    /** Sink connectors. */
    SINK(SinkConnector.class, "Connector"),
    /** Key and value converters. */
    CONVERTER(Converter.class, "Converter"),
    /** Header converters. */
    HEADER_CONVERTER(HeaderConverter.class, "HeaderConverter"),
    /** Single message transformations. */
    TRANSFORMATION(Transformation.class, "Transformation"),
    /** Predicates of transformations. */
    PREDICATE(Predicate.class, "Predicate");

    private final Class<?> superClass;
    private final String aliasSuffix;

    PluginType(Class<?> superClass, String aliasSuffix) {
        this.superClass = superClass;
        this.aliasSuffix = aliasSuffix;
    }

    /** @return the SPI type plugins of this kind implement, whose name is their service file's */
    public Class<?> superClass() {
        return superClass;
    }

    /** @return the suffix dropped from a class's simple name to make its short alias ({@code Connector}) */
    public String aliasSuffix() {
        return aliasSuffix;
    }
}
