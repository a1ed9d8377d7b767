package org.sparklasso.input;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.sparklasso.block.Block;

/**
 * Packs a LIBSVM input's blocks from its text lines (Spark's text source: the same files, splits and
 * lines as its LIBSVM source) read by {@link LibsvmLineFields}, in one scan. Spark's LIBSVM reader
 * scans the input twice — once to find the highest feature index (its schema's vector size), once
 * to read the rows — and parses each line through {@code String.split} and boxed arrays; here the
 * width comes from the packed partitions' audits, and the loader sizes the blocks after
 * ({@link Blocks}). A line the fields refuse sends the input to Spark's reader, as a CSV's does.
 *
 * <p>Measured cold (local[2], driver 6g, one λ): G1's 10⁶ × 100 rows as a 2.2 GB LIBSVM file loaded in
 * 50.8–51.3 s through Spark's reader (43 MB/s), 9.3–12.8 s from the lines (246 MB/s in
 * {@code bench/cold.sh}, 2.0× fread's on the same rows as CSV); a sparse 10⁶ × 10⁵ file (1.3 GB,
 * ~50 entries a row) 29.8 s → 9.0 s. The same model either way (metrics.json equal).
 *
 * @param spark the session that reads the lines
 * @param input the path (files, a directory or a glob), read by Spark's text source
 */
record LibsvmLinePacking(SparkSession spark, String input) implements DirectPacking {

    @Override
    public JavaRDD<Block> pack(RowLayout rows, int blockRows) {
        LibsvmLineFields fields = new LibsvmLineFields();
        return spark.read().text(input).queryExecution().toRdd().toJavaRDD()
                .mapPartitionsWithIndex((idx, it) -> BlockBuilder.packLibsvmLines(rows, blockRows, idx, it, fields),
                        true);
    }

    @Override
    public List<String> featureNames(int numFeatures) {
        return names(numFeatures);
    }

    /** LIBSVM's feature names: {@code f<index>}, the index as written (1-based). */
    static List<String> names(int numFeatures) {
        List<String> names = new ArrayList<>(numFeatures);
        for (int j = 0; j < numFeatures; j++) {
            names.add("f" + (j + 1));
        }
        return names;
    }

    @Override
    public String description() {
        return "from text lines";
    }
}
