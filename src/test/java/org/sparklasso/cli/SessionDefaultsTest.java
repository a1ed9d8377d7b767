package org.sparklasso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.sparklasso.output.NioLocalFileSystem;

/**
 * The local file system without chmod processes and no web UI: in local mode only, and never over the
 * user's own settings.
 */
class SessionDefaultsTest {
    private static SparkConf conf(String... keyValues) {
        SparkConf conf = new SparkConf(false);
        for (int i = 0; i < keyValues.length; i += 2) {
            conf.set(keyValues[i], keyValues[i + 1]);
        }
        return conf;
    }

    @Test
    void localModeGetsTheNioLocalFileSystemAndNoWebUi() {
        for (String master : new String[] {"local", "local[*]", "local[2]", "local[2,3]"}) {
            assertEquals(Map.of("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName(),
                            "spark.ui.enabled", "false"),
                    Main.sessionDefaults(conf("spark.master", master)), master);
        }
    }

    @Test
    void aUserWhoAsksForTheWebUiGetsIt() {
        assertEquals(Map.of("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName()),
                Main.sessionDefaults(conf("spark.master", "local[2]", "spark.ui.enabled", "true")));
    }

    @Test
    void clustersAndTheUsersOwnSettingAreLeftAlone() {
        assertTrue(Main.sessionDefaults(conf("spark.master", "spark://host:7077")).isEmpty());
        assertTrue(Main.sessionDefaults(conf("spark.master", "yarn")).isEmpty());
        assertTrue(Main.sessionDefaults(conf("spark.master", "local-cluster[2,1,1024]")).isEmpty());
        assertTrue(Main.sessionDefaults(conf()).isEmpty());
        assertTrue(Main.sessionDefaults(conf("spark.master", "local[*]", "spark.hadoop.fs.file.impl",
                "org.apache.hadoop.fs.LocalFileSystem", "spark.ui.enabled", "true")).isEmpty());
    }
}
