package dev.storyline.ingest.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The native image's reflection list for Rome names every class Rome loads by name, for the Rome on the classpath. */
class RomeReflectionTest {

    @Test
    void everyPluginRomeNamesIsRegistered() throws IOException {
        Set<String> named;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("com/rometools/rome/rome.properties")) {
            named = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines()
                    .filter(l -> !l.startsWith("#")).flatMap(l -> Arrays.stream(l.split("[\\s=\\\\]+")))
                    .filter(t -> t.startsWith("com.")).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> registered = new TreeSet<>();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/native-image/dev.storyline/ingest-service/reflect-config.json")) {
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                registered.add(n.get("name").asText());
            }
        }
        assertEquals(named, registered);
    }
}
