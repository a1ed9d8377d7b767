package org.sparklasso.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * submit.sh has the driver's JIT compile some kernel classes early, naming them in
 * {@code KERNEL_JIT_CLASSES} (this package) and {@code NETLIB_JIT_CLASSES} (netlib's BLAS); a JVM
 * method pattern that matches nothing is silently ignored, so a renamed or moved class would quietly
 * lose the setting. Each name must be a class of its package with methods of its own.
 */
class SubmitKernelListTest {
    private static final Pattern LIST = Pattern.compile("(?m)^KERNEL_JIT_CLASSES=\\(([^)]*)\\)$");
    private static final Pattern NETLIB_LIST = Pattern.compile("(?m)^NETLIB_JIT_CLASSES=\\(([^)]*)\\)$");
    private static final String PATTERN = "org/sparklasso/kernel/$c.*";
    private static final String NETLIB_PATTERN = "dev/ludovic/netlib/blas/$c.*";

    @Test
    void everyClassSubmitShCompilesEarlyExists() throws IOException {
        Path submit = Path.of(System.getProperty("sparklasso.basedir", ".")).resolve("submit.sh");
        String script = Files.readString(submit);
        List<String> names = listed(script, LIST, submit);
        assertEquals(List.of("GramTiles", "DenseGram", "DenseMoments", "DenseVectorLoops", "LogisticRows",
                "RowMajorProducts", "WeightedGram", "WeightedColumns"), names, "the list docs/running.md describes");
        assertTrue(script.contains(PATTERN), "submit.sh builds the method pattern " + PATTERN);
        checkClasses(SubmitKernelListTest.class.getPackageName(), names);
        List<String> netlib = listed(script, NETLIB_LIST, submit);
        assertEquals(List.of("VectorBLAS"), netlib, "the list docs/running.md describes");
        assertTrue(script.contains(NETLIB_PATTERN), "submit.sh builds the method pattern " + NETLIB_PATTERN);
        checkClasses("dev.ludovic.netlib.blas", netlib);
    }

    private static List<String> listed(String script, Pattern list, Path submit) {
        Matcher m = list.matcher(script);
        assertTrue(m.find(), "no " + list.pattern() + " line in " + submit);
        return List.of(m.group(1).trim().split("\\s+"));
    }

    private static void checkClasses(String pkg, List<String> names) {
        for (String name : names) {
            Class<?> c;
            try {
                c = Class.forName(pkg + "." + name);
            } catch (ClassNotFoundException e) {
                fail("submit.sh names class " + pkg + "." + name + ", which does not exist");
                return;
            }
            Method[] own = c.getDeclaredMethods();
            assertTrue(own.length > 0, name + " has no methods for the pattern to match");
        }
    }
}
