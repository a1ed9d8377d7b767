package org.sparklasso.spec;

/** The model family (glmnet's {@code family}). */
public enum Family {
    GAUSSIAN, BINOMIAL, MULTINOMIAL;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the label is a class (binomial, multinomial). */
    public boolean isClassification() {
        return this != GAUSSIAN;
    }
}
