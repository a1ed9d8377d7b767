package org.sparklasso;

import org.apache.spark.sql.SparkSession;

/**
 * The one local[2] Spark session every test shares (Surefire runs all test classes in one JVM).
 * {@code spark.lasso.keepSession=true} stops {@code Main} from stopping it after a command.
 */
public final class SparkTestSession {
    private static SparkSession session;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("spark-lasso tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.lasso.keepSession", "true")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }

    /** Runs {@code body} with the shared session's SQL setting {@code key} at {@code value}, then puts it back. */
    public static void withConf(String key, String value, Runnable body) {
        SparkSession spark = get();
        String before = spark.conf().getOption(key).isDefined() ? spark.conf().get(key) : null;
        spark.conf().set(key, value);
        try {
            body.run();
        } finally {
            if (before == null) {
                spark.conf().unset(key);
            } else {
                spark.conf().set(key, before);
            }
        }
    }
}
