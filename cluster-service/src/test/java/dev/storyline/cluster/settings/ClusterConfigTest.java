package dev.storyline.cluster.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.storyline.cluster.core.Settings;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The service's clustering settings reach the core, from environment variables too; a misspelt key fails. */
class ClusterConfigTest {

    private static SmallRyeConfig config(Map<String, String> env, Map<String, String> props) {
        return new SmallRyeConfigBuilder().withSources(new EnvConfigSource(env, 300))
                .withSources(new PropertiesConfigSource(props, "test", 250)).withMapping(ClusterConfig.class).build();
    }

    @Test
    void anEnvironmentVariableReachesTheCore() {
        ClusterConfig c = config(Map.of("STORYLINE_CLUSTER_JOIN_THRESHOLD", "0.7", "STORYLINE_CLUSTER_MAX_CANDIDATES", "9"),
                Map.of()).getConfigMapping(ClusterConfig.class);
        Settings s = Settings.load(c.overrides());
        assertEquals(0.7, s.joinThreshold());
        assertEquals(9, s.maxCandidates());
        assertEquals(Settings.defaults().mergeThreshold(), s.mergeThreshold());
    }

    @Test
    void nothingGivenKeepsTheCoreDefaults() {
        ClusterConfig c = config(Map.of(), Map.of()).getConfigMapping(ClusterConfig.class);
        assertTrue(c.overrides().isEmpty());
        assertEquals(Settings.defaults(), Settings.load(c.overrides()));
    }

    @Test
    void aMisspeltKeyOrABadValueFailsTheStart() {
        assertThrows(RuntimeException.class, () -> config(Map.of(), Map.of("storyline.cluster.join-treshold", "0.3")));
        assertThrows(RuntimeException.class, () -> config(Map.of(), Map.of("storyline.cluster.join-threshold", "high")));
    }
}
