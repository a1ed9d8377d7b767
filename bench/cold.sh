#!/usr/bin/env bash
# The benchmark's cold mode: every case a fresh ./submit.sh process, timed start → exit, beside the
# floor (a 10-row generate) and, where R has glmnet and data.table, fread + glmnet on the same CSV;
# each load's throughput (MB of input files per second) beside fread's.
#   bench/cold.sh                                   # G1 at n = 1e6 and B2 (generated once into /tmp/spark-lasso-cold)
#   bench/cold.sh --rows 100000 --cases floor,g1-parquet --glmnet false
# Keys (default): workDir (/tmp/spark-lasso-cold), rows (1000000), features (100), lambda (0.1),
# driverMemory (6g), output (bench/results/cold), cases (floor,sample,g1-csv,g1-parquet,g1-libsvm,b2), glmnet (auto),
# cds (on: submit.sh's class-data sharing archive, recorded by an untimed train first if missing; off),
# b2Rows (100000), b2Folds (5): case b2 is binomial b2Rows × features, 100-λ path + b2Folds-fold CV,
# against cv.glmnet on the same CSV. Cases: floor, sample, g1-csv, g1-parquet, g1-libsvm (G1's rows as
# LIBSVM, 2.2 GB at n = 1e6), b2.
# Writes <output>/cold.md and cold.json. No Spark runs in this JVM (ColdBench only starts processes).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/spark-lasso-bench.jar ] && [ -d target/spark/jars ] || mvn -B -q -DskipTests package
exec java -cp "target/spark-lasso-bench.jar:target/spark/jars/*" org.sparklasso.bench.ColdBench "$@"
