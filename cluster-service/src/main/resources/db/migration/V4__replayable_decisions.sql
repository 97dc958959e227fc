-- What each decision did, so that a restart replays the decisions themselves, merges included, and rebuilds the
-- very index the service had: the story the article joined at the time, and the stories it folded into that one.
-- story_id keeps saying where the article is now.
ALTER TABLE membership ADD COLUMN joined_story_id VARCHAR(64);
ALTER TABLE membership ADD COLUMN folded_story_ids TEXT;

UPDATE membership m SET joined_story_id = e.story_id
  FROM story_event e
 WHERE e.event_id IN ('STORY_CREATED:' || m.article_id, 'ARTICLE_ADDED:' || m.article_id);

UPDATE membership m SET folded_story_ids = f.ids
  FROM (SELECT article_id, string_agg(split_part(event_id, ':', 2), ' ' ORDER BY event_id) AS ids
          FROM story_event WHERE event_id LIKE 'STORIES_MERGED:%' GROUP BY article_id) f
 WHERE f.article_id = m.article_id;
