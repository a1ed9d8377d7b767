package org.sparklasso.penalty;

/**
 * A penalty with a cheap element of its subdifferential: what the subgradient method needs. The
 * element is the textbook one, λ·sign(b) with sign(0) = 0 for the L1 part (and 0 for a group at
 * 0): the seed's rule {@code w ← w − η(∂L/∂w + λ·sign(w))}. Coefficient limits and features left
 * out are the method's projection, {@code prox(b, 0)}.
 */
public interface SubgradientPenalty extends Penalty {

    /** Writes into {@code out} (the length of b) an element of ∂g(b): 0 where b is 0 and for intercepts. */
    void subgradient(double[] b, double[] out);
}
