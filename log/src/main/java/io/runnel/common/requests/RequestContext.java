package io.runnel.common.requests;

/**
 * What the request handler knows about a request besides its body (Kafka's {@code RequestContext}).
 *
 * @param header     the header
 * @param clientHost where the client runs: {@code /in-process} for the embedded log, an address for the network
 */
public record RequestContext(RequestHeader header, String clientHost) {

    /** The client host reported for in-process clients. */
    public static final String IN_PROCESS_HOST = "/in-process";

    /** @return the client id */
    public String clientId() {
        return header.clientId();
    }
}
