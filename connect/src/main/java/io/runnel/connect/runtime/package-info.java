/**
 * The Connect runtime: connector configuration ({@link io.runnel.connect.runtime.ConnectorConfig} and its source
 * and sink variants), worker configuration ({@link io.runnel.connect.runtime.WorkerConfig}, {@link
 * io.runnel.connect.runtime.StandaloneConfig}), the transformation chain and converter resolution. Plugins load
 * through {@code .isolation}, errors are handled by {@code .errors}, source offsets are stored by {@code
 * .storage}. Connector authors never see these packages.
 */
package io.runnel.connect.runtime;
