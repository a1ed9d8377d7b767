package org.sparklasso.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.SparkTestSession;

/**
 * The CSV loader parses numeric columns itself ({@link NumberText}); the oracle is Spark's own CSV
 * reader with a {@code DoubleType} column, which the loader used before: for every text, the same
 * double bit for bit, or both refuse it as not a number.
 */
class NumberTextTest {
    @TempDir
    Path dir;

    /** Texts at the edges of Java's syntax and of double rounding, then many written doubles. */
    private static List<String> texts() {
        List<String> t = new ArrayList<>(List.of("0", "-0", "1", "+3", "-2.5", ".5", "5.", "1e3", "1E-3", "1e+3",
                " 2 ", "\t7", "1d", "2F", "0x1p3", "0X1.8P1", "NaN", "-NaN", "Inf", "-Inf", "+Inf", "Infinity",
                "-Infinity", "nan", "inf", "1e400", "-1e400", "1e-400", "4.9e-324", "2.4703282292062328e-324",
                "2.2250738585072011e-308", "1.7976931348623157e308", "1.7976931348623159e308",
                "9007199254740993", "0.1000000000000000055511151231257827", "123456789012345678901234567890",
                "1,5", "1.2.3", "abc", "1e", "e5", "--1", "0x", "1_000", "١٢", "0.30000000000000004",
                "3.141592653589793238462643383279502884197", "-0.0000000000000000000000000000001234",
                "1." + "0".repeat(80) + "1", "-" + "9".repeat(70)));
        SplittableRandom rnd = new SplittableRandom(20261207);
        for (int i = 0; i < 3000; i++) {
            double x = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-30, 30));
            t.add(switch (i % 4) {
                case 0 -> Double.toString(x);
                case 1 -> String.format(Locale.ROOT, "%.17g", x);
                case 2 -> String.format(Locale.ROOT, "%." + rnd.nextInt(1, 25) + "e", x);
                default -> Double.toString(Double.longBitsToDouble(rnd.nextLong()));
            });
        }
        return t;
    }

    @Test
    void parsesEveryTextAsSparksDoubleColumnDoes() throws IOException {
        checkAgainstSpark(Map.of());
    }

    @Test
    void honoursTheNanAndInfinitySpellingsOfTheCsvOptions() throws IOException {
        checkAgainstSpark(Map.of("nanValue", "NA", "positiveInf", "INF", "negativeInf", "-INF"));
    }

    @Test
    void refusesTextThatIsNotANumber() {
        NumberText text = NumberText.of(Map.of());
        assertThrows(NumberFormatException.class, () -> text.parse("1,5"));
        assertThrows(NumberFormatException.class, () -> text.parse(""));
        assertEquals(0.1, text.parse("0.1"));
    }

    private void checkAgainstSpark(Map<String, String> options) throws IOException {
        List<String> texts = new ArrayList<>(texts());
        texts.addAll(List.of("NA", "INF", "-INF"));
        Path csv = dir.resolve("values-" + options.size() + ".csv");
        Files.write(csv, texts);
        StructType typed = new StructType().add("v", DataTypes.DoubleType).add("_corrupt", DataTypes.StringType);
        List<Row> sparks = SparkTestSession.get().read().options(options).option("header", "false")
                .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", "_corrupt").schema(typed)
                .csv(csv.toString()).coalesce(1).collectAsList();
        List<Row> raw = SparkTestSession.get().read().options(options).option("header", "false")
                .schema(new StructType().add("v", DataTypes.StringType)).csv(csv.toString()).coalesce(1)
                .collectAsList();
        assertEquals(texts.size(), sparks.size());
        assertEquals(texts.size(), raw.size());
        NumberText parser = NumberText.of(new java.util.TreeMap<>(options));
        int compared = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = raw.get(i).getString(0);
            Row spark = sparks.get(i);
            boolean sparkRefused = spark.isNullAt(0);
            Double ours;
            Double oursUtf8;
            try {
                ours = text == null ? null : parser.parse(text);
            } catch (NumberFormatException e) {
                ours = null;
            }
            try {
                oursUtf8 = text == null ? null : parser.parse(UTF8String.fromString(text), new char[64]);
            } catch (NumberFormatException e) {
                oursUtf8 = null;
            }
            String where = "line " + (i + 1) + " '" + texts.get(i) + "'";
            if (sparkRefused) {
                assertEquals(null, ours, where + ": Spark reads no number");
                assertEquals(null, oursUtf8, where + ": Spark reads no number (internal string)");
            } else {
                assertEquals(Double.doubleToLongBits(spark.getDouble(0)), Double.doubleToLongBits(ours),
                        where + ": Spark reads " + spark.getDouble(0) + ", ours " + ours);
                assertEquals(Double.doubleToLongBits(spark.getDouble(0)), Double.doubleToLongBits(oursUtf8),
                        where + ": Spark reads " + spark.getDouble(0) + ", ours (internal string) " + oursUtf8);
                compared++;
            }
        }
        assertEquals(true, compared > 3000, "most texts are numbers: " + compared);
    }
}
