package org.sparklasso.input;

import static org.sparklasso.input.InputText.abbreviate;

import java.util.List;
import org.sparklasso.block.PartitionAudit;
import org.sparklasso.spec.JobException;

/**
 * Refuses rows the packing audits found unusable: bad rows (naming the count, the file and the
 * first offending row), no rows, every weight 0, fold ids that are not 0..K−1 or 1..K with K ≥ 3.
 */
final class AuditChecks {
    private AuditChecks() {
    }

    /** The folds found: ids firstId .. firstId+count−1, each with rows. */
    record FoldIds(int firstId, int count) {
    }

    /**
     * Refuses an input whose rows the audits found unusable; returns the folds found, or null
     * without cross-validation.
     *
     * @param seen rows the audits saw, accepted or not
     */
    static FoldIds check(List<PartitionAudit> audits, long seen, RowLayout layout, RowSource source, BlockSpec spec) {
        long bad = audits.stream().mapToLong(PartitionAudit::badRows).sum();
        if (bad > 0) {
            throw JobException.input(describeBadRows(audits, bad, seen, source, spec));
        }
        if (seen == 0) {
            throw JobException.input("input " + source.name() + " has no data rows");
        }
        if (layout.weight() >= 0 && audits.stream().mapToDouble(PartitionAudit::weightSum).sum() <= 0) {
            throw JobException.input("weightCol: every weight in " + source.name() + " is 0 (column '"
                    + spec.weightCol() + "'); at least one row needs a positive weight");
        }
        return layout.hasFolds() ? checkFolds(audits, layout.foldColumn() >= 0, spec) : null;
    }

    /**
     * Checks the fold ids the rows carry. A fold column may number its folds 1..K (glmnet's
     * {@code foldid}) or 0..K−1 (Spark's {@code CrossValidator} {@code foldCol}): the smallest id
     * tells which, so the rule is unambiguous; either way every id in between must have rows, and
     * K ≥ 3. Random folds are always 0..K−1.
     */
    private static FoldIds checkFolds(List<PartitionAudit> audits, boolean fromColumn, BlockSpec spec) {
        java.util.TreeMap<Integer, Long> rows = new java.util.TreeMap<>();
        for (PartitionAudit a : audits) {
            a.foldRows().forEach((fold, count) -> rows.merge(fold, count, Long::sum));
        }
        String source = fromColumn ? "foldCol " + spec.foldCol() : "nfolds";
        if (rows.isEmpty()) {
            throw JobException.input(source + ": no fold ids found");
        }
        int first = rows.firstKey();
        int last = rows.lastKey();
        if (fromColumn && first > 1) {
            throw JobException.input(source + ": the smallest fold id is " + first + "; fold ids must be 1..K "
                    + "(glmnet) or 0..K-1 (Spark)");
        }
        String convention = first == 0 ? "0.." + last + ", Spark's convention" : "1.." + last + ", glmnet's convention";
        for (int f = first; f <= last; f++) {
            if (!rows.containsKey(f)) {
                throw JobException.input(source + ": fold " + f + " has no rows (fold ids found: "
                        + abbreviate(rows.keySet().stream().map(String::valueOf).toArray(String[]::new))
                        + "; expected every id of " + convention + ")");
            }
        }
        int k = last - first + 1;
        if (k < 3) {
            throw JobException.input(source + ": " + k + " fold(s) found (" + convention + "); cross-validation "
                    + "needs at least 3");
        }
        return new FoldIds(first, k);
    }

    /**
     * "N bad rows of M in SOURCE; first at data row R (line L) of FILE: PROBLEM: 'TEXT'". After a
     * repartition rows are no longer in file order, so only the file is named.
     */
    private static String describeBadRows(List<PartitionAudit> audits, long bad, long seen, RowSource source,
                                          BlockSpec spec) {
        PartitionAudit.FirstRejected first = PartitionAudit.firstRejected(audits);
        String where;
        if (spec.numPartitions() > 0) {
            where = "in " + first.file();
        } else {
            long row = first.rowInFile() + 1;
            where = "at data row " + row + (source.headerLine() ? " (line " + (row + 1) + ")" : "") + " of "
                    + first.file();
        }
        return bad + " bad row" + (bad == 1 ? "" : "s") + " of " + seen + " in " + source.name() + "; first "
                + where + ": " + first.problem() + ": '" + first.text() + "'";
    }
}
