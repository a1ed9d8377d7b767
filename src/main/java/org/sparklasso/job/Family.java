package org.sparklasso.job;

/** The model family (glmnet's {@code family}). */
public enum Family {
    GAUSSIAN;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
