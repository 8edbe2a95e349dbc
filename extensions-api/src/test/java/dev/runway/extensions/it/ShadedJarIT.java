package dev.runway.extensions.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./mvnw package} makes of the SDK: one jar that carries runway-wire relocated, and a published POM
 * without it, so that an extension author gets no runtime dependency.
 */
class ShadedJarIT {

    private static final Path TARGET = Path.of("target");

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            return files.filter(f -> f.getFileName().toString().matches("runway-extensions-api-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no packaged jar in " + TARGET.toAbsolutePath()));
        }
    }

    @Test
    void theJarCarriesTheWireClientOnlyUnderTheSdksOwnPackage() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("dev/runway/extensions/internal/wire/http/Http1Client.class",
                    "dev/runway/extensions/internal/wire/http/Http1Connection.class");
            assertThat(names).noneMatch(name -> name.startsWith("dev/runway/wire/"));
            String client = new String(jar.getInputStream(jar.getEntry("dev/runway/extensions/ExtensionsClient.class"))
                    .readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(client).contains("dev/runway/extensions/internal/wire/http/Http1Client")
                    .doesNotContain("dev/runway/wire/");
        }
    }

    @Test
    void thePublishedPomHasNoRuntimeDependency() throws Exception {
        org.w3c.dom.Document pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("dependency-reduced-pom.xml").toFile());
        org.w3c.dom.NodeList dependencies = pom.getElementsByTagName("dependency");
        List<String> runtime = new java.util.ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            org.w3c.dom.Element dependency = (org.w3c.dom.Element) dependencies.item(i);
            String scope = text(dependency, "scope");
            boolean optional = "true".equals(text(dependency, "optional"));
            if (!optional && (scope == null || scope.equals("compile") || scope.equals("runtime"))) {
                runtime.add(text(dependency, "artifactId"));
            }
        }
        assertThat(runtime).isEmpty();
    }

    private static String text(org.w3c.dom.Element element, String child) {
        org.w3c.dom.NodeList nodes = element.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
