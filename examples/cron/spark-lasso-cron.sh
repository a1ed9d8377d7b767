#!/usr/bin/env bash
#
# spark-lasso-cron.sh — run one dated spark-lasso training from cron.
#
#   spark-lasso-cron.sh CONFIG OUTPUT_BASE [-- SUBMIT_ARGS...]
#
# Trains with `submit.sh [SUBMIT_ARGS...] train --config CONFIG --output OUTPUT_BASE/<date>`, where
# <date> is today's date (`date +%F`, or $RUN_DATE to rerun a given day), and:
#   - takes an exclusive lock (flock) first: while a run holds it, another invocation does not start
#     and exits with 75 (EX_TEMPFAIL, "try again later"), or waits up to $LOCK_WAIT seconds for it
#     when that is set (then 75 if it is still held). The lock file is $LOCK_FILE (default
#     OUTPUT_BASE/.spark-lasso.lock). The job's JVM inherits the lock, so it is held until the
#     job itself has exited. Use one OUTPUT_BASE (or LOCK_FILE) per job: different jobs may run
#     side by side;
#   - writes everything the run prints to its own log file, $LOG_DIR/train-<date>T<time>.log
#     (default LOG_DIR = OUTPUT_BASE/logs), with a start and an end line; a refused run gets one
#     too, with the reason;
#   - exits with the job's exit code: 0 ok, 1 failure (worth retrying), 2 bad configuration,
#     3 bad input (see README, "Exit codes and errors"); 75 when locked out, 64 on wrong usage.
# No partial output is left behind: the job writes to a hidden staging directory and renames it
# into place with _SUCCESS last, so OUTPUT_BASE/<date> is either the previous complete output or
# the new complete one. Rerunning a day replaces that day's output with the same result.
#
# Environment: SPARK_LASSO_HOME (default: two levels above this script, the project directory),
# RUN_DATE, LOCK_FILE, LOCK_WAIT, LOG_DIR; SPARK_HOME as for submit.sh. OUTPUT_BASE may be any
# Hadoop file system URI (hdfs://..., s3a://...); logs and the lock then default to
# SPARK_LASSO_HOME/work-output/cron/ (they must be local files). Relative paths inside
# CONFIG (e.g. input=sample-data/diabetes.csv) are resolved from SPARK_LASSO_HOME.

set -u -o pipefail

usage() {
  echo "usage: $(basename "$0") CONFIG OUTPUT_BASE [-- SUBMIT_ARGS...]" >&2
  exit 64
}
[ $# -ge 2 ] || usage
CONFIG=$1
OUTPUT_BASE=$2
shift 2
SUBMIT_ARGS=()
if [ $# -gt 0 ]; then
  [ "$1" = "--" ] || usage
  shift
  SUBMIT_ARGS=("$@")
fi

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SPARK_LASSO_HOME=${SPARK_LASSO_HOME:-$(cd "$SCRIPT_DIR/../.." && pwd)}
# Absolute paths before changing directory.
case "$CONFIG" in /*) ;; *) CONFIG="$PWD/$CONFIG" ;; esac
case "$OUTPUT_BASE" in /*|*://*) ;; *) OUTPUT_BASE="$PWD/$OUTPUT_BASE" ;; esac

RUN_DATE=${RUN_DATE:-$(date +%F)}
# Logs and the lock are local files: beside the outputs when OUTPUT_BASE is a local directory,
# else (hdfs:, s3a: ...) under SPARK_LASSO_HOME/work-output/cron unless LOG_DIR / LOCK_FILE say.
case "$OUTPUT_BASE" in
  *://*) LOCAL_BASE="$SPARK_LASSO_HOME/work-output/cron" ;;
  *) LOCAL_BASE="$OUTPUT_BASE" ;;
esac
LOG_DIR=${LOG_DIR:-$LOCAL_BASE/logs}
LOCK_FILE=${LOCK_FILE:-$LOCAL_BASE/.spark-lasso.lock}
OUTPUT="$OUTPUT_BASE/$RUN_DATE"

mkdir -p "$LOG_DIR" "$(dirname "$LOCK_FILE")" || exit 1
LOG="$LOG_DIR/train-${RUN_DATE}T$(date +%H%M%S)-$$.log"

exec 9>>"$LOCK_FILE" || exit 1
if [ -n "${LOCK_WAIT:-}" ]; then
  flock -w "$LOCK_WAIT" 9
else
  flock -n 9
fi || {
  echo "$(date -Is) spark-lasso: another run holds $LOCK_FILE; not started (exit 75)" | tee -a "$LOG" >&2
  exit 75
}

cd "$SPARK_LASSO_HOME" || exit 1
{
  echo "$(date -Is) start: submit.sh ${SUBMIT_ARGS[*]+${SUBMIT_ARGS[*]}} train --config $CONFIG --output $OUTPUT (pid $$)"
} >>"$LOG"
"$SPARK_LASSO_HOME/submit.sh" ${SUBMIT_ARGS[@]+"${SUBMIT_ARGS[@]}"} train --config "$CONFIG" --output "$OUTPUT" >>"$LOG" 2>&1
rc=$?
echo "$(date -Is) end: exit code $rc" >>"$LOG"
exit "$rc"
