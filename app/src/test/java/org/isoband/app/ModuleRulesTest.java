package org.isoband.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/architecture.md, checked on every module's main classes (each module's
 * target/classes, so that no test class or test jar counts): core depends on nothing but the JDK and Jackson,
 * device and dashboard only on core, gateway on device and core, and nothing on app. Maven already refuses a
 * cycle; these rules refuse a new arrow between modules that the poms would allow by transitivity.
 */
class ModuleRulesTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        Path[] dirs = {Path.of("../core/target/classes"), Path.of("../device/target/classes"),
            Path.of("../gateway/target/classes"), Path.of("../dashboard/target/classes"), Path.of("target/classes")};
        for (Path dir : dirs) {
            assertThat(dir).as("built before app's tests").isDirectory();
        }
        main = new ClassFileImporter().importPaths(dirs);
    }

    @Test
    void everyModuleIsImported() {
        for (String module : new String[] {"core", "device", "gateway", "dashboard", "app"}) {
            assertThat(main.stream().filter(c -> c.getPackageName().startsWith("org.isoband." + module + ".")))
                    .as(module).isNotEmpty();
        }
    }

    @Test
    void coreDependsOnlyOnTheJdkAndJackson() {
        // javax.net.ssl: core.tls reads the broker's PEM files the same way for the gateway and the dashboard.
        classes().that().resideInAPackage("org.isoband.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.net.ssl..", "com.fasterxml.jackson..", "org.isoband.core..")
                .check(main);
    }

    @Test
    void deviceDependsOnCoreOnly() {
        noClasses().that().resideInAPackage("org.isoband.device..")
                .should().dependOnClassesThat().resideInAnyPackage("org.isoband.gateway..", "org.isoband.dashboard..", "org.isoband.app..")
                .check(main);
    }

    @Test
    void dashboardDependsOnCoreOnly() {
        noClasses().that().resideInAPackage("org.isoband.dashboard..")
                .should().dependOnClassesThat().resideInAnyPackage("org.isoband.device..", "org.isoband.gateway..", "org.isoband.app..")
                .check(main);
    }

    @Test
    void gatewayDependsOnDeviceAndCoreButNotOnTheDashboardOrTheDemoBroker() {
        noClasses().that().resideInAPackage("org.isoband.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage("org.isoband.dashboard..", "org.isoband.app..",
                        "io.moquette..", "io.javalin..", "org.flywaydb..", "org.eclipse.jetty..")
                .check(main);
    }

    @Test
    void nothingDependsOnApp() {
        noClasses().that().resideOutsideOfPackage("org.isoband.app..")
                .should().dependOnClassesThat().resideInAPackage("org.isoband.app..")
                .check(main);
    }

    @Test
    void onlyAppTouchesTheLoggingBackend() {
        noClasses().that().resideInAnyPackage("org.isoband.core..", "org.isoband.gateway..", "org.isoband.dashboard..")
                .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.slf4j.jul..")
                .check(main);
    }

    @Test
    void noLibraryModuleShipsALoggingBinding() throws Exception {
        // A library that ships a binding chooses the program's log for it: only app may (its pom, runtime scope).
        for (String module : new String[] {"core", "device", "gateway", "dashboard"}) {
            String pom = Files.readString(Path.of("..", module, "pom.xml"));
            assertThat(pom.replaceAll("(?s)<dependency>\\s*(<!--.*?-->\\s*)?<groupId>org.slf4j</groupId>\\s*"
                    + "<artifactId>slf4j-jdk14</artifactId>\\s*<scope>test</scope>", ""))
                    .as(module + "/pom.xml").doesNotContain("slf4j-jdk14", "slf4j-simple", "logback-classic");
        }
    }
}
