package dev.storyline.cluster.store;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "story")
public class Story extends PanacheEntityBase {
    @Id
    public String id;
    public String title;
    public int size;
    @Column(name = "first_seen")
    public Instant firstSeen;
    @Column(name = "last_updated")
    public Instant lastUpdated;
    @Column(name = "merged_into")
    public String mergedInto;
}
