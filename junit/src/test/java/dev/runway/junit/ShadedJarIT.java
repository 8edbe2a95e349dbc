package dev.runway.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The published runway-junit as a user's test sees it: failsafe runs this on the packaged (shaded) jar with bootstrap,
 * ric-core, Jackson (less its annotations), Netty and SLF4J taken off the class path (see the failsafe configuration
 * in this module's POM), so the kit must work from the jar alone, and the POM a user resolves must not bring them
 * back.
 */
class ShadedJarIT {

    @RegisterExtension
    static LambdaFunctionExtension lambda = LambdaFunctionExtension.handler(Greeter.class).timeoutSeconds(5);

    @Test
    void theKitRunsFromTheShadedJar() {
        CodeSource source = LambdaFunctionExtension.class.getProtectionDomain().getCodeSource();
        assertThat(source.getLocation().getPath()).endsWith(".jar");

        Greeter.Response response = lambda.invoke(new Greeter.Request("Ada", 0), Greeter.Response.class);
        assertThat(response.message()).isEqualTo("Hello, Ada!");
        assertThat(lambda.invoke(new Greeter.Request(null, 0)).error().orElseThrow().errorType())
                .isEqualTo("java.lang.IllegalArgumentException");
    }

    @Test
    void noUnrelocatedNettyJacksonOrSlf4jOnTheTestClassPath() {
        for (String name : new String[] {"io.netty.channel.Channel", "com.fasterxml.jackson.databind.ObjectMapper",
                "com.fasterxml.jackson.core.JsonFactory", "org.slf4j.Logger",
                "dev.runway.wire.internal.http.Http1Connection"}) {
            assertThatThrownBy(() -> Class.forName(name)).as(name).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void theRelocatedCopiesAreInsideTheJar() throws ClassNotFoundException {
        Class<?> jar = LambdaFunctionExtension.class;
        for (String name : new String[] {"dev.runway.internal.shaded.netty.channel.Channel",
                "dev.runway.internal.shaded.jackson.databind.ObjectMapper", "dev.runway.ric.RuntimeInterfaceClient",
                "dev.runway.internal.shaded.wire.internal.http.Http1Connection"}) {
            assertThat(Class.forName(name).getProtectionDomain().getCodeSource().getLocation())
                    .as(name).isEqualTo(jar.getProtectionDomain().getCodeSource().getLocation());
        }
        // The annotations stay the user's: the runtime's Jackson honours them on the function's classes.
        assertThat(Class.forName("com.fasterxml.jackson.annotation.JsonProperty")).isNotNull();
    }

    @Test
    void thePublishedPomDeclaresOnlyWhatStaysUnshaded() throws IOException {
        String pom = Files.readString(Path.of(System.getProperty("runway.junit.reducedPom")));
        String dependencies = pom.substring(pom.indexOf("<dependencies>"), pom.lastIndexOf("</dependencies>"));
        Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>\\s*<version>[^<]*</version>\\s*"
                + "(?:<type>[^<]*</type>\\s*)?(?:<scope>([^<]+)</scope>)?").matcher(dependencies);
        StringBuilder compile = new StringBuilder();
        while (artifact.find()) {
            String scope = artifact.group(2) == null ? "compile" : artifact.group(2);
            if (!scope.equals("test")) {
                compile.append(artifact.group(1)).append(' ');
            }
        }
        assertThat(compile.toString().split(" "))
                .contains("runway-api", "runway-extensions-api", "junit-jupiter-api", "aws-lambda-java-core",
                        "jackson-annotations")
                .noneMatch(name -> name.startsWith("netty") || name.startsWith("slf4j")
                        || name.matches("jackson-(core|databind|datatype.*)") || name.equals("runway-bootstrap")
                        || name.equals("runway-ric-core") || name.equals("runway-wire"));
        assertThat(pom).doesNotContain("<groupId>io.netty</groupId>");
    }
}
