package org.sparklasso.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's packages form layers whose imports only point down (DESIGN.md, "Code layout"):
 * the CLI on top, then the writers of its outputs, the library API, the path driver, the solvers,
 * the penalties, the passes (the code that runs on executors), the datafits they evaluate, the
 * input step, blocks, kernels and, at the bottom, the shared vocabulary (family, fit
 * specification, error types). Every product class sits in one of them.
 */
class LayeringTest {
    /** Top to bottom: a layer may use only the layers after it. */
    static final List<String> LAYERS = List.of("cli", "ml", "output", "api", "path", "solver", "penalty", "pass",
            "datafit", "input", "block", "kernel", "spec");

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.sparklasso");
    }

    @Test
    void importsOnlyPointDown() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : LAYERS) {
            rule = rule.layer(layer).definedBy("org.sparklasso." + layer + "..");
        }
        for (int i = 1; i < LAYERS.size(); i++) {
            rule = rule.whereLayer(LAYERS.get(i)).mayOnlyBeAccessedByLayers(
                    LAYERS.subList(0, i).toArray(String[]::new));
        }
        rule = rule.whereLayer(LAYERS.get(0)).mayNotBeAccessedByAnyLayer();
        rule.check(product);
    }

    @Test
    void everyProductClassIsInALayer() {
        String[] packages = LAYERS.stream().map(l -> "org.sparklasso." + l + "..").toArray(String[]::new);
        classes().should().resideInAnyPackage(packages)
                .because("each product class belongs to one layer (" + Arrays.toString(packages) + ")")
                .check(product);
    }
}
