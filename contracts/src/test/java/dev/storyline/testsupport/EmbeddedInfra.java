package dev.storyline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.storyline.contracts.Topics;

/**
 * A real Kafka broker (KRaft, in this JVM) and a real PostgreSQL server (embedded binaries), started once
 * per test JVM and shared by every test in it. Nothing here is a mock.
 */
public final class EmbeddedInfra {

    private static EmbeddedInfra instance;

    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedPostgres postgres;

    private EmbeddedInfra() throws IOException {
        kafka = new EmbeddedKafkaBroker()
                .withDeleteLogDirsOnClose(true)
                .withAdditionalProperties(p -> {
                    // Topics come from the services' provisioning, with the partitions and limits they need.
                    p.put("auto.create.topics.enable", "false");
                    p.put("message.max.bytes", Integer.toString(Topics.MAX_MESSAGE_BYTES));
                    p.put("group.initial.rebalance.delay.ms", "0");
                    p.put("offsets.topic.num.partitions", "5");
                });
        kafka.start();
        postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-infra-stop"));
    }

    public static synchronized EmbeddedInfra get() {
        if (instance == null) {
            try {
                instance = new EmbeddedInfra();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
        return instance;
    }

    public String bootstrapServers() {
        return kafka.getAdvertisedListeners();
    }

    /** Creates the database when it does not exist yet and returns its JDBC URL. */
    public synchronized String database(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE \"" + name + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    private void stop() {
        try {
            kafka.close();
        } catch (RuntimeException ignored) {
            // the JVM is exiting anyway
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException ignored) {
            // the JVM is exiting anyway
        }
    }
}
