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
 * {@code KERNEL_JIT_CLASSES}; a JVM method pattern that matches nothing is silently ignored, so a
 * renamed or moved class would quietly lose the setting. Each name must be a class of this package
 * with methods of its own.
 */
class SubmitKernelListTest {
    private static final Pattern LIST = Pattern.compile("(?m)^KERNEL_JIT_CLASSES=\\(([^)]*)\\)$");
    private static final String PATTERN = "org/sparklasso/kernel/$c.*";

    @Test
    void everyClassSubmitShCompilesEarlyExistsInTheKernelPackage() throws IOException {
        Path submit = Path.of(System.getProperty("sparklasso.basedir", ".")).resolve("submit.sh");
        String script = Files.readString(submit);
        Matcher m = LIST.matcher(script);
        assertTrue(m.find(), "no KERNEL_JIT_CLASSES=(...) line in " + submit);
        List<String> names = List.of(m.group(1).trim().split("\\s+"));
        assertEquals(List.of("GramTiles", "DenseGram", "DenseMoments", "DenseVectorLoops"), names,
                "the list docs/running.md describes");
        assertTrue(script.contains(PATTERN), "submit.sh builds the method pattern " + PATTERN);
        for (String name : names) {
            Class<?> c;
            try {
                c = Class.forName(SubmitKernelListTest.class.getPackageName() + "." + name);
            } catch (ClassNotFoundException e) {
                fail("submit.sh names kernel class " + name + ", which does not exist");
                return;
            }
            Method[] own = c.getDeclaredMethods();
            assertTrue(own.length > 0, name + " has no methods for the pattern to match");
        }
    }
}
