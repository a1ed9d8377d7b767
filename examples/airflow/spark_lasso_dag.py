"""Daily spark-lasso training, then scoring of the day's new data, from Airflow
(apache-airflow-providers-apache-spark): train >> score.

Copy this file into the DAGs folder and adjust the paths below (or set the Airflow Variables
read at the top). Each run trains on the configured input and writes a dated output directory,
OUTPUT_BASE/<ds>/ (coefficients/, path/, cv/, metrics.json, plots/, _SUCCESS), replaced
atomically: a retry of the same date reruns the same job and replaces that date's output, so
retries are safe.

Exit codes of the job (org.sparklasso.spec.ExitCode):
  0  success, output complete
  1  failure: cluster, out of memory, internal error           -> retried
  2  bad arguments or configuration (a key, a value, output)   -> NOT retried: fix the config
  3  bad input data (missing file, bad rows, missing column)   -> NOT retried: fix the data
SparkSubmitOperator raises one AirflowException for every nonzero code ("... Error code is: N.");
the operator below turns codes 2 and 3 into AirflowFailException, which fails the task at once
without using its retries. Note: that code is spark-submit's own exit code. In client mode (the
driver runs inside the Airflow worker; also local mode) it is the job's. In YARN/Kubernetes
cluster mode spark-submit only sees the application's final state, so every failure comes back
as 1 and is retried.

Logs: the job logs to stderr (its progress at INFO; Spark at WARN through conf/log4j2.properties,
passed to the driver below). In client mode the driver's stderr is the Airflow task log.

OpenLineage (optional): with the openlineage-spark listener on the classpath, Spark reports the
job's inputs and outputs (the input path, the Parquet outputs) to an OpenLineage backend such as
Marquez. Add to `conf` (see OPENLINEAGE_CONF below):
  spark.extraListeners=io.openlineage.spark.agent.OpenLineageSparkListener
  spark.jars.packages=io.openlineage:openlineage-spark_2.13:<version>   (Scala 2.13 build)
  spark.openlineage.transport.type=http
  spark.openlineage.transport.url=http://marquez:5000
  spark.openlineage.namespace=spark-lasso
With apache-airflow-providers-openlineage installed and `[openlineage] spark_inject_parent_job_info
= True` in airflow.cfg, the provider also adds spark.openlineage.parentJobNamespace / parentJobName
/ parentRunId, linking the Spark run to this task's run.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.exceptions import AirflowException, AirflowFailException
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

# Where spark-lasso is installed (the jar from `mvn -B -DskipTests package`, the conf/ files).
SPARK_LASSO_HOME = "/opt/spark-lasso"
JAR = f"{SPARK_LASSO_HOME}/target/spark-lasso.jar"
CONFIG = f"{SPARK_LASSO_HOME}/conf/diabetes.properties"
LOG4J = f"{SPARK_LASSO_HOME}/conf/log4j2.properties"
# Dated outputs go under this directory (any Hadoop file system: file:, hdfs:, s3a:).
OUTPUT_BASE = "/data/spark-lasso/diabetes"
# The day's rows to score (features by name; any format train reads) and where their scores go:
# beside, not inside, the train output, which a retry of train replaces whole.
SCORE_INPUT = "/data/incoming/diabetes/{{ ds }}.csv"
SCORES_BASE = "/data/spark-lasso/diabetes-scores"

# Exit codes that a retry cannot fix (org.sparklasso.spec.ExitCode.BAD_CONFIG, BAD_INPUT).
NO_RETRY_EXIT_CODES = {2, 3}
_EXIT_CODE = re.compile(r"Error code is: (\d+)")

# Set OPENLINEAGE_VERSION to an openlineage-spark release that supports your Spark version
# (Spark 4 needs a recent one; see https://openlineage.io/docs/integrations/spark/).
OPENLINEAGE_VERSION = "REPLACE-ME"
OPENLINEAGE_CONF = {
    "spark.extraListeners": "io.openlineage.spark.agent.OpenLineageSparkListener",
    "spark.jars.packages": f"io.openlineage:openlineage-spark_2.13:{OPENLINEAGE_VERSION}",
    "spark.openlineage.transport.type": "http",
    "spark.openlineage.transport.url": "http://marquez:5000",
    "spark.openlineage.namespace": "spark-lasso",
}
ENABLE_OPENLINEAGE = False


class SparkLassoSubmitOperator(SparkSubmitOperator):
    """SparkSubmitOperator that does not retry configuration (2) and input (3) errors."""

    def execute(self, context):
        try:
            return super().execute(context)
        except AirflowException as e:
            match = _EXIT_CODE.search(str(e))
            if match and int(match.group(1)) in NO_RETRY_EXIT_CODES:
                raise AirflowFailException(
                    f"spark-lasso exited with {match.group(1)} (2 = bad configuration, "
                    f"3 = bad input): not retried. {e}"
                ) from e
            raise


conf = {
    # One BLAS thread per task: Spark already runs one task per core.
    "spark.executorEnv.OPENBLAS_NUM_THREADS": "1",
    # Driver logging: spark-lasso at INFO, Spark at WARN, all on stderr (= the task log).
    "spark.driver.extraJavaOptions": f"-Dlog4j.configurationFile=file:{LOG4J} -Djava.awt.headless=true",
    "spark.executor.extraJavaOptions": "-Djava.awt.headless=true",
}
if ENABLE_OPENLINEAGE:
    conf.update(OPENLINEAGE_CONF)

with DAG(
    dag_id="spark_lasso_daily",
    description="Fit the lasso path with cross-validation and write dated coefficients",
    schedule="@daily",
    start_date=pendulum.datetime(2026, 12, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,  # one training at a time
    default_args={
        "retries": 2,
        "retry_delay": timedelta(minutes=10),
        "retry_exponential_backoff": True,
        "execution_timeout": timedelta(hours=2),
    },
    tags=["spark-lasso"],
) as dag:
    train = SparkLassoSubmitOperator(
        task_id="train",
        conn_id="spark_default",  # its host is the master: local[*], yarn, spark://host:7077, k8s://...
        application=JAR,
        java_class="org.sparklasso.cli.Main",
        name="spark-lasso-{{ ds }}",
        # application_args is templated: {{ ds }} is the run's logical date, YYYY-MM-DD.
        application_args=[
            "train",
            "--config", CONFIG,
            "--output", OUTPUT_BASE + "/{{ ds }}",
        ],
        conf=conf,
        # The driver's own environment (client mode): one BLAS thread there too.
        env_vars={"OPENBLAS_NUM_THREADS": "1"},
        driver_memory="4g",
        executor_memory="4g",
        verbose=False,
    )

    # Scores the day's new rows with the model train just wrote (its model/ directory); the same
    # exit codes and retry rules (3 = a missing feature column or a bad value: not retried).
    score = SparkLassoSubmitOperator(
        task_id="score",
        conn_id="spark_default",
        application=JAR,
        java_class="org.sparklasso.cli.Main",
        name="spark-lasso-score-{{ ds }}",
        application_args=[
            "score",
            "--model", OUTPUT_BASE + "/{{ ds }}",
            "--input", SCORE_INPUT,
            "--output", SCORES_BASE + "/{{ ds }}",
            "--keepCols", "id",
        ],
        conf=conf,
        env_vars={"OPENBLAS_NUM_THREADS": "1"},
        driver_memory="2g",
        verbose=False,
    )

    train >> score
