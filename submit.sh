#!/usr/bin/env bash
#
# submit.sh — the single entry point for spark-lasso.
#
#   ./submit.sh [spark-submit options...] COMMAND [args...]
#
# COMMAND is one of: train, score, generate, bench. Everything before it goes to spark-submit unchanged;
# everything from it on is passed to org.sparklasso.cli.Main as the application's arguments.
#
# With $SPARK_HOME set (and $SPARK_HOME/bin/spark-submit present) that installation's spark-submit is
# used. Otherwise the "embedded Spark runtime" (target/spark/jars, populated by `mvn package`) is
# launched with real spark-submit semantics, the same way Spark's own bin/spark-class does it:
# org.apache.spark.launcher.Main builds the final java command line, which this script then execs.

if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi   # e.g. invoked as `sh submit.sh`
set -o pipefail
# Process substitution is needed below; it is unavailable in POSIX mode (e.g. when run as `sh`).
set +o posix

MAIN_CLASS="org.sparklasso.cli.Main"
readonly COMMANDS_RE='^(train|score|generate|bench)$'

# --- locate the project directory (through symlinks, from any cwd) --------------------------------
resolve_self() {
  local src="${BASH_SOURCE[0]}" dir
  while [ -L "$src" ]; do
    dir="$(cd -P "$(dirname "$src")" >/dev/null 2>&1 && pwd)"
    src="$(readlink "$src")"
    [[ "$src" != /* ]] && src="$dir/$src"
  done
  cd -P "$(dirname "$src")" >/dev/null 2>&1 && pwd
}
BASE_DIR="$(resolve_self)" || { echo "submit.sh: cannot locate the project directory" >&2; exit 1; }
readonly BASE_DIR
readonly APP_JAR="$BASE_DIR/target/spark-lasso.jar"
# The benchmark ships apart from the product (bench/src): its jar and main class join for `bench`.
readonly BENCH_JAR="$BASE_DIR/target/spark-lasso-bench.jar"
readonly EMBEDDED_HOME="$BASE_DIR/target/spark"
readonly LOG4J_CONF="$BASE_DIR/conf/log4j2.properties"

usage() {
  cat <<EOF
Usage: $(basename "$0") [spark-submit options...] COMMAND [args...]

Commands:
  train      fit an L1-regularized (lasso) linear model
  score      apply a train output or saved model to new data
  generate   generate a synthetic data set
  bench      run the benchmark
Run '$(basename "$0") COMMAND --help' for the options of a command.

Everything before COMMAND is handed to spark-submit unchanged (e.g. --master yarn,
--conf k=v, --driver-memory 4g; see 'spark-submit --help'). Defaults added unless overridden:
  --master local[*]
  --driver-java-options "-Dlog4j.configurationFile=conf/log4j2.properties -Djava.awt.headless=true"
      (plus -Ddev.ludovic.netlib.blas.allowNative=false when the machine has no libblas.so.3)
  OPENBLAS_NUM_THREADS=1 (exported, and as spark.executorEnv.OPENBLAS_NUM_THREADS)

Spark runtime: \$SPARK_HOME/bin/spark-submit if \$SPARK_HOME is set, otherwise the embedded
runtime in target/spark/jars (built, like target/spark-lasso.jar, by 'mvn package' on first use).
With the embedded runtime the driver JVM starts from a class-data sharing archive, recorded by the
first successful 'train' (once, ~30 s) in \$SPARK_LASSO_CDS_DIR (default target/spark/cds);
SPARK_LASSO_CDS=off runs without one. Where the kernel offers transparent huge pages on request,
the driver's heap uses them (SPARK_LASSO_THP=off: not). The driver's JIT thresholds are doubled,
the passes' kernels compiled early (SPARK_LASSO_JIT_SCALING=2; 1 keeps the JVM's own), and
its young generation is 256 MB or a quarter of its heap (SPARK_LASSO_YOUNG_GEN=256, in MB; off: the
JVM's own sizing).
EOF
}

# --- split the arguments: spark-submit options | COMMAND args... ----------------------------------
# spark-submit options are scanned pairwise so that an option's value (e.g. `--name train`) is never
# mistaken for the command. The switches below are spark-submit's value-less options
# (org.apache.spark.launcher.SparkSubmitOptionParser); every other option takes one value, given
# either as the next argument or inline as --opt=value.
SUBMIT_OPTS=()
APP_ARGS=()
want_help=0
args=("$@")
n=${#args[@]}
i=0
while (( i < n )); do
  a="${args[i]}"
  if [[ "$a" =~ $COMMANDS_RE ]]; then
    APP_ARGS=("${args[@]:i}")
    break
  fi
  case "$a" in
    --help|-h)
      want_help=1; i=$((i + 1)) ;;
    --verbose|-v|--supervise|--version|--usage-error|--load-spark-defaults)
      SUBMIT_OPTS+=("$a"); i=$((i + 1)) ;;
    --*=*)
      SUBMIT_OPTS+=("$a"); i=$((i + 1)) ;;
    -*)
      SUBMIT_OPTS+=("$a")
      if (( i + 1 < n )); then SUBMIT_OPTS+=("${args[i + 1]}"); fi
      i=$((i + 2)) ;;
    *)
      echo "submit.sh: unknown command '$a' (expected train, score, generate or bench)" >&2
      usage >&2
      exit 2 ;;
  esac
done

if (( want_help )); then
  usage
  exit 0
fi
if (( ${#APP_ARGS[@]} == 0 )); then
  usage >&2
  exit 2
fi

# --- inspect the user's spark-submit options -------------------------------------------------------
has_master=0; has_driver_opts=0; has_executor_blas=0; load_defaults=0
props_file=""; extra_props_file=""
note_conf() {  # $1 = "key=value" given to --conf / -c
  case "${1%%=*}" in
    spark.master|spark.remote) has_master=1 ;;
    spark.driver.extraJavaOptions) has_driver_opts=1 ;;
    spark.executorEnv.OPENBLAS_NUM_THREADS) has_executor_blas=1 ;;
  esac
}
j=0
while (( j < ${#SUBMIT_OPTS[@]} )); do
  o="${SUBMIT_OPTS[j]}"
  v="${SUBMIT_OPTS[j + 1]-}"
  step=2
  case "$o" in
    --verbose|-v|--supervise|--version|--usage-error) step=1 ;;
    --load-spark-defaults) load_defaults=1; step=1 ;;
    --*=*) v="${o#*=}"; o="${o%%=*}"; step=1 ;;
  esac
  case "$o" in
    --master|--remote) has_master=1 ;;
    --driver-java-options) has_driver_opts=1 ;;
    --conf|-c) note_conf "$v" ;;
    --properties-file) props_file="$v" ;;
    --extra-properties-file) extra_props_file="$v" ;;
  esac
  j=$((j + step))
done
[ -n "${MASTER-}" ] && has_master=1   # spark-submit falls back to $MASTER

# --- choose the Spark runtime ----------------------------------------------------------------------
use_installed=0
if [ -n "${SPARK_HOME-}" ]; then
  if [ -x "$SPARK_HOME/bin/spark-submit" ]; then
    use_installed=1
  else
    echo "submit.sh: \$SPARK_HOME=$SPARK_HOME has no bin/spark-submit; using the embedded Spark runtime" >&2
  fi
fi
if (( use_installed )); then spark_home="$SPARK_HOME"; else spark_home="$EMBEDDED_HOME"; fi

# Properties files spark-submit will read (spark-defaults.conf only without --properties-file,
# unless --load-spark-defaults): settings there count as the user's, too.
prop_files=()
[ -n "$props_file" ] && prop_files+=("$props_file")
[ -n "$extra_props_file" ] && prop_files+=("$extra_props_file")
if [ -z "$props_file" ] || (( load_defaults )); then
  prop_files+=("${SPARK_CONF_DIR:-$spark_home/conf}/spark-defaults.conf")
fi
for f in "${prop_files[@]}"; do
  [ -r "$f" ] || continue
  grep -Eq '^[[:space:]]*spark\.(master|remote)([[:space:]=:]|$)' "$f" && has_master=1
  grep -Eq '^[[:space:]]*spark\.driver\.extraJavaOptions([[:space:]=:]|$)' "$f" && has_driver_opts=1
  grep -Eq '^[[:space:]]*spark\.executorEnv\.OPENBLAS_NUM_THREADS([[:space:]=:]|$)' "$f" && has_executor_blas=1
done

# --- defaults --------------------------------------------------------------------------------------
# Spark runs one task per core; a multithreaded native BLAS inside each task would oversubscribe.
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"

DEFAULT_OPTS=()
(( has_master )) || DEFAULT_OPTS+=(--master "local[*]")
if (( ! has_driver_opts )); then
  log4j_path="$LOG4J_CONF"
  # The option string is split by Spark's launcher, which honours double quotes.
  [[ "$log4j_path" =~ [[:space:]] ]] && log4j_path="\"$log4j_path\""
  blas_opt=""
  # Without a system BLAS (libblas.so.3), netlib's native loader prints "JNI_OnLoad: dlopen(libblas.so.3)
  # failed" from C on every run before falling back to Java; skip the attempt when there is none.
  if command -v ldconfig >/dev/null 2>&1 && ! ldconfig -p 2>/dev/null | grep -q 'libblas\.so\.3'; then
    blas_opt=" -Ddev.ludovic.netlib.blas.allowNative=false"
  fi
  DEFAULT_OPTS+=(--driver-java-options "-Dlog4j.configurationFile=$log4j_path -Djava.awt.headless=true$blas_opt")
else
  # Keep the user's driver options untouched; still run the driver headless.
  case " ${SPARK_SUBMIT_OPTS-} " in
    *" -Djava.awt.headless="*) ;;
    *) export SPARK_SUBMIT_OPTS="${SPARK_SUBMIT_OPTS:+$SPARK_SUBMIT_OPTS }-Djava.awt.headless=true" ;;
  esac
fi
(( has_executor_blas )) || DEFAULT_OPTS+=(--conf "spark.executorEnv.OPENBLAS_NUM_THREADS=$OPENBLAS_NUM_THREADS")

# --- build on first use ----------------------------------------------------------------------------
if [ ! -f "$APP_JAR" ] || { (( ! use_installed )) && [ ! -d "$EMBEDDED_HOME/jars" ]; }; then
  echo "building spark-lasso…" >&2
  (cd "$BASE_DIR" && mvn -B -q -DskipTests package) >&2 || {
    rc=$?
    echo "submit.sh: build failed (mvn exit code $rc)" >&2
    exit "$rc"
  }
  if [ ! -f "$APP_JAR" ] || { (( ! use_installed )) && [ ! -d "$EMBEDDED_HOME/jars" ]; }; then
    echo "submit.sh: build finished but $APP_JAR or $EMBEDDED_HOME/jars is missing" >&2
    exit 1
  fi
fi

if [ "${APP_ARGS[0]}" = bench ]; then
  if [ ! -f "$BENCH_JAR" ]; then
    (cd "$BASE_DIR" && mvn -B -q -DskipTests package) >&2 || exit $?
  fi
  MAIN_CLASS="org.sparklasso.bench.BenchMain"
  DEFAULT_OPTS+=(--jars "$BENCH_JAR")
fi
SUBMIT_ARGS=(--class "$MAIN_CLASS" "${DEFAULT_OPTS[@]}" "${SUBMIT_OPTS[@]}" "$APP_JAR" "${APP_ARGS[@]}")

# --- installed Spark -------------------------------------------------------------------------------
if (( use_installed )); then
  exec "$SPARK_HOME/bin/spark-submit" "${SUBMIT_ARGS[@]}"
fi

# --- embedded Spark: what bin/spark-submit -> bin/spark-class would do -----------------------------
# A cold job's JIT compilation takes a large share of its CPU: JFR (jdk.Compilation) of B2 (binomial
# 10^5 x 100, path + 5-fold CV) showed ~14 s of C2 time in a 19 s job on 2 cores, the compiler thread
# competing with the two task threads. Doubling the thresholds (-XX:CompileThresholdScaling=2) leaves
# the lukewarm code to C1 and compiles the hot loops all the same. Alternating pairs on this 2-core VM:
# G1 from Parquet 12.98-13.90 -> 11.41-11.86 s (3 of 3; load 6.2-6.8 -> 4.4-4.5 s), B2 7 of 8 pairs
# faster (mean -0.5 s), the sample job 6 of 8 (-0.5 s); G1 from CSV 2 of 2 slower by 0.4-0.6 s (its
# first, kernel-compiling pass later); scaling 4 was slower than 2 (docs/running.md).
# SPARK_LASSO_JIT_SCALING sets the factor (1: the JVM's default); the user's own driver options come
# later on the command line and win.
jit_scaling="${SPARK_LASSO_JIT_SCALING:-2}"
if ! [[ "$jit_scaling" =~ ^[0-9]+([.][0-9]+)?$ ]] || [[ "$jit_scaling" =~ ^0+([.]0+)?$ ]]; then
  echo "submit.sh: SPARK_LASSO_JIT_SCALING must be a positive number (got '$jit_scaling')" >&2
  exit 2
fi
JIT_OPTS=()
[ "$jit_scaling" != 1 ] && JIT_OPTS=("-XX:CompileThresholdScaling=$jit_scaling")
# The passes' Vector API kernels the other way: C2 as soon as they run. Until C2 compiles them, the
# interpreter and C1 run every vector operation as an allocated object (JFR: 2.7 GB of
# DoubleMaxVector garbage in G1's two passes), so the first Gram pass took ~1 s against 0.15 s warm.
# A per-method factor of 0.05 has them compiled in the first few blocks: G1 from Parquet's fit
# 2.0-2.7 -> 1.1-1.2 s (three alternating pairs, with the young generation below). The logistic
# passes' kernels and netlib's VectorBLAS (their margins) joined later, on a 2-core AMD EPYC VM: B1's
# cold fit faster in 8 of 9 pairs (1.97 -> 1.65 s on average), B2's in 4 of 6 (-0.44 s), G1 Parquet's
# in 2 of 3; JFR of B1's passes: 139 -> 91 samples (on the whole kernel package, on an earlier VM, the
# same factor had gained nothing for B1 and B2, docs/running.md). The classes are listed in
# SubmitKernelListTest, which fails when one is renamed.
KERNEL_JIT_CLASSES=(GramTiles DenseGram DenseMoments DenseVectorLoops LogisticRows RowMajorProducts WeightedGram WeightedColumns)
NETLIB_JIT_CLASSES=(VectorBLAS)
if [ "$jit_scaling" != 1 ]; then
  JIT_OPTS+=(-XX:CompileCommand=quiet)
  for c in "${KERNEL_JIT_CLASSES[@]}"; do
    JIT_OPTS+=("-XX:CompileCommand=CompileThresholdScaling,org/sparklasso/kernel/$c.*,0.05")
  done
  for c in "${NETLIB_JIT_CLASSES[@]}"; do
    JIT_OPTS+=("-XX:CompileCommand=CompileThresholdScaling,dev/ludovic/netlib/blas/$c.*,0.05")
  done
fi

# --- a young generation of fixed size ---------------------------------------------------------------
# Every page the heap touches for the first time is zeroed by the kernel (clear_page: 30 % of the CPU
# while G1's Parquet loaded, perf). G1 sized its young generation to the growing heap and kept moving
# to fresh memory (3.5-3.9 GB resident for 0.8 GB of blocks); with a fixed 256 MB it reuses the same
# pages. G1 from Parquet, three alternating pairs (with the kernels' thresholds above): system time
# 7.2-7.6 -> 2.7-3.7 s, load 5.7-6.2 -> 3.9-4.3 s, wall 12.6-13.5 -> 9.4-10.1 s; B2 and the sample
# unchanged. A quarter of the driver's heap where that is less (an -Xmn as large as the heap would
# have the JVM print a warning). SPARK_LASSO_YOUNG_GEN sets the size in MB (off: the JVM's own
# sizing); an -Xmn in your --driver-java-options wins.
young_mb="${SPARK_LASSO_YOUNG_GEN:-256}"
if [ "$young_mb" != off ] && ! [[ "$young_mb" =~ ^[1-9][0-9]*$ ]]; then
  echo "submit.sh: SPARK_LASSO_YOUNG_GEN must be a size in MB such as 256, or off (got '$young_mb')" >&2
  exit 2
fi

export SPARK_HOME="$EMBEDDED_HOME"
export SPARK_SCALA_VERSION=2.13

if [ -n "${JAVA_HOME-}" ]; then
  RUNNER="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  RUNNER="java"
else
  echo "JAVA_HOME is not set" >&2
  exit 1
fi
# The launcher needs its own jar only (it builds the driver's class path from $SPARK_HOME/jars
# itself): looking its classes up through all ~250 jars, as spark-class does, took 270-300 ms
# against 145-150 ms, for the same command (this VM, three runs each).
launcher_jars=("$SPARK_HOME"/jars/spark-launcher_*.jar)
if [ ${#launcher_jars[@]} -eq 1 ] && [ -f "${launcher_jars[0]}" ]; then
  LAUNCH_CLASSPATH="${launcher_jars[0]}"
else
  LAUNCH_CLASSPATH="$SPARK_HOME/jars/*"
fi

# The launcher prints any messages, then a NUL + newline, then the final command with its arguments
# NUL-separated. The launcher's exit code is appended (NUL-terminated) so that it can be checked.
build_command() {
  # shellcheck disable=SC2086  # SPARK_LAUNCHER_OPTS is a list of JVM options, split on purpose
  "$RUNNER" -Xmx128m $SPARK_LAUNCHER_OPTS -cp "$LAUNCH_CLASSPATH" org.apache.spark.launcher.Main \
    org.apache.spark.deploy.SparkSubmit "$@"
  printf "%d\0" $?
}

CMD=()
DELIM=$'\n'
CMD_START_FLAG="false"
while IFS= read -d "$DELIM" -r _ARG; do
  ARG=${_ARG//$'\r'}
  if [ "$CMD_START_FLAG" == "true" ]; then
    CMD+=("$ARG")
  else
    if [ "$ARG" == $'\0' ]; then
      # After the NUL line is consumed, switch the delimiter to NUL and read the command.
      DELIM=''
      CMD_START_FLAG="true"
    elif [ "$ARG" != "" ]; then
      echo "$ARG"
    fi
  fi
done < <(build_command "${SUBMIT_ARGS[@]}")

COUNT=${#CMD[@]}
if (( COUNT == 0 )); then
  # The launcher failed before printing a command; its exit code is then the unterminated last
  # "line" (read drops the NUL), left in _ARG when the loop ended.
  echo "submit.sh: the Spark launcher failed to build the spark-submit command" >&2
  if [[ "${_ARG-}" =~ ^[0-9]+$ ]] && [ "$_ARG" != 0 ]; then exit "$_ARG"; fi
  exit 1
fi
LAST=$((COUNT - 1))
LAUNCHER_EXIT_CODE=${CMD[$LAST]}

# Certain JVM failures print errors to stdout, confusing the parsing above: if the last element is
# not an integer, show what was read and fail.
if ! [[ $LAUNCHER_EXIT_CODE =~ ^[0-9]+$ ]]; then
  echo "${CMD[@]}" | head -n-1 1>&2
  exit 1
fi

if [ "$LAUNCHER_EXIT_CODE" != 0 ]; then
  exit "$LAUNCHER_EXIT_CODE"
fi

CMD=("${CMD[@]:0:$LAST}")

# The driver's heap as the launcher gave it (-Xmx, in MB; empty when not found).
heap_mb=""
for a in "${CMD[@]}"; do
  case "$a" in
    -Xmx*[gG]) v="${a#-Xmx}"; v="${v%[gG]}"; [[ "$v" =~ ^[0-9]+$ ]] && heap_mb=$((v * 1024)) ;;
    -Xmx*[mM]) v="${a#-Xmx}"; v="${v%[mM]}"; [[ "$v" =~ ^[0-9]+$ ]] && heap_mb=$v ;;
  esac
done
# The young generation's size (above), capped at a quarter of that heap.
HEAP_OPTS=()
if [ "$young_mb" != off ]; then
  if [ -n "$heap_mb" ] && (( heap_mb / 4 < young_mb )); then young_mb=$((heap_mb / 4)); fi
  (( young_mb > 0 )) && HEAP_OPTS=("-Xmn${young_mb}m")
fi
# A driver given more than the default 1g (--driver-memory, for data to hold) starts with all of it
# committed (-Xms = -Xmx; committed is not touched). Growing from the JVM's initial 1/64 of the
# machine's memory, G1 expanded the heap step by step as the blocks filled it, and ran a concurrent
# marking cycle at each humongous block allocation past its occupancy threshold (a percentage of the
# heap at that moment). Alternating pairs, 6g: G1 from CSV 15.1 -> 12.6 and 14.2 -> 13.5 s, from
# Parquet 9.9 -> 10.0 and 10.3 -> 9.8 s, B2 15.0 -> 14.2 and 16.3 -> 15.3 s (resident 1.7 -> 1.0 GB,
# system time 3.3-3.8 -> 1.9-2.1 s); the 1g sample was 0.1-0.9 s slower in three pairs, hence the
# threshold. An -Xms in your --driver-java-options wins.
if [ -n "${heap_mb:-}" ] && (( heap_mb > 1024 )); then
  HEAP_OPTS+=("-Xms${heap_mb}m")
fi

# --- class-data sharing for the driver JVM (embedded runtime) --------------------------------------
# The driver maps its classes from a dynamic AppCDS archive (JEP 350) made for this JDK and these
# jars, instead of loading and verifying them from ~250 jars: 3-4 s less start-up on 2 cores. The
# first successful `train` without one records it (~30 s more, once per build of the runtime or JDK
# upgrade) in $SPARK_LASSO_CDS_DIR (default target/spark/cds/: point it at a persistent volume where
# target/ is thrown away after each run, e.g. a fresh container per job). SPARK_LASSO_CDS=off turns
# both off.
# It is recorded with -XX:ArchiveClassesAtExit, which links every loaded class before dumping: JDK 17's
# on-demand dump (jcmd VM.cds dynamic_dump, used before) skipped the ~4,000 classes loaded but not yet
# linked (-Xlog:cds: "Skipping ...: Not linked"), and the archive held 13,000 of 21,600 classes. With
# all of them the sample job ran in 8.0-8.1 s instead of 8.4-9.5 s (four alternating pairs: start-up
# -0.4 s, load -0.3 s). The JVM dumps at every exit, so the dump goes to a file of its own, kept only
# when the job succeeded.
CDS_OPTS=()
record_archive=""
if [ "${SPARK_LASSO_CDS:-on}" != off ]; then
  cds_dir="${SPARK_LASSO_CDS_DIR:-$EMBEDDED_HOME/cds}"
  java_bin="$(readlink -f "$(command -v "${CMD[0]}")" 2>/dev/null)"
  jdk_dir="$(dirname "$(dirname "$java_bin")")"
  # The archive is only valid for the JDK and the class path it was made with: both are in its name.
  cds_key="$( { echo "$java_bin"; stat -L -c '%n %s %Y' "$jdk_dir/lib/modules" "$SPARK_HOME"/jars/*; } 2>/dev/null \
              | cksum | cut -d' ' -f1)"
  archive="$cds_dir/driver-$cds_key.jsa"
  # The JDK's own CDS notices (skipped signed jars, a mismatch) would otherwise land on stdout.
  quiet_cds=(-Xlog:cds=off -Xlog:cds+dynamic=off)
  if [ -s "$archive" ]; then
    CDS_OPTS=("-XX:SharedArchiveFile=$archive" "${quiet_cds[@]}")
  elif [ "${APP_ARGS[0]}" = train ] && mkdir -p "$cds_dir" 2>/dev/null && [ -w "$cds_dir" ]; then
    rm -f "$cds_dir"/driver-*.jsa   # made for an earlier runtime or JDK
    record_archive="$archive"
    CDS_OPTS=("-XX:ArchiveClassesAtExit=$archive.$$.tmp" "${quiet_cds[@]}")
  fi
fi

# --- transparent huge pages for the driver's heap --------------------------------------------------
# Where the kernel hands out transparent huge pages on request (enabled = [madvise]), the driver's
# heap asks for them: loading fills the heap with cached blocks, and with 4 KB pages the page faults
# took 30-67 % of the CPU as system time during a load (JFR, G1's 10^6 x 100 Parquet on this 2-core
# VM). Three pairs of cold runs there: load 9.4-11.3 -> 8.1-9.4 s, fit 2.6-3.5 -> 1.5-2.3 s. With
# [always] the heap gets them anyway; with [never] the JVM would print a warning. SPARK_LASSO_THP=off
# leaves them out.
THP_OPTS=()
if [ "${SPARK_LASSO_THP:-on}" != off ] && grep -q '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  THP_OPTS=(-XX:+UseTransparentHugePages)
fi

if [ -z "$record_archive" ]; then
  exec "${CMD[0]}" "${CDS_OPTS[@]}" "${THP_OPTS[@]}" "${HEAP_OPTS[@]}" "${JIT_OPTS[@]}" "${CMD[@]:1}"
fi

# --- the recording run: keep the archive only if the job succeeded ----------------------------------
# The driver runs as a child (stdin passed on) so that this script can look at its exit code; a
# TERM/INT/HUP sent to the script is passed on to it.
"${CMD[0]}" "${CDS_OPTS[@]}" "${THP_OPTS[@]}" "${HEAP_OPTS[@]}" "${JIT_OPTS[@]}" "${CMD[@]:1}" <&0 &
driver=$!
trap 'kill -TERM "$driver" 2>/dev/null' TERM INT HUP
wait "$driver"; rc=$?
while kill -0 "$driver" 2>/dev/null; do   # wait returned for a trapped signal: the driver is stopping
  wait "$driver"; rc=$?
done
if [ "$rc" = 0 ] && [ -s "$record_archive.$$.tmp" ]; then
  mv -f "$record_archive.$$.tmp" "$record_archive" 2>/dev/null || rm -f "$record_archive.$$.tmp"
else
  rm -f "$record_archive.$$.tmp"
fi
exit "$rc"
