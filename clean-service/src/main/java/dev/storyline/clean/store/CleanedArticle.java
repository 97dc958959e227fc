package dev.storyline.clean.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.storyline.contracts.CleanArticle;

/** A cleaned article, keyed by the ingest id. Paragraphs are the text split on blank lines. */
@Entity
@Table(name = "cleaned_article")
public class CleanedArticle extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "external_id")
    public String externalId;
    public String url;
    @Column(name = "canonical_url")
    public String canonicalUrl;
    public String source;
    public String title;
    /** One byline a line. */
    public String bylines;
    public String published;
    @Column(name = "site_name")
    public String siteName;
    public String language;
    public String description;
    public String text;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "cleaned_at")
    public Instant cleanedAt;
    public boolean brief;
    /** What the cleaner left out and why, one line each. */
    public String dropped;

    public static CleanedArticle from(CleanArticle m) {
        CleanedArticle a = new CleanedArticle();
        a.id = m.id();
        a.externalId = m.externalId();
        a.url = m.url();
        a.canonicalUrl = m.canonicalUrl();
        a.source = m.source();
        a.title = m.title();
        a.bylines = String.join("\n", m.bylines());
        a.published = m.published();
        a.siteName = m.siteName();
        a.language = m.language();
        a.description = m.description();
        a.text = m.text();
        a.receivedAt = m.receivedAt();
        a.cleanedAt = m.cleanedAt();
        a.brief = m.brief();
        a.dropped = m.dropped().isEmpty() ? null : String.join("\n", m.dropped());
        return a;
    }

    public CleanArticle toMessage() {
        return new CleanArticle(CleanArticle.SCHEMA_VERSION, id, externalId, url, canonicalUrl, source, title,
                split(bylines, "\n"), published, siteName, language, description, split(text, "\n\n"), text,
                receivedAt, cleanedAt, brief, split(dropped, "\n"));
    }

    private static List<String> split(String value, String separator) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(separator));
    }
}
