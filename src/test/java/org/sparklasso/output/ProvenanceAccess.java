package org.sparklasso.output;

import java.util.Map;

/** Test access to {@link Provenance}'s package-private redaction. */
public final class ProvenanceAccess {
    private ProvenanceAccess() {
    }

    public static Map<String, String> redacted(Map<String, String> configuration) {
        return Provenance.redacted(configuration);
    }
}
