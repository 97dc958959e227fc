-- What the cleaner left out of each article and why (one line each), carried on articles.clean so that the story
-- browser can explain an article; null for articles cleaned before it was recorded.
ALTER TABLE cleaned_article ADD COLUMN dropped TEXT;
