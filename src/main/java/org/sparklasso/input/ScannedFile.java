package org.sparklasso.input;

import org.apache.spark.rdd.InputFileBlockHolder;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The file a Spark file scan is reading on this thread, for naming it in a bad row's message: what
 * {@code input_file_name()} returns, read from where that expression reads it (Spark's
 * {@code InputFileBlockHolder}, set by the scan as it opens each file) without adding the column to
 * the query.
 *
 * <p>Why not the column: a projection over a file scan of more than
 * {@code spark.sql.codegen.maxFields} (100) columns runs outside whole-stage codegen, as a generated
 * {@code UnsafeProjection} that copies every field of every row a second time, and C2 compiles its
 * wide methods while the cores are loading. A cold B2 job (CSV of 101 columns, 190 MB; JFR
 * {@code jdk.Compilation}): Spark's generated classes took 44 C2 compilations and 6.3 s of compiler
 * time with the column, 20 and 0.3 s without; all C2 time 22.1 → 13.7 s.
 *
 * <p>One instance per partition's packing: it keeps the last path's {@code String}, so a row costs
 * a thread-local read and a reference comparison.
 */
final class ScannedFile {
    private UTF8String lastPath;
    private String lastName = "";

    /** The scanned file's path ("" outside a file scan, as {@code input_file_name()}). */
    String current() {
        UTF8String path = InputFileBlockHolder.getInputFilePath();
        if (path != lastPath) {
            lastPath = path;
            lastName = path == null ? "" : path.toString();
        }
        return lastName;
    }
}
